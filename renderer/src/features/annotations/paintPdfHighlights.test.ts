// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { drawTextLayer, linesOf } from '../pdf/testing/drawTextLayer';
import { rangeOfOffsets, selectionOfRange } from '../pdf/textLayerOffsets';
import { paintPdfHighlights, removePdfHighlights } from './paintPdfHighlights';
import type { PaintableHighlight } from './paintHighlights';

const PAGE = linesOf(
  'Results. Early heparin reduced death',
  'at 90 days from 31 percent',
  'to 26 percent.',
);

afterEach(() => {
  document.body.replaceChildren();
});

function highlightOf(
  text: string,
  passage: string,
  annotationId: string,
  colour: PaintableHighlight['colour'] = 'yellow',
): PaintableHighlight {
  const start = text.indexOf(passage);
  if (start < 0) throw new Error(`"${passage}" is not on the page`);
  return { annotationId, colour, start, end: start + passage.length };
}

function marksOf(container: HTMLElement, annotationId: string): string[] {
  return [...container.querySelectorAll(`mark[data-annotation-id="${annotationId}"]`)].map(
    (mark) => mark.textContent ?? '',
  );
}

describe('paintPdfHighlights', () => {
  it('marks a passage inside one line of the text layer, in its colour', () => {
    const layer = drawTextLayer(2, PAGE);
    const text = layer.pageText.text;

    const painted = paintPdfHighlights(layer, [highlightOf(text, 'heparin reduced', 'a1', 'red')]);

    expect(marksOf(layer.container, 'a1')).toEqual(['heparin reduced']);
    expect(painted.get('a1')?.[0]?.className).toBe('highlight highlight--red');
    expect(layer.runs[0]?.textContent).toBe('Results. Early heparin reduced death');
  });

  it('marks a passage across lines line by line, leaving the line breaks to the layer', () => {
    const layer = drawTextLayer(2, PAGE);
    const text = layer.pageText.text;

    paintPdfHighlights(layer, [highlightOf(text, 'death\nat 90 days', 'a1')]);

    expect(marksOf(layer.container, 'a1')).toEqual(['death', 'at 90 days']);
    expect(layer.container.querySelectorAll(':scope > span')).toHaveLength(3);
    expect(layer.container.querySelectorAll(':scope > br')).toHaveLength(2);
  });

  it('leaves the page’s offsets as they were, so selecting and finding still agree', () => {
    const layer = drawTextLayer(2, PAGE);
    const text = layer.pageText.text;
    paintPdfHighlights(layer, [
      highlightOf(text, 'reduced death\nat 90', 'a1'),
      highlightOf(text, 'death', 'a2', 'blue'),
    ]);

    const passage = highlightOf(text, 'heparin reduced death\nat 90 days from', 'find');
    const range = rangeOfOffsets(layer, passage.start, passage.end);

    expect(range?.toString()).toBe('heparin reduced deathat 90 days from');
    expect(range && selectionOfRange(range, [layer])).toMatchObject({
      start: passage.start,
      end: passage.end,
    });
    // The shorter highlight sits inside the longer one.
    expect(layer.container.querySelector('mark[data-annotation-id="a1"] > mark')?.textContent).toBe(
      'death',
    );
  });

  it('paints again over its own marks, and takes them all out', () => {
    const layer = drawTextLayer(2, PAGE);
    const text = layer.pageText.text;
    paintPdfHighlights(layer, [highlightOf(text, 'Early heparin', 'a1')]);

    paintPdfHighlights(layer, [highlightOf(text, '26 percent', 'a2')]);
    expect(marksOf(layer.container, 'a1')).toEqual([]);
    expect(marksOf(layer.container, 'a2')).toEqual(['26 percent']);

    removePdfHighlights(layer);
    expect(layer.container.querySelectorAll('mark')).toHaveLength(0);
    expect(layer.runs.map((run) => run.childNodes.length)).toEqual([1, 1, 1]);
  });

  it('leaves out what lies beyond the page’s text', () => {
    const layer = drawTextLayer(2, PAGE);

    const painted = paintPdfHighlights(layer, [
      { annotationId: 'a1', colour: 'green', start: 5_000, end: 5_010 },
    ]);

    expect(painted.size).toBe(0);
    expect(layer.container.querySelectorAll('mark')).toHaveLength(0);
  });
});
