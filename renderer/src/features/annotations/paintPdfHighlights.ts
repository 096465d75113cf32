import type { RenderedTextLayer } from '../pdf/textLayerOffsets';
import { paintHighlights, removeHighlights, type PaintableHighlight } from './paintHighlights';

/**
 * Paints highlights on one PDF page's text layer. Their offsets count in the page's text as
 * buildPageText builds it, which holds a line break after each line where the layer has a <br>
 * (not text): so each text run (a <span> of the layer) is painted on its own, with the part of
 * every highlight that falls in it, and the line breaks stay unmarked. Runs keep their text and
 * order, so selecting and finding on the page count as before. Highlights painted before are
 * removed first. Returns each annotation's marks in reading order.
 */
export function paintPdfHighlights(
  layer: RenderedTextLayer,
  highlights: readonly PaintableHighlight[],
): Map<string, HTMLElement[]> {
  removePdfHighlights(layer);
  const painted = new Map<string, HTMLElement[]>();
  layer.runs.forEach((run, index) => {
    const runStart = layer.pageText.runStarts[index];
    const length = run.textContent?.length ?? 0;
    if (runStart === undefined || length === 0 || !run.isConnected) return;
    const runEnd = runStart + length;
    const inRun = highlights
      .filter((highlight) => highlight.start < runEnd && highlight.end > runStart)
      .map((highlight) => ({
        ...highlight,
        start: Math.max(highlight.start, runStart) - runStart,
        end: Math.min(highlight.end, runEnd) - runStart,
      }));
    if (inRun.length === 0) return;
    for (const [annotationId, marks] of paintHighlights(run, inRun)) {
      painted.set(annotationId, [...(painted.get(annotationId) ?? []), ...marks]);
    }
  });
  return painted;
}

/** Takes every painted highlight off a page's text layer. */
export function removePdfHighlights(layer: RenderedTextLayer): void {
  removeHighlights(layer.container);
}
