import { isPlainMailLink } from '@shared/domain/feeds/isPlainMailLink';

const DISPLAYABLE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/**
 * Whether a link in feed content may stay clickable: only absolute web addresses and plain mail
 * links (one address, at most a subject and a body).
 * Relative links are refused too, because in this window they would resolve against the app
 * itself rather than the site the article came from.
 */
export function isDisplayableHref(href: string): boolean {
  // Browsers ignore control characters and spaces inside a scheme ("java\tscript:"), so a check
  // must see the address the way the browser will.
  const compact = withoutSpacesAndControls(href);
  if (!URL.canParse(compact)) return false;
  const url = new URL(compact);
  if (!DISPLAYABLE_PROTOCOLS.has(url.protocol)) return false;
  // The main process opens only plain mail links; any other would do nothing when clicked.
  return url.protocol === 'mailto:' ? isPlainMailLink(compact) : url.hostname !== '';
}

function withoutSpacesAndControls(value: string): string {
  let kept = '';
  for (const character of value) {
    const code = character.codePointAt(0) ?? 0;
    if (code > 0x20 && (code < 0x7f || code > 0xa0)) kept += character;
  }
  return kept;
}
