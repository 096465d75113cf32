import { describe, expect, it } from 'vitest';
import {
  describeTextRange,
  pageNumberOf,
  pdfPageSelector,
  PDF_PAGE_CONFORMS_TO,
} from './selectors';

const TEXT =
  'Background: Sepsis remains a leading cause of death in hospital. Methods: In this ' +
  'randomised controlled trial of adults admitted with sepsis, early anticoagulation reduced ' +
  '90-day mortality (hazard ratio 0.82) without more major bleeding. Interpretation: treat early.';

function rangeOf(text: string, passage: string): [number, number] {
  const start = text.indexOf(passage);
  if (start < 0) throw new Error(`"${passage}" is not in the text`);
  return [start, start + passage.length];
}

describe('describeTextRange', () => {
  it('quotes the passage with its position and up to 32 characters of context cut between words', () => {
    const [start, end] = rangeOf(TEXT, 'reduced 90-day mortality');

    const selectors = describeTextRange(TEXT, start, end);

    expect(selectors).not.toBeNull();
    const { quote, position, page } = selectors!;
    expect(quote.type).toBe('TextQuoteSelector');
    expect(quote.exact).toBe('reduced 90-day mortality');
    expect(position).toEqual({ type: 'TextPositionSelector', start, end });
    expect(page).toBeNull();
    expect(quote.prefix.length).toBeLessThanOrEqual(32);
    expect(quote.suffix.length).toBeLessThanOrEqual(32);
    expect(TEXT.slice(start - quote.prefix.length, start)).toBe(quote.prefix);
    expect(TEXT.slice(end, end + quote.suffix.length)).toBe(quote.suffix);
    // 32 characters would begin in "wit|h" and end in "mor|e": those partial words are dropped.
    expect(quote.prefix).toBe(' sepsis, early anticoagulation ');
    expect(quote.suffix).toBe(' (hazard ratio 0.82) without ');
  });

  it('keeps a hard cut when the word at the edge is too long to drop', () => {
    const text = `${'x'.repeat(60)}PASSAGE${'y'.repeat(60)}`;
    const [start, end] = rangeOf(text, 'PASSAGE');

    const { quote } = describeTextRange(text, start, end)!;

    expect(quote.prefix).toBe('x'.repeat(32));
    expect(quote.suffix).toBe('y'.repeat(32));
  });

  it('has empty context at the edges of the text', () => {
    const { quote } = describeTextRange('Sepsis kills.', 0, 13)!;

    expect(quote).toEqual({
      type: 'TextQuoteSelector',
      exact: 'Sepsis kills.',
      prefix: '',
      suffix: '',
    });
  });

  it('leaves out white space selected around the passage', () => {
    const [start, end] = rangeOf(TEXT, ' Methods: ');

    const selectors = describeTextRange(TEXT, start, end)!;

    expect(selectors.quote.exact).toBe('Methods:');
    expect(TEXT.slice(selectors.position!.start, selectors.position!.end)).toBe('Methods:');
  });

  it('describes nothing when only white space is selected', () => {
    expect(describeTextRange('a   b', 1, 4)).toBeNull();
    expect(describeTextRange('abc', 2, 2)).toBeNull();
  });

  it('refuses a range outside the text or backwards', () => {
    expect(() => describeTextRange('abc', -1, 2)).toThrow(RangeError);
    expect(() => describeTextRange('abc', 1, 4)).toThrow(RangeError);
    expect(() => describeTextRange('abc', 2, 1)).toThrow(RangeError);
    expect(() => describeTextRange('abc', 0.5, 2)).toThrow(RangeError);
  });

  it('never cuts an emoji in half at the edge of the context', () => {
    // 32 code units before the passage begin inside the 16th emoji from its left.
    const text = `${'😀'.repeat(20)} PASSAGE ${'😀'.repeat(20)}`;
    const [start, end] = rangeOf(text, 'PASSAGE');

    const { quote } = describeTextRange(text, start, end)!;

    expect(quote.prefix).toBe(`${'😀'.repeat(15)} `);
    expect(quote.suffix).toBe(` ${'😀'.repeat(15)}`);
  });

  it('adds the page for a PDF, the text selectors being relative to that page', () => {
    const selectors = describeTextRange('Page three text.', 5, 10, { pageNumber: 3 })!;

    expect(selectors.page).toEqual({
      type: 'FragmentSelector',
      conformsTo: PDF_PAGE_CONFORMS_TO,
      value: 'page=3',
    });
    expect(selectors.quote.exact).toBe('three');
  });
});

describe('PDF page selectors', () => {
  it('reads back the page number they were made with', () => {
    expect(pageNumberOf(pdfPageSelector(12))).toBe(12);
  });

  it('reads no page from a fragment that names none', () => {
    expect(
      pageNumberOf({ type: 'FragmentSelector', conformsTo: PDF_PAGE_CONFORMS_TO, value: 'page=0' }),
    ).toBeNull();
    expect(
      pageNumberOf({ type: 'FragmentSelector', conformsTo: PDF_PAGE_CONFORMS_TO, value: 'zoom=2' }),
    ).toBeNull();
    expect(
      pageNumberOf({
        type: 'FragmentSelector',
        conformsTo: PDF_PAGE_CONFORMS_TO,
        value: 'page=2&zoom=1',
      }),
    ).toBe(2);
  });

  it('refuses a page number that is not a positive whole number', () => {
    expect(() => pdfPageSelector(0)).toThrow(RangeError);
    expect(() => pdfPageSelector(1.5)).toThrow(RangeError);
  });
});
