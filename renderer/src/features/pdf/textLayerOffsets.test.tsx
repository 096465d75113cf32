// @vitest-environment jsdom
import type { PdfTextContentItem } from '@shared/domain/pdf/buildPageText';
import { afterEach, describe, expect, it } from 'vitest';
import { drawTextLayer } from './testing/drawTextLayer';
import { rangeOfOffsets, selectionOfRange } from './textLayerOffsets';

const FIRST_PAGE: PdfTextContentItem[] = [
  { str: 'Apixaban reduced', hasEOL: false },
  { str: ' ', hasEOL: false },
  { str: 'stroke', hasEOL: true },
  { str: '', hasEOL: true },
  { str: 'and major bleeding', hasEOL: false },
];

const textOf = (span: HTMLElement | undefined) => {
  const node = span?.firstChild;
  if (!node) throw new Error('The run has no text node.');
  return node;
};

afterEach(() => {
  document.body.replaceChildren();
});

describe('selectionOfRange', () => {
  it('gives the offsets of a selection inside one run', () => {
    const layer = drawTextLayer(1, FIRST_PAGE);
    const range = document.createRange();
    range.setStart(textOf(layer.runs[0]), 9);
    range.setEnd(textOf(layer.runs[0]), 16);

    expect(selectionOfRange(range, [layer])).toEqual({
      page: 1,
      start: 9,
      end: 16,
      text: 'reduced',
    });
  });

  it('counts line breaks and empty runs as the page text does across runs', () => {
    const layer = drawTextLayer(1, FIRST_PAGE);
    const range = document.createRange();
    range.setStart(textOf(layer.runs[2]), 0);
    range.setEnd(textOf(layer.runs[4]), 9);

    const selection = selectionOfRange(range, [layer]);

    expect(selection).toEqual({ page: 1, start: 17, end: 34, text: 'stroke\n\nand major' });
    expect(layer.pageText.text.slice(selection?.start, selection?.end)).toBe(selection?.text);
  });

  it('snaps a boundary between runs to the text beside it', () => {
    const layer = drawTextLayer(1, FIRST_PAGE);
    const range = document.createRange();
    // From the <br> after "stroke" to the end of the layer (after its last child).
    range.setStart(layer.container, 3);
    range.setEnd(layer.container, layer.container.childNodes.length);

    expect(selectionOfRange(range, [layer])).toMatchObject({ text: 'and major bleeding' });
  });

  it('cuts a selection that runs into the next page at the end of its first page', () => {
    const first = drawTextLayer(1, FIRST_PAGE);
    const second = drawTextLayer(2, [{ str: 'Discussion', hasEOL: false }]);
    const range = document.createRange();
    range.setStart(textOf(first.runs[4]), 10);
    range.setEnd(textOf(second.runs[0]), 4);

    expect(selectionOfRange(range, [second, first])).toEqual({
      page: 1,
      start: 35,
      end: 43,
      text: 'bleeding',
    });
  });

  it('reports nothing for a collapsed selection or one outside every page', () => {
    const layer = drawTextLayer(1, FIRST_PAGE);
    const outside = document.createElement('p');
    outside.textContent = 'Toolbar';
    document.body.prepend(outside);
    const collapsed = document.createRange();
    collapsed.setStart(textOf(layer.runs[0]), 3);
    const elsewhere = document.createRange();
    elsewhere.selectNodeContents(outside);

    expect(selectionOfRange(collapsed, [layer])).toBeNull();
    expect(selectionOfRange(elsewhere, [layer])).toBeNull();
  });
});

describe('rangeOfOffsets', () => {
  it('turns page-text offsets back into the DOM range that shows them', () => {
    const layer = drawTextLayer(1, FIRST_PAGE);

    expect(rangeOfOffsets(layer, 9, 16)?.toString()).toBe('reduced');
    expect(rangeOfOffsets(layer, 17, 34)?.toString()).toBe('strokeand major');
    expect(rangeOfOffsets(layer, 25, 28)?.toString()).toBe('and');
    // A start on a line break moves to the text after it.
    expect(rangeOfOffsets(layer, 23, 28)?.toString()).toBe('and');
  });

  it('round-trips with selectionOfRange', () => {
    const layer = drawTextLayer(1, FIRST_PAGE);
    const range = rangeOfOffsets(layer, 4, 39);

    expect(range && selectionOfRange(range, [layer])).toMatchObject({ start: 4, end: 39 });
  });

  it('finds the offsets in runs whose text highlights have split into marks', () => {
    const layer = drawTextLayer(1, FIRST_PAGE);
    // "Apixaban [reduced]" and "[and] major bleeding", as painted highlights leave them.
    splitIntoMark(layer.runs[0]!, 9, 16);
    splitIntoMark(layer.runs[4]!, 0, 3);

    expect(rangeOfOffsets(layer, 9, 16)?.toString()).toBe('reduced');
    expect(rangeOfOffsets(layer, 12, 28)?.toString()).toBe('uced strokeand');
    expect(rangeOfOffsets(layer, 29, 43)?.toString()).toBe('major bleeding');
    const range = rangeOfOffsets(layer, 4, 39);
    expect(range && selectionOfRange(range, [layer])).toMatchObject({ start: 4, end: 39 });
  });
});

/** Wraps characters `start`–`end` of a run's text in a <mark>, as a painted highlight does. */
function splitIntoMark(run: HTMLElement, start: number, end: number) {
  const text = run.firstChild as Text;
  const inside = text.splitText(start);
  inside.splitText(end - start);
  const mark = document.createElement('mark');
  inside.before(mark);
  mark.append(inside);
}
