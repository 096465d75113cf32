/** One plain address: no display name, no second recipient, no percent-encoded characters. */
const MAIL_ADDRESS = /^[a-z0-9.!#$&'*+/=?^_`{|}~-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+$/i;

/** Mail fields a link may fill in; recipients (`to`, `cc`, `bcc`) and other headers are refused. */
const MAIL_FIELDS = new Set(['subject', 'body']);

/** The parts of a WHATWG URL record a mail link is judged by. */
interface MailUrl {
  readonly protocol: string;
  readonly pathname: string;
  readonly hash: string;
  readonly searchParams: Iterable<[string, string]>;
}

// shared/ is type-checked without DOM or Node types, yet every runtime Rounds runs in has the
// standard URL class; typed here only as far as this file uses it.
const PlatformUrl = (globalThis as unknown as { URL: new (input: string) => MailUrl }).URL;

/**
 * Whether a `mailto:` link is one the app lets the user follow: a single address with at most a
 * subject and a body. Links that add recipients (`cc`, `bcc`, `to`), other headers, a fragment,
 * or a line break in the subject (which would start a new header) are refused, so a feed cannot
 * prepare a mail that quietly copies someone in.
 *
 * @param href - An absolute address; false for anything but a valid `mailto:` link.
 * @returns True when the link may be handed to the user's mail app.
 */
export function isPlainMailLink(href: string): boolean {
  let url: MailUrl;
  try {
    url = new PlatformUrl(href);
  } catch {
    return false;
  }
  if (url.protocol !== 'mailto:' || !MAIL_ADDRESS.test(url.pathname) || url.hash !== '') {
    return false;
  }
  const fields = [...url.searchParams].map(([name, value]) => [name.toLowerCase(), value] as const);
  const names = new Set(fields.map(([name]) => name));
  if (names.size !== fields.length || [...names].some((name) => !MAIL_FIELDS.has(name))) {
    return false;
  }
  // In the body a line break is just a new line; in the subject it would start a new header.
  return fields.every(([name, value]) => name !== 'subject' || !/[\r\n]/.test(value));
}
