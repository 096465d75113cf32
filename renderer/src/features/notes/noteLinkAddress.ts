import { isDisplayableHref } from '../library/isDisplayableHref';

const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * The address a typed link points to, or null when a note may not link to it. Only web links
 * (http, https) and plain mail links are accepted, the same rule as links in articles, so every
 * link in a note is one the app will open. A bare `example.org` is read as https and a bare
 * address with an @ as a mail link, as people type them.
 */
export function noteLinkAddress(typed: string): string | null {
  const text = typed.trim();
  if (text === '') return null;
  let address = text;
  if (!HAS_SCHEME.test(text)) {
    address = text.includes('@') && !text.includes('/') ? `mailto:${text}` : `https://${text}`;
  }
  return isDisplayableHref(address) ? address : null;
}
