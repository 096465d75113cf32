import { buildPageText } from '@shared/domain/pdf/buildPageText';
import type { PdfOutlineEntry } from '@shared/domain/pdf/PdfText';
import { readPdfOutline } from '@shared/domain/pdf/readPdfOutline';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import {
  type KeyboardEvent,
  type ReactNode,
  type Ref,
  type RefObject,
  useCallback,
  useEffect,
  useId,
  useImperativeHandle,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';
import { findInPdfText } from './findInPdfText';
import { loadPdfDocument } from './loadPdfDocument';
import { pageAtOffset } from './pageNumber';
import { PdfFindBar, type PdfFindState } from './PdfFindBar';
import { PdfOutlinePanel } from './PdfOutlinePanel';
import { type PageSize, PdfPageView } from './PdfPageView';
import { PdfToolbar } from './PdfToolbar';
import { clampZoom, fitWidthZoom, viewportScaleOf, zoomIn, zoomOut } from './pdfZoom';
import {
  type PdfTextSelection,
  rangeOfOffsets,
  type RenderedTextLayer,
  selectionOfRange,
} from './textLayerOffsets';
import './pdfViewer.css';

export type { PdfTextSelection, RenderedTextLayer } from './textLayerOffsets';

/** What the viewer's owner can make it do. */
export interface PdfViewerHandle {
  /** Scrolls to the top of a page (1-based; numbers past either end go to the first or last). */
  goToPage(pageNumber: number): void;
}

export interface PdfViewerProps {
  /** The PDF's bytes, fetched from the app's own origin. The viewer copies them. */
  data: ArrayBuffer;
  /** The paper's title, the viewer's accessible name. */
  title: string;
  /**
   * The text the user selected, as offsets in its page's text (built as the index builds it), or
   * null when the selection is cleared.
   */
  onTextSelected?(selection: PdfTextSelection | null): void;
  /**
   * Told when a page's text layer is drawn, and told null when it is taken away (the page went
   * far out of view, or it is drawn again at another zoom and will be told again).
   */
  onTextLayer?(pageNumber: number, layer: RenderedTextLayer | null): void;
  /** Pages whose text the owner needs before they are drawn (to place highlights on them). */
  textOfPages?: readonly number[];
  /**
   * A page of `textOfPages`, with its text as buildPageText builds it, or null when the PDF has no
   * such page or it cannot be read. Each page is told once.
   */
  onPageText?(pageNumber: number, text: string | null): void;
  /** Shown over the pages and scrolled with them (the selection's toolbar is placed in them). */
  overlay?: ReactNode;
  /** Receives the element the pages scroll in. */
  pagesRef?: RefObject<HTMLDivElement | null>;
  handleRef?: Ref<PdfViewerHandle>;
}

/** Pages drawn beyond the visible area, as a share of its height, so scrolling finds them ready. */
const DRAW_AHEAD = '100% 0px';
/** Horizontal padding of the scrolling area (both sides) in CSS pixels, left free by fit-width. */
const PAGE_GUTTER = 32;
const NAMED_CSS_HIGHLIGHT = 'rounds-pdf-find';

type Loaded = { document: PDFDocumentProxy; firstPage: PageSize; outline: PdfOutlineEntry[] };
type Opened = { data: ArrayBuffer; loaded?: Loaded; failure?: string };

/**
 * Shows a PDF with pdf.js: pages drawn on canvas as they come near the visible area, each with its
 * text layer so text can be selected; zoom, page navigation, the outline and find. A selection is
 * reported as offsets in the page text that buildPageText builds, the text the index stores.
 */
export function PdfViewer({ data, ...shown }: PdfViewerProps) {
  // Keyed by the bytes it belongs to, so new bytes show "Opening" until they are read.
  const [opened, setOpened] = useState<Opened | null>(null);

  useEffect(() => {
    const task = loadPdfDocument(data);
    let stopped = false;
    (async () => {
      const document = await task.promise;
      const first = (await document.getPage(1)).getViewport({ scale: 1 });
      const outline = await readPdfOutline(document).catch(() => []);
      if (stopped) return;
      const firstPage = { width: first.width, height: first.height };
      setOpened({ data, loaded: { document, firstPage, outline } });
    })().catch((error: unknown) => {
      if (stopped) return;
      const name = error instanceof Error ? error.name : '';
      setOpened({
        data,
        failure:
          name === 'PasswordException'
            ? 'This PDF is protected by a password, so Rounds cannot show it.'
            : 'This PDF is damaged and cannot be shown.',
      });
    });
    return () => {
      stopped = true;
      void task.destroy();
    };
  }, [data]);

  const current = opened?.data === data ? opened : null;
  if (current?.failure) {
    return (
      <p className="pdf-viewer-message" role="alert">
        {current.failure}
      </p>
    );
  }
  const loaded = current?.loaded;
  if (!loaded) {
    return (
      <p className="pdf-viewer-message" role="status">
        Opening PDF…
      </p>
    );
  }
  return (
    // A new document starts afresh: page 1, fit width, nothing found.
    <LoadedPdf key={loaded.document.loadingTask.docId} {...loaded} {...shown} />
  );
}

function LoadedPdf({
  document,
  firstPage,
  outline,
  title,
  onTextSelected,
  onTextLayer: tellTextLayer,
  textOfPages,
  onPageText,
  overlay,
  pagesRef,
  handleRef,
}: Loaded & Omit<PdfViewerProps, 'data'>) {
  const pageCount = document.numPages;
  const outlineId = useId();
  const scrollerRef = useRef<HTMLDivElement>(null);
  const attachScroller = useCallback(
    (element: HTMLDivElement | null) => {
      scrollerRef.current = element;
      if (pagesRef) pagesRef.current = element;
    },
    [pagesRef],
  );
  const findRef = useRef<HTMLInputElement>(null);
  const [zoom, setZoom] = useState(1);
  const [fitWidth, setFitWidth] = useState(true);
  const [page, setPage] = useState(1);
  const [outlineOpen, setOutlineOpen] = useState(outline.length > 0);
  const [visiblePages, setVisiblePages] = useState<ReadonlySet<number>>(new Set([1]));
  const [pageSizes, setPageSizes] = useState<ReadonlyMap<number, PageSize>>(new Map());
  const [layers, setLayers] = useState<ReadonlyMap<number, RenderedTextLayer>>(new Map());
  const [find, setFind] = useState<PdfFindState>({ kind: 'idle' });
  const pageTexts = useRef(new Map<number, string>());
  const lastSelection = useRef<string>('null');
  const scale = viewportScaleOf(zoom);

  // Fit-width follows the scrolling area's width (window resized, outline shown or hidden).
  useLayoutEffect(() => {
    const scroller = scrollerRef.current;
    if (!scroller || !fitWidth) return;
    const fit = () => setZoom(fitWidthZoom(firstPage.width, scroller.clientWidth - PAGE_GUTTER));
    fit();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(fit);
    observer.observe(scroller);
    return () => observer.disconnect();
  }, [fitWidth, firstPage.width, outlineOpen]);

  // Pages near the visible area are drawn; the others are placeholders of the right size.
  useEffect(() => {
    const scroller = scrollerRef.current;
    if (!scroller || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) =>
        setVisiblePages((previous) => {
          const next = new Set(previous);
          for (const entry of entries) {
            const number = Number((entry.target as HTMLElement).dataset.page);
            if (entry.isIntersecting) next.add(number);
            else next.delete(number);
          }
          return next;
        }),
      { root: scroller, rootMargin: DRAW_AHEAD },
    );
    for (const element of scroller.querySelectorAll('.pdf-page')) observer.observe(element);
    return () => observer.disconnect();
  }, [pageCount]);

  const pageElement = useCallback(
    (number: number) =>
      scrollerRef.current?.querySelector<HTMLElement>(`.pdf-page[data-page="${number}"]`) ?? null,
    [],
  );

  const goToPage = useCallback(
    (number: number) => {
      const target = Math.min(pageCount, Math.max(1, number));
      const scroller = scrollerRef.current;
      const element = pageElement(target);
      // The scroller is the pages' offset parent (it is positioned, for the overlay).
      if (scroller && element) scroller.scrollTop = element.offsetTop;
      setPage(target);
    },
    [pageCount, pageElement],
  );

  useImperativeHandle(handleRef, () => ({ goToPage }), [goToPage]);

  const onScroll = () => {
    const scroller = scrollerRef.current;
    if (!scroller) return;
    const tops = [...scroller.querySelectorAll<HTMLElement>('.pdf-page')].map(
      (element) => element.offsetTop,
    );
    setPage(pageAtOffset(tops, scroller.scrollTop + scroller.clientHeight / 3));
    scrolledFraction.current = scroller.scrollTop / Math.max(1, scroller.scrollHeight);
  };

  // Keep the same place in view when the zoom changes every page's height.
  const scrolledFraction = useRef(0);
  useLayoutEffect(() => {
    const scroller = scrollerRef.current;
    if (scroller) scroller.scrollTop = scrolledFraction.current * scroller.scrollHeight;
  }, [scale]);

  const onSize = useCallback((number: number, size: PageSize) => {
    setPageSizes((previous) => {
      const known = previous.get(number);
      if (known && known.width === size.width && known.height === size.height) return previous;
      return new Map(previous).set(number, size);
    });
  }, []);

  // The owner's callbacks change with its renders; the pages must not be drawn again for that.
  const told = useRef({ tellTextLayer, onPageText });
  useEffect(() => {
    told.current = { tellTextLayer, onPageText };
  });

  const onTextLayer = useCallback((number: number, layer: RenderedTextLayer | null) => {
    setLayers((previous) => {
      const next = new Map(previous);
      if (layer) next.set(number, layer);
      else next.delete(number);
      return next;
    });
    if (layer) pageTexts.current.set(number, layer.pageText.text);
    told.current.tellTextLayer?.(number, layer);
  }, []);

  // The text of pages the owner asked for, read without drawing them, each told once.
  const pagesTold = useRef(new Set<number>());
  const wantedKey = [...new Set(textOfPages ?? [])].sort((a, b) => a - b).join(',');
  useEffect(() => {
    if (wantedKey === '') return;
    let stopped = false;
    const readPage = async (number: number): Promise<string | null> => {
      if (number < 1 || number > pageCount) return null;
      const known = pageTexts.current.get(number);
      if (known !== undefined) return known;
      try {
        const content = await (await document.getPage(number)).getTextContent();
        const text = buildPageText(content.items).text;
        pageTexts.current.set(number, text);
        return text;
      } catch {
        return null;
      }
    };
    void (async () => {
      for (const number of wantedKey.split(',').map(Number)) {
        if (pagesTold.current.has(number)) continue;
        const text = await readPage(number);
        if (stopped) return;
        pagesTold.current.add(number);
        told.current.onPageText?.(number, text);
      }
    })();
    return () => {
      stopped = true;
    };
  }, [wantedKey, document, pageCount]);

  const reportSelection = () => {
    if (!onTextSelected) return;
    const selection = window.getSelection();
    const range = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : null;
    const found = range ? selectionOfRange(range, layers.values()) : null;
    const key = JSON.stringify(found);
    if (key === lastSelection.current) return;
    lastSelection.current = key;
    onTextSelected(found);
  };

  // A newer find (or closing the viewer) makes an older one stop reading pages.
  const findGeneration = useRef(0);
  useEffect(() => () => void findGeneration.current++, []);

  const runFind = async (query: string) => {
    const generation = ++findGeneration.current;
    if (query.trim() === '') {
      setFind({ kind: 'idle' });
      return;
    }
    const texts: string[] = [];
    for (let number = 1; number <= pageCount; number++) {
      let text = pageTexts.current.get(number);
      if (text === undefined) {
        setFind({ kind: 'reading', pagesRead: number, pageCount });
        const content = await (await document.getPage(number)).getTextContent();
        if (generation !== findGeneration.current) return;
        text = buildPageText(content.items).text;
        pageTexts.current.set(number, text);
      }
      texts.push(text);
    }
    const matches = findInPdfText(texts, query);
    // The first match at or after the page being read.
    const first = Math.max(
      0,
      matches.findIndex((match) => match.page >= page),
    );
    setFind({ kind: 'done', query, matches, active: first });
    const match = matches[first];
    if (match) goToPage(match.page);
  };

  const stepFind = (direction: 1 | -1) => {
    if (find.kind !== 'done' || find.matches.length === 0) return;
    const active = (find.active + direction + find.matches.length) % find.matches.length;
    setFind({ ...find, active });
    const match = find.matches[active];
    if (match) goToPage(match.page);
  };

  // Mark the active match once its page's text layer is drawn, and bring it into view.
  const activeMatch = find.kind === 'done' ? find.matches[find.active] : undefined;
  const activeLayer = activeMatch ? layers.get(activeMatch.page) : undefined;
  useEffect(() => {
    if (!activeMatch || !activeLayer) return;
    const range = rangeOfOffsets(activeLayer, activeMatch.start, activeMatch.end);
    if (!range) return;
    const start = range.startContainer.parentElement;
    start?.scrollIntoView?.({ block: 'center', inline: 'nearest' });
    const highlights = typeof CSS === 'undefined' ? undefined : CSS.highlights;
    if (!highlights || typeof Highlight === 'undefined') return;
    highlights.set(NAMED_CSS_HIGHLIGHT, new Highlight(range));
    return () => {
      highlights.delete(NAMED_CSS_HIGHLIGHT);
    };
  }, [activeMatch, activeLayer]);

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const command = event.ctrlKey || event.metaKey;
    if (command && event.key.toLowerCase() === 'f') {
      event.preventDefault();
      event.stopPropagation();
      findRef.current?.focus();
      findRef.current?.select();
    }
  };

  const onScrollerKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === '+' || event.key === '=') changeZoom(zoomIn(zoom));
    else if (event.key === '-') changeZoom(zoomOut(zoom));
    else return;
    event.preventDefault();
    event.stopPropagation();
  };

  const changeZoom = (next: number) => {
    setFitWidth(false);
    setZoom(clampZoom(next));
  };

  const fallbackSize = firstPage;
  return (
    <section className="pdf-viewer" aria-label={title} onKeyDown={onKeyDown}>
      <div className="pdf-viewer-bar">
        <PdfToolbar
          page={page}
          pageCount={pageCount}
          zoom={zoom}
          fitWidth={fitWidth}
          hasOutline={outline.length > 0}
          outlineOpen={outlineOpen}
          outlineId={outlineId}
          onGoToPage={goToPage}
          onZoomIn={() => changeZoom(zoomIn(zoom))}
          onZoomOut={() => changeZoom(zoomOut(zoom))}
          onFitWidth={() => setFitWidth(true)}
          onToggleOutline={() => setOutlineOpen((open) => !open)}
        />
        <PdfFindBar
          state={find}
          inputRef={findRef}
          onFind={(query) => void runFind(query).catch(() => setFind({ kind: 'idle' }))}
          onStep={stepFind}
        />
      </div>
      <div className="pdf-viewer-body">
        {outlineOpen && outline.length > 0 && (
          <PdfOutlinePanel id={outlineId} outline={outline} onGoToPage={goToPage} />
        )}
        <div
          ref={attachScroller}
          className="pdf-pages"
          tabIndex={0}
          aria-label={`Pages of ${title}`}
          onScroll={onScroll}
          onKeyDown={onScrollerKeyDown}
          onPointerUp={reportSelection}
          onKeyUp={reportSelection}
        >
          {Array.from({ length: pageCount }, (_, index) => index + 1).map((number) => (
            <PdfPageView
              key={number}
              document={document}
              pageNumber={number}
              scale={scale}
              size={pageSizes.get(number) ?? fallbackSize}
              visible={visiblePages.has(number)}
              onSize={onSize}
              onTextLayer={onTextLayer}
            />
          ))}
          {overlay}
        </div>
      </div>
    </section>
  );
}
