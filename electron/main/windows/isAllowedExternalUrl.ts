/**
 * True for the only links Rounds hands to the system browser: http and https. Everything else
 * (javascript:, file:, data:, custom app schemes that could launch programs) is refused.
 */
export function isAllowedExternalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.hostname !== '';
}
