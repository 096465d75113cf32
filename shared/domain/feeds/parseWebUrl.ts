/** The parts of a WHATWG URL record that Rounds reads or changes. */
export interface WebUrl {
  href: string;
  readonly protocol: string;
  readonly username: string;
  readonly password: string;
  hostname: string;
  readonly port: string;
  hash: string;
}

type UrlConstructor = new (input: string, base?: string) => WebUrl;

// shared/ is type-checked with the ECMAScript library only (no DOM, no Node), yet every runtime
// Rounds runs in (Node, Electron, the browser) has the standard URL class. Typed here only as far
// as Rounds uses it, so no global declaration can clash with the DOM's or Node's own.
const PlatformUrl = (globalThis as unknown as { URL: UrlConstructor }).URL;

/**
 * Parses an address as a browser does (the WHATWG URL standard: international host names in
 * punycode, `..` segments and default ports removed, `\` read as `/` in web addresses), resolving
 * it against `base` when one is given. Null when it is not a valid URL.
 */
export function parseWebUrl(input: string, base?: string): WebUrl | null {
  try {
    return base === undefined ? new PlatformUrl(input) : new PlatformUrl(input, base);
  } catch {
    return null;
  }
}
