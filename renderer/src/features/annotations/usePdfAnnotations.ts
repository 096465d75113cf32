import {
  newAnnotation,
  pdfFileSource,
  type Annotation,
} from '@shared/domain/annotations/annotation';
import type {
  HighlightColourId,
  HighlightMeanings,
} from '@shared/domain/annotations/highlightColours';
import { describeTextRange, pageNumberOf } from '@shared/domain/annotations/selectors';
import { useCallback, useMemo, useRef, useState, type RefObject } from 'react';
import {
  selectionOfRange,
  type PdfTextSelection,
  type RenderedTextLayer,
} from '../pdf/textLayerOffsets';
import {
  anchorPdfAnnotations,
  paintKeyOf,
  pdfPaintableOf,
  withCurrentAnnotations,
  type AnnotationPlacement,
  type PaintablePdfHighlight,
} from './anchorAnnotations';
import { useContentSelection, type ContentSelection } from './useContentSelection';
import type { HighlightPainting } from './useHighlightPainting';

/** Words selected on a PDF page, with the page. */
export type PdfContentSelection = ContentSelection<PdfTextSelection>;

/** Shows a highlight on its page: scrolls there, and flashes it once it is painted. */
export type PdfRevealer = (annotationId: string, pageNumber: number) => boolean;

/**
 * What the reader's PDF view is given to show and make highlights, and what it tells back. The
 * reader keeps the highlights, the pages' text and the selection (its sidebar and its toolbar's
 * Highlight button work on them); the view draws the pages, paints and reveals.
 */
export interface PdfAnnotationsLink {
  /** The element the PDF's pages scroll in; the viewer attaches it. */
  pagesRef: RefObject<HTMLDivElement | null>;
  /** Highlights found on pages whose text has been read, to paint on those pages. */
  highlights: readonly PaintablePdfHighlight[];
  meanings: HighlightMeanings;
  /** Pages holding highlights whose text is not read yet. */
  pagesToRead: readonly number[];
  /** The words selected on a page, while they are. */
  selection: PdfContentSelection | null;
  onTextLayer: (pageNumber: number, layer: RenderedTextLayer | null) => void;
  onPageText: (pageNumber: number, text: string | null) => void;
  /** True while the PDF is shown (the sidebar then lists the PDF's highlights). */
  onShown: (shown: boolean) => void;
  /** The view's way to reveal a highlight, while it is shown. */
  onRevealer: (reveal: PdfRevealer | null) => void;
  /** A painted highlight was clicked: its card opens. */
  onFocus: (annotationId: string) => void;
  highlightSelection: (colour: HighlightColourId) => Promise<void>;
  clearSelection: () => void;
}

export interface PdfAnnotations {
  /** Null when the paper has no PDF or the reader cannot annotate. */
  link: PdfAnnotationsLink | null;
  /** Whether the PDF is the view shown now. */
  shown: boolean;
  painting: HighlightPainting;
  selection: PdfContentSelection | null;
  lastSelection: PdfContentSelection | null;
  highlightSelection: (colour: HighlightColourId) => Promise<void>;
  clearSelection: () => void;
}

type PageTexts = { hash: string | null; pages: ReadonlyMap<number, string | null> };

function pageOf(annotation: Annotation): number | null {
  const page = annotation.selectors.page;
  return page === null ? null : pageNumberOf(page);
}

/**
 * The highlights on an item's PDF: anchored each on its own page as the pages' text becomes known
 * (drawn, or read for that purpose), the words the user selects on a page, and turning them into
 * a highlight whose source is the PDF file and whose selectors count within that page.
 */
