import type { PageText } from '@shared/domain/pdf/buildPageText';

/** A selection in the viewer: `pageText.slice(start, end)` of one page, as buildPageText built it. */
export interface PdfTextSelection {
  /** 1-based. */
  page: number;
  start: number;
  end: number;
  text: string;
}

/** A page's text layer as pdf.js's TextLayer drew it. */
export interface RenderedTextLayer {
  page: number;
  /** The element the text layer was drawn into. */
  container: HTMLElement;
  /**
   * TextLayer's `textDivs`: one element per text run, in the order of the text content (a run
   * without characters gets an element that is never attached).
   */
  runs: readonly HTMLElement[];
  pageText: PageText;
}

type Edge = 'start' | 'end';

/**
 * The selection `range` makes in the page where it begins, as offsets in that page's text. A
 * selection running on into later pages is cut at the end of its first page, since a highlight
 * belongs to one page. Null when it selects no text of any page.
 */
export function selectionOfRange(
  range: Range,
  layers: Iterable<RenderedTextLayer>,
): PdfTextSelection | null {
  if (range.collapsed) return null;
  const touched = [...layers]
    .filter((layer) => range.intersectsNode(layer.container))
    .sort((a, b) => a.page - b.page);
  const layer = touched[0];
  if (!layer) return null;
  const start = offsetOfPoint(layer, range.startContainer, range.startOffset, 'start');
  const end = layer.container.contains(range.endContainer)
    ? offsetOfPoint(layer, range.endContainer, range.endOffset, 'end')
    : endOfLastRun(layer);
  if (end <= start) return null;
  return { page: layer.page, start, end, text: layer.pageText.text.slice(start, end) };
}

/** A DOM range over the page text's `start`–`end`, for marking a find match; null if not drawn. */
export function rangeOfOffsets(layer: RenderedTextLayer, start: number, end: number): Range | null {
  const from = pointAtOffset(layer, start, 'start');
  const to = pointAtOffset(layer, end, 'end');
  if (!from || !to) return null;
  const range = layer.container.ownerDocument.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}

/**
 * The page-text offset of a boundary point. Inside a run it is the run's start plus the characters
 * before the point; between runs (on a line break, in the gap after the last line) it snaps to the
 * next run's start for a selection's start and the previous run's end for its end, so the
 * selection holds exactly the characters that look selected.
 */
function offsetOfPoint(layer: RenderedTextLayer, node: Node, offset: number, edge: Edge): number {
  const { runs, pageText } = layer;
  let previousEnd = 0;
  for (let index = 0; index < runs.length; index++) {
    const run = runs[index];
    const runStart = pageText.runStarts[index];
    if (!run?.isConnected || runStart === undefined) continue;
    const inRun = run.ownerDocument.createRange();
    inRun.selectNodeContents(run);
    const position = inRun.comparePoint(node, offset);
    if (position === 0) {
      inRun.setEnd(node, offset);
      return runStart + inRun.toString().length;
    }
    if (position < 0) return edge === 'start' ? runStart : previousEnd;
    previousEnd = runStart + (run.textContent ?? '').length;
  }
  return edge === 'start' ? pageText.text.length : previousEnd;
}

function endOfLastRun(layer: RenderedTextLayer): number {
  return offsetOfPoint(layer, layer.container, layer.container.childNodes.length, 'end');
}

/** The text node and offset where page-text `offset` falls, inside the run that holds it. */
function pointAtOffset(
  layer: RenderedTextLayer,
  offset: number,
  edge: Edge,
): { node: Node; offset: number } | null {
  const { runs, pageText } = layer;
  let fallback: { node: Node; offset: number } | null = null;
  for (let index = 0; index < runs.length; index++) {
    const run = runs[index];
    const runStart = pageText.runStarts[index];
    if (!run?.isConnected || runStart === undefined) continue;
    const length = (run.textContent ?? '').length;
    if (length === 0) continue;
    const inside = edge === 'start' ? offset < runStart + length : offset <= runStart + length;
    if (offset >= runStart && inside) return pointInRun(run, offset - runStart, edge);
    // An offset on a line break belongs to the end of the run before it (start: the next run).
    if (runStart > offset) return edge === 'start' ? pointInRun(run, 0, edge) : fallback;
    fallback = pointInRun(run, length, 'end');
  }
  return edge === 'end' ? fallback : null;
}

/**
 * The text node and offset `offset` characters into a run. Painted highlights split a run's text
 * into several nodes inside marks; a point where two nodes meet is put in the later node for a
 * start and in the earlier one for an end, so a range never begins or ends in the wrong mark.
 */
function pointInRun(
  run: HTMLElement,
  offset: number,
  edge: Edge,
): { node: Node; offset: number } | null {
  // 4 is NodeFilter.SHOW_TEXT.
  const walker = run.ownerDocument.createTreeWalker(run, 4);
  let before = 0;
  let last: Text | null = null;
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const text = node as Text;
    const within =
      edge === 'start' ? offset < before + text.length : offset <= before + text.length;
    if (within) return { node: text, offset: offset - before };
    before += text.length;
    last = text;
  }
  return last === null ? null : { node: last, offset: last.length };
}
