// The renderer's Content Security Policy, in one place: the build writes it into index.html's
// <meta> and the host sends it as a header, so the two runtimes cannot drift apart.

/**
 * The policy: nothing remote, no inline script or style, no plugins, no framing, no forms.
 * Feed HTML is sanitised twice before display; this is the third layer.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
  "connect-src 'self'; worker-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; object-src 'none'";

/** Directives a browser ignores, with a console error, when they come from a <meta> element. */
const HEADER_ONLY_DIRECTIVES = new Set(['frame-ancestors', 'report-uri', 'sandbox']);

type Directives = Map<string, string[]>;

function parsePolicy(policy: string): Directives {
  const directives: Directives = new Map();
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), values);
  }
  return directives;
}

function serializePolicy(directives: Directives): string {
  return [...directives].map(([name, values]) => [name, ...values].join(' ')).join('; ');
}

/**
 * The policy as a <meta> element can carry it. `frame-ancestors` only works as a header (the host
 * sends it); in a <meta> it is ignored and logs an error in every window.
 */
export function metaPolicyOf(policy: string): string {
  const directives = parsePolicy(policy);
  for (const name of HEADER_ONLY_DIRECTIVES) directives.delete(name);
  return serializePolicy(directives);
}

/**
 * The development-server variant: Vite's dev client injects CSS as <style> elements, and React
 * Refresh needs one inline preamble script, allowed by its hash only. Never used in a build.
 */
export function devServerPolicyOf(policy: string, inlineScriptHashes: readonly string[]): string {
  const directives = parsePolicy(metaPolicyOf(policy));
  const scripts = directives.get('script-src') ?? ["'self'"];
  directives.set('script-src', [...scripts, ...inlineScriptHashes.map((hash) => `'${hash}'`)]);
  const styles = directives.get('style-src') ?? ["'self'"];
  directives.set('style-src', [...styles, "'unsafe-inline'"]);
  return serializePolicy(directives);
}

const CSP_META = /<meta\s[^>]*http-equiv\s*=\s*["']?content-security-policy["']?[^>]*>/gi;

/**
 * Writes `policy` into the page's CSP <meta>, replacing whatever policy the file carried, or adds
 * the element first in <head> when there is none (it must precede every script to apply).
 */
export function withContentSecurityPolicy(html: string, policy: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy.replaceAll('&', '&amp;').replaceAll('"', '&quot;')}" />`;
  let replaced = false;
  const rewritten = html.replace(CSP_META, () => {
    if (replaced) return '';
    replaced = true;
    return meta;
  });
  if (replaced) return rewritten;
  return html.replace(/<head(\s[^>]*)?>/i, (head) => `${head}\n    ${meta}`);
}

/** The policies the <meta> elements of a page declare. */
export function readContentSecurityPolicies(html: string): string[] {
  return [...html.matchAll(CSP_META)].map((match) => {
    const content = /content\s*=\s*"([^"]*)"|content\s*=\s*'([^']*)'/i.exec(match[0]);
    return (content?.[1] ?? content?.[2] ?? '').replaceAll('&quot;', '"').replaceAll('&amp;', '&');
  });
}
