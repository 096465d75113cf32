import { z } from 'zod';

/**
 * Where a highlight sits, described the W3C Web Annotation way so that it can be found again after
 * the paper's text changes and exported without translation: the quoted words with a little of the
 * text either side, their character offsets, and for a PDF the page (the text selectors then being
 * relative to that page's text). Offsets count UTF-16 code units, as JavaScript strings and the
 * DOM's `textContent` do.
 */

/** RFC 3778 defines `page=N` fragments for PDF documents; the W3C model names a fragment's spec. */
export const PDF_PAGE_CONFORMS_TO = 'http://tools.ietf.org/rfc/rfc3778';

/** How much text either side of the quote is kept to tell its occurrences apart. */
export const CONTEXT_LENGTH = 32;
/** Context is cut between words unless that would leave less than this. */
const MIN_CONTEXT_LENGTH = 16;
/** Long enough for several paragraphs; a highlight is a passage, not a chapter. */
export const MAX_QUOTE_LENGTH = 20_000;
/** Context kept in stored selectors; longer context from other tools is cut to this on import. */
export const MAX_CONTEXT_LENGTH = 256;

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  /** The text just before `exact` (empty at the start of the text). */
  prefix: string;
  /** The text just after `exact` (empty at the end of the text). */
  suffix: string;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  /** Offset of the first character, in UTF-16 code units. */
  start: number;
  /** Offset just past the last character. */
  end: number;
}

/** A page of a PDF (`value` is `page=N`, N counting from 1). */
export interface PdfPageSelector {
  type: 'FragmentSelector';
  conformsTo: typeof PDF_PAGE_CONFORMS_TO;
  value: string;
}

/**
 * Everything that locates one highlight. The quote is always there; the position is missing only
 * for annotations imported from tools that did not record one; the page only for PDFs.
 */
export interface HighlightSelectors {
  quote: TextQuoteSelector;
  position: TextPositionSelector | null;
  page: PdfPageSelector | null;
}

export const textQuoteSelectorSchema = z
  .object({
    type: z.literal('TextQuoteSelector'),
    exact: z.string().min(1).max(MAX_QUOTE_LENGTH),
    prefix: z.string().max(MAX_CONTEXT_LENGTH),
    suffix: z.string().max(MAX_CONTEXT_LENGTH),
  })
  .strict();

export const textPositionSelectorSchema = z
  .object({
    type: z.literal('TextPositionSelector'),
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
  })
  .strict()
  .refine((selector) => selector.start < selector.end, 'A position must end after it starts.');

export const pdfPageSelectorSchema = z
  .object({
    type: z.literal('FragmentSelector'),
    conformsTo: z.literal(PDF_PAGE_CONFORMS_TO),
    value: z.string().regex(/^page=[1-9]\d{0,5}$/, 'A page fragment reads page=N.'),
  })
  .strict();

export const highlightSelectorsSchema = z
  .object({
    quote: textQuoteSelectorSchema,
    position: textPositionSelectorSchema.nullable(),
    page: pdfPageSelectorSchema.nullable(),
  })
  .strict();

export function pdfPageSelector(pageNumber: number): PdfPageSelector {
  if (!Number.isInteger(pageNumber) || pageNumber < 1) {
    throw new RangeError(`A PDF page number counts from 1; got ${pageNumber}.`);
  }
  return {
    type: 'FragmentSelector',
    conformsTo: PDF_PAGE_CONFORMS_TO,
    value: `page=${pageNumber}`,
  };
}

/** The page a fragment names (`page=3`, also `page=3&zoom=100` as PDF viewers write it), or null. */
export function pageNumberOf(selector: PdfPageSelector): number | null {
  const match = /(?:^|&)page=(\d+)(?:&|$)/.exec(selector.value);
  const pageNumber = match ? Number(match[1]) : 0;
  return pageNumber >= 1 ? pageNumber : null;
}

const WORD_CHARACTER = /[\p{L}\p{N}]/u;
const WHITE_SPACE = /\s/u;

function isWordCharacterAt(text: string, index: number): boolean {
  return WORD_CHARACTER.test(text.charAt(index));
}

function isLowSurrogateAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code >= 0xdc00 && code <= 0xdfff;
}

function isHighSurrogateAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code >= 0xd800 && code <= 0xdbff;
}

/** Where the prefix begins: about CONTEXT_LENGTH before `start`, not inside a word or an emoji. */
function prefixStart(text: string, start: number): number {
  let from = Math.max(0, start - CONTEXT_LENGTH);
  if (from > 0 && isWordCharacterAt(text, from - 1) && isWordCharacterAt(text, from)) {
    let wordEnd = from;
    while (wordEnd < start && isWordCharacterAt(text, wordEnd)) wordEnd += 1;
    if (start - wordEnd >= MIN_CONTEXT_LENGTH) from = wordEnd;
  }
  if (from < start && isLowSurrogateAt(text, from)) from += 1;
  return from;
}

/** Where the suffix ends: about CONTEXT_LENGTH after `end`, not inside a word or an emoji. */
function suffixEnd(text: string, end: number): number {
  let to = Math.min(text.length, end + CONTEXT_LENGTH);
  if (to < text.length && isWordCharacterAt(text, to - 1) && isWordCharacterAt(text, to)) {
    let wordStart = to;
    while (wordStart > end && isWordCharacterAt(text, wordStart - 1)) wordStart -= 1;
    if (wordStart - end >= MIN_CONTEXT_LENGTH) to = wordStart;
  }
  if (to > end && isHighSurrogateAt(text, to - 1)) to -= 1;
  return to;
}

/**
 * The selectors for `text.slice(start, end)`, as a user selected it. White space selected at
 * either end is left out (the highlight then covers what it looks like it covers); a selection of
 * white space alone describes nothing and gives null. For a PDF, `text` is the page's text and
 * `pageNumber` its number.
 */
export function describeTextRange(
  text: string,
  start: number,
  end: number,
  options: { pageNumber?: number } = {},
): HighlightSelectors | null {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length) {
    throw new RangeError(`The range ${start}–${end} is not within a text of ${text.length}.`);
  }
  if (end < start) throw new RangeError(`The range ${start}–${end} ends before it starts.`);
  let from = start;
  let to = end;
  while (from < to && WHITE_SPACE.test(text.charAt(from))) from += 1;
  while (to > from && WHITE_SPACE.test(text.charAt(to - 1))) to -= 1;
  if (from === to) return null;
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(from, to),
      prefix: text.slice(prefixStart(text, from), from),
      suffix: text.slice(to, suffixEnd(text, to)),
    },
    position: { type: 'TextPositionSelector', start: from, end: to },
    page: options.pageNumber === undefined ? null : pdfPageSelector(options.pageNumber),
  };
}
