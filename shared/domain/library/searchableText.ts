// Combining marks left by NFD decomposition: dropping them makes "é" match "e".
const COMBINING_MARKS = /\p{M}+/gu;
// Anything that is not a letter or a digit separates words.
const SEPARATORS = /[^\p{L}\p{N}]+/gu;

/**
 * Text folded for matching: accents removed, lower case, every run of punctuation and spaces
 * turned into one space, with a space at both ends so that `' word '` finds whole words and
 * `' wor'` finds words starting with "wor". Empty input gives `' '`.
 */
export function searchableText(...parts: readonly (string | null | undefined)[]): string {
  const joined = parts.filter((part): part is string => typeof part === 'string').join(' ');
  // Only text outside printable ASCII needs the (comparatively slow) Unicode decomposition.
  const folded = /[^\x20-\x7e]/.test(joined)
    ? joined.normalize('NFD').replace(COMBINING_MARKS, '')
    : joined;
  const words = folded.toLowerCase().replace(SEPARATORS, ' ').trim();
  return words.length === 0 ? ' ' : ` ${words} `;
}
