import { parseWebUrl } from './parseWebUrl';

/**
 * Resolves a relative reference (`../feed.xml`, `/rss`, `//cdn.example/x`, `?page=2`) against an
 * absolute base address exactly as a browser resolves an `href` (the WHATWG URL standard), and
 * returns the result in its serialised form. Null when the base is not absolute or the result is
 * not a valid URL. The fragment is dropped: feeds are fetched, not scrolled to.
 */
export function resolveUrlReference(reference: string, base: string): string | null {
  const resolved = parseWebUrl(reference.trim(), base.trim());
  if (resolved === null) return null;
  resolved.hash = '';
  return resolved.href;
}
