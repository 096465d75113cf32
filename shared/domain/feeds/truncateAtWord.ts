const ELLIPSIS = '…';

/**
 * Shortens text to at most `maxLength` characters (ellipsis included), cutting at a word boundary
 * when one is reasonably close so a title or excerpt does not end mid-word.
 */
export function truncateAtWord(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  let cut = text.slice(0, Math.max(0, maxLength - ELLIPSIS.length));
  const lastSpace = cut.lastIndexOf(' ');
  // A very long first word (a URL, a German compound) is cut hard rather than dropped entirely.
  if (lastSpace > maxLength * 0.6) cut = cut.slice(0, lastSpace);
  // Never leave half of a surrogate pair (an emoji) at the end.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return cut.trimEnd() + ELLIPSIS;
}
