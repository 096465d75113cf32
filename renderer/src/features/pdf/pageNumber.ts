/**
 * The page the user typed into the page field, or null when it is not a page of this document
 * (the field then goes back to the current page).
 */
export function parsePageNumber(typed: string, pageCount: number): number | null {
  const trimmed = typed.trim();
  if (!/^\d{1,7}$/.test(trimmed)) return null;
  const page = Number(trimmed);
  return page >= 1 && page <= pageCount ? page : null;
}

/**
 * The page shown at the reading line (a third of the way down the scrolling area), found by
 * binary search over each page's top edge, in page order.
 */
export function pageAtOffset(pageTops: readonly number[], readingLine: number): number {
  let low = 0;
  let high = pageTops.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if ((pageTops[middle] ?? 0) <= readingLine) low = middle;
    else high = middle - 1;
  }
  return low + 1;
}
