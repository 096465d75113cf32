/**
 * What pdf.js's `getTextContent()` lists for a page: runs of text, and (when asked for) marks where
 * marked content begins and ends, which carry no text.
 */
export type PdfTextContentItem = { str: string; hasEOL: boolean } | { type: string };

/** A page's text and where each text run of the page begins in it. */
export interface PageText {
  text: string;
  /**
   * For the n-th text run (marked-content marks are not counted, as pdf.js's text layer does not
   * count them either), the offset in `text` of its first character.
   */
  runStarts: number[];
}

/**
 * Joins a page's text runs the way its text layer lays them out: each run's characters in order,
 * a line break after a run that ends a line. The viewer maps a selection in the text layer back
 * to offsets in this text, and the index stores this text, so a highlight saved from the viewer
 * points at the same characters that a search over the index finds. Both must use this function
 * on the text content of the same pdf.js call (`getTextContent()` with its default options).
 */
export function buildPageText(items: Iterable<PdfTextContentItem>): PageText {
  let text = '';
  const runStarts: number[] = [];
  for (const item of items) {
    if (!('str' in item)) continue;
    runStarts.push(text.length);
    text += item.str;
    if (item.hasEOL) text += '\n';
  }
  return { text, runStarts };
}
