import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { PdfViewerHandle, PdfViewerProps } from '../pdf/PdfViewer';
import type { RenderedTextLayer } from '../pdf/textLayerOffsets';
import type { PaintablePdfHighlight } from './anchorAnnotations';
import { paintPdfHighlights } from './paintPdfHighlights';
import { describeMarks, revealMarks } from './revealMarks';
import { SelectionToolbar } from './SelectionToolbar';
import type { PdfAnnotationsLink } from './usePdfAnnotations';

/** What the PDF viewer is given to show highlights and make them (its data and title aside). */
export type PdfHighlightingProps = Pick<
  PdfViewerProps,
  'onTextLayer' | 'textOfPages' | 'onPageText' | 'overlay' | 'pagesRef' | 'handleRef'
>;

/** What was painted on a page: on which drawing of its layer, with which highlights. */
interface PaintedPage {
  layer: RenderedTextLayer;
  key: string;
  marks: Map<string, HTMLElement[]>;
}

function marksOf(painted: ReadonlyMap<number, PaintedPage>, annotationId: string): HTMLElement[] {
  return [...painted.values()].flatMap((page) => page.marks.get(annotationId) ?? []);
}

/**
 * The PDF view's side of highlighting: paints each page's highlights on its text layer when the
 * layer is drawn (again after a zoom, which draws it anew), shows the colours over words selected
 * on a page, opens a highlight's card when it is clicked, and reveals a highlight from the
 * sidebar by going to its page and flashing it once painted. Without a link it gives nothing.
 */
export function usePdfHighlighting(link: PdfAnnotationsLink | null): PdfHighlightingProps {
  const handleRef = useRef<PdfViewerHandle>(null);
  const [layers, setLayers] = useState<ReadonlyMap<number, RenderedTextLayer>>(new Map());
  const paintedPages = useRef(new Map<number, PaintedPage>());
  const waitingToReveal = useRef<string | null>(null);
  const latest = useRef(link);
  useEffect(() => {
    latest.current = link;
  });

  const onShown = link?.onShown;
  useEffect(() => {
    if (onShown === undefined) return;
    onShown(true);
    return () => onShown(false);
  }, [onShown]);

  const onTextLayer = useCallback((pageNumber: number, layer: RenderedTextLayer | null) => {
    setLayers((previous) => {
      const next = new Map(previous);
      if (layer === null) next.delete(pageNumber);
      else next.set(pageNumber, layer);
      return next;
    });
    latest.current?.onTextLayer(pageNumber, layer);
  }, []);

  const onPageText = useCallback((pageNumber: number, text: string | null) => {
    latest.current?.onPageText(pageNumber, text);
  }, []);

  // A page is painted again only when its layer was drawn anew or its highlights changed, so
  // drawing another page while the user selects words on this one leaves them selected.
  const highlights = link?.highlights;
  const meanings = link?.meanings;
  useLayoutEffect(() => {
    const painted = paintedPages.current;
    for (const pageNumber of painted.keys()) {
      if (!layers.has(pageNumber)) painted.delete(pageNumber);
    }
    for (const [pageNumber, layer] of layers) {
      const onPage: PaintablePdfHighlight[] = (highlights ?? []).filter(
        (highlight) => highlight.page === pageNumber,
      );
      const key = JSON.stringify([onPage, meanings]);
      const before = painted.get(pageNumber);
      if (before?.layer === layer && before.key === key) continue;
      const marks = paintPdfHighlights(layer, onPage);
      for (const highlight of onPage) {
        const meaning = meanings?.[highlight.colour];
        if (meaning !== undefined) describeMarks(marks.get(highlight.annotationId) ?? [], meaning);
      }
      painted.set(pageNumber, { layer, key, marks });
    }
    const waiting = waitingToReveal.current;
    if (waiting !== null && revealMarks(marksOf(painted, waiting))) waitingToReveal.current = null;
  }, [layers, highlights, meanings]);

  const onRevealer = link?.onRevealer;
  useEffect(() => {
    if (onRevealer === undefined) return;
    onRevealer((annotationId, pageNumber) => {
      if (revealMarks(marksOf(paintedPages.current, annotationId))) return true;
      const viewer = handleRef.current;
      if (viewer === null) return false;
      // Its page is not drawn yet: go there, and flash it once it is painted.
      waitingToReveal.current = annotationId;
      viewer.goToPage(pageNumber);
      return true;
    });
    return () => onRevealer(null);
  }, [onRevealer]);

  // A click on a painted highlight (not the end of a drag selecting words) opens its card.
  const pagesRef = link?.pagesRef;
  useEffect(() => {
    if (pagesRef === undefined) return;
    const focusHighlight = (event: MouseEvent) => {
      const target = event.target as Element | null;
      const pages = pagesRef.current;
      if (pages === null || target === null || !pages.contains(target)) return;
      const mark = target.closest?.('mark.highlight[data-annotation-id]');
      const id = mark instanceof HTMLElement ? mark.dataset['annotationId'] : undefined;
      if (id !== undefined && pages.ownerDocument.getSelection()?.isCollapsed !== false) {
        latest.current?.onFocus(id);
      }
    };
    document.addEventListener('click', focusHighlight);
    return () => document.removeEventListener('click', focusHighlight);
  }, [pagesRef]);

  if (link === null) return {};
  const { selection } = link;
  return {
    pagesRef: link.pagesRef,
    handleRef,
    onTextLayer,
    onPageText,
    textOfPages: link.pagesToRead,
    overlay:
      selection === null ? null : (
        <SelectionToolbar
          selection={selection}
          meanings={link.meanings}
          onChoose={(colour) => void link.highlightSelection(colour)}
          onClose={link.clearSelection}
        />
      ),
  };
}
