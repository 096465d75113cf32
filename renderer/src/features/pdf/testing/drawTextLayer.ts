// Test support only: a page's text layer as pdf.js's TextLayer lays one out, without pdf.js.
import { buildPageText, type PdfTextContentItem } from '@shared/domain/pdf/buildPageText';
import type { RenderedTextLayer } from '../textLayerOffsets';

/**
 * A text layer for `items`: a span per run (a run without characters gets a span that is never
 * attached, as TextLayer does), a <br> after a run that ends a line. Drawn into `parent`, or the
 * document's body.
 */
export function drawTextLayer(
  page: number,
  items: readonly PdfTextContentItem[],
  parent: HTMLElement = document.body,
): RenderedTextLayer {
  const container = parent.ownerDocument.createElement('div');
  container.className = 'textLayer';
  const runs: HTMLElement[] = [];
  for (const item of items) {
    if (!('str' in item)) continue;
    const span = parent.ownerDocument.createElement('span');
    span.textContent = item.str;
    runs.push(span);
    if (item.str !== '') container.append(span);
    if (item.hasEOL) container.append(parent.ownerDocument.createElement('br'));
  }
  parent.append(container);
  return { page, container, runs, pageText: buildPageText(items) };
}

/** Lines of text as pdf.js reads them from a page drawn by writeTestPdf: one run per line. */
export function linesOf(...lines: string[]): PdfTextContentItem[] {
  return lines.map((str, index) => ({ str, hasEOL: index < lines.length - 1 }));
}
