import { isPlainMailLink } from '@shared/domain/feeds/isPlainMailLink';

/**
 * True for the only links Rounds hands to the operating system: http and https pages (the
 * browser) and `mailto:` links to one address with at most a subject and a body (the mail app).
 * Everything else (javascript:, file:, data:, custom app schemes that could launch programs, and
 * mailto links that add recipients or headers) is refused.
 */
export function isAllowedExternalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === 'mailto:') return isPlainMailLink(url);
  return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.hostname !== '';
}
