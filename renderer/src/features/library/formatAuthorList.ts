/** How many authors a byline names before "et al.", as journals commonly print them. */
export const AUTHORS_SHOWN = 6;

/**
 * A paper's authors as one line: all of them when there are few, otherwise the first six and
 * "et al.", so a consortium paper does not push the abstract off the screen. Blank names from a
 * sloppy feed are skipped; an empty list gives an empty string.
 */
export function formatAuthorList(authors: readonly string[], shown = AUTHORS_SHOWN): string {
  const named = authors.map((author) => author.trim()).filter((author) => author !== '');
  if (named.length <= shown) return named.join(', ');
  return `${named.slice(0, shown).join(', ')} et al.`;
}