export function usePdfAnnotations(options: {
  /** False when the reader cannot annotate. */
  enabled: boolean;
  /** The PDF's SHA-256, or null when the paper has none. */
  pdfHash: string | null;
  itemId: string;
  /** The item's highlights on PDF pages. */
  annotations: readonly Annotation[];
  meanings: HighlightMeanings;
  save: (annotation: Annotation) => Promise<Annotation | null>;
  onFocus: (annotationId: string) => void;
  newId: () => string;
  now: () => Date;
}): PdfAnnotations {
  const { enabled, pdfHash, itemId, annotations, meanings, save, onFocus } = options;
  const pagesRef = useRef<HTMLDivElement>(null);
  const layers = useRef(new Map<number, RenderedTextLayer>());
  const revealer = useRef<PdfRevealer | null>(null);
  const [shown, setShown] = useState(false);
  const [texts, setTexts] = useState<PageTexts>({ hash: pdfHash, pages: new Map() });
  const pages = texts.hash === pdfHash ? texts.pages : null;

  const rememberText = useCallback(
    (pageNumber: number, text: string | null) =>
      setTexts((previous) => {
        const known = previous.hash === pdfHash ? previous.pages : new Map<number, string>();
        if (known.has(pageNumber) && known.get(pageNumber) === text) return previous;
        return { hash: pdfHash, pages: new Map(known).set(pageNumber, text) };
      }),
    [pdfHash],
  );

  const onTextLayer = useCallback(
    (pageNumber: number, layer: RenderedTextLayer | null) => {
      if (layer === null) {
        layers.current.delete(pageNumber);
        return;
      }
      layers.current.set(pageNumber, layer);
      rememberText(pageNumber, layer.pageText.text);
    },
    [rememberText],
  );

  const locate = useCallback(
    (_root: HTMLElement, range: Range) => selectionOfRange(range, layers.current.values()),
    [],
  );
  const { selection, lastSelection, clear } = useContentSelection(pagesRef, pagesRef, locate);

  // Anchored again only when the highlights' places or the pages' text change (see
  // useHighlightPainting): a new tag or note leaves the marks where they are.
  const paintKey = paintKeyOf(annotations);
  const [painted, setPainted] = useState({ key: paintKey, annotations });
  if (painted.key !== paintKey) setPainted({ key: paintKey, annotations });
  const placement = useMemo(
    (): AnnotationPlacement =>
      anchorPdfAnnotations((pageNumber) => pages?.get(pageNumber), painted.annotations),
    [pages, painted],
  );
  const highlights = useMemo(() => pdfPaintableOf(placement), [placement]);
  const pagesToRead = useMemo(() => {
    const unread = new Set<number>();
    for (const annotation of painted.annotations) {
      const pageNumber = pageOf(annotation);
      if (pageNumber !== null && !pages?.has(pageNumber)) unread.add(pageNumber);
    }
    return [...unread].sort((a, b) => a - b);
  }, [pages, painted]);

  const current = useMemo(
    () => withCurrentAnnotations(placement, annotations),
    [placement, annotations],
  );
  const reveal = useCallback(
    (annotationId: string): boolean => {
      const placed = current.anchored.find(({ annotation }) => annotation.id === annotationId);
      if (placed?.page == null || revealer.current === null) return false;
      return revealer.current(annotationId, placed.page);
    },
    [current],
  );
  const painting = useMemo(() => ({ placement: current, reveal }), [current, reveal]);

  // Fixed for the reader's life.
  const [{ newId, now }] = useState(() => ({ newId: options.newId, now: options.now }));
  const highlightSelection = useCallback(
    async (colour: HighlightColourId) => {
      const chosen = selection ?? lastSelection;
      clear();
      if (chosen === null || pdfHash === null) return;
      const text = layers.current.get(chosen.page)?.pageText.text ?? pages?.get(chosen.page);
      if (text == null || chosen.end > text.length) return;
      const selectors = describeTextRange(text, chosen.start, chosen.end, {
        pageNumber: chosen.page,
      });
      if (selectors === null) return;
      await save(
        newAnnotation({
          id: newId(),
          itemId,
          source: pdfFileSource(pdfHash),
          selectors,
          colour,
          now: now().toISOString(),
        }),
      );
    },
    [selection, lastSelection, clear, pdfHash, pages, save, itemId, newId, now],
  );

  const onRevealer = useCallback((reveal: PdfRevealer | null) => {
    revealer.current = reveal;
  }, []);

  const link: PdfAnnotationsLink | null =
    enabled && pdfHash !== null
      ? {
          pagesRef,
          highlights,
          meanings,
          pagesToRead,
          selection,
          onTextLayer,
          onPageText: rememberText,
          onShown: setShown,
          onRevealer,
          onFocus,
          highlightSelection,
          clearSelection: clear,
        }
      : null;

  return {
    link,
    shown: link !== null && shown,
    painting,
    selection,
    lastSelection,
    highlightSelection,
    clearSelection: clear,
  };
}
