/**
 * Small text measures shared by the platform counters and the thread splitter. Pure functions over
 * strings; `Intl.Segmenter` gives user-perceived characters (grapheme clusters).
 */

const graphemeSegmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The grapheme clusters of `text`, each with its UTF-16 start offset. */
export function graphemesOf(text: string): { segment: string; index: number }[] {
  return Array.from(graphemeSegmenter.segment(text), ({ segment, index }) => ({ segment, index }));
}

function segmentedCount(text: string): number {
  let count = 0;
  for (const _ of graphemeSegmenter.segment(text)) count += 1;
  return count;
}

/** Non-ASCII characters with the ASCII character before them, which they may combine with. */
const NON_ASCII_STRETCH = /[^\u0080-\u{10FFFF}]?[\u0080-\u{10FFFF}]+/gu;

/**
 * The number of graphemes. The splitter measures many prefixes, and segmenting is slow, so only
 * the stretches that can form multi-character graphemes are segmented: any other ASCII character
 * is a grapheme of its own. (A rare Prepend mark before ASCII is then counted as two, which errs
 * on the safe side.) CR LF is one grapheme, so text with CR is segmented whole.
 */
export function countGraphemes(text: string): number {
  if (text.includes('\r')) return segmentedCount(text);
  let count = text.length;
  for (const [stretch] of text.matchAll(NON_ASCII_STRETCH)) {
    count += segmentedCount(stretch) - stretch.length;
  }
  return count;
}

/** UTF-8 length computed from code points, so no TextEncoder (a DOM/Node global) is needed. */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (const character of text) {
    const codePoint = character.codePointAt(0) ?? 0;
    if (codePoint < 0x80) bytes += 1;
    else if (codePoint < 0x800) bytes += 2;
    else if (codePoint < 0x10000) bytes += 3;
    else bytes += 4;
  }
  return bytes;
}

/** A half-open UTF-16 range [start, end) of the text. */
export interface TextSpan {
  start: number;
  end: number;
}
