// Test support only: the PDF viewer without pdf.js (jsdom has no canvas), keeping its promises to
// its owner: pages' text layers drawn as TextLayer draws them and told through onTextLayer, taken
// away and drawn anew on a zoom, pages' text read on request, an overlay in the scrolling pages,
// and goToPage through the handle (which draws that page). The journey e2e/pdf-annotate.spec.ts
// runs the real viewer.
import type { PdfTextContentItem } from '@shared/domain/pdf/buildPageText';
import { buildPageText } from '@shared/domain/pdf/buildPageText';
import { useEffect, useImperativeHandle, useMemo, useRef, useState } from 'react';
import type { PdfViewerProps } from '../PdfViewer';
import { drawTextLayer } from './drawTextLayer';

/** What the fake shows: each page's text runs, and the pages drawn at first. */
export interface FakePdf {
  pages: PdfTextContentItem[][];
  drawn: number[];
}

/** The bytes a test's loadPdf answers with, for the fake to show `pdf`. */
export function fakePdfBytes(pdf: FakePdf): ArrayBuffer {
  return new TextEncoder().encode(JSON.stringify(pdf)).buffer as ArrayBuffer;
}

export function FakePdfViewer({
  data,
  title,
  onTextLayer,
  textOfPages,
  onPageText,
  overlay,
  pagesRef,
  handleRef,
}: PdfViewerProps) {
  const pdf = useMemo(() => JSON.parse(new TextDecoder().decode(data)) as FakePdf, [data]);
  const [drawn, setDrawn] = useState<ReadonlySet<number>>(() => new Set(pdf.drawn));
  const [zoom, setZoom] = useState(1);
  const [wentTo, setWentTo] = useState<number | null>(null);
  const told = useRef({ onTextLayer, onPageText });
  useEffect(() => {
    told.current = { onTextLayer, onPageText };
  });

  useImperativeHandle(
    handleRef,
    () => ({
      goToPage: (pageNumber: number) => {
        setWentTo(pageNumber);
        setDrawn((previous) => new Set(previous).add(pageNumber));
      },
    }),
    [],
  );

  const wanted = (textOfPages ?? []).join(',');
  useEffect(() => {
    for (const pageNumber of wanted === '' ? [] : wanted.split(',').map(Number)) {
      const items = pdf.pages[pageNumber - 1];
      told.current.onPageText?.(pageNumber, items ? buildPageText(items).text : null);
    }
  }, [wanted, pdf]);

  return (
    <section aria-label={title}>
      <button type="button" onClick={() => setZoom((value) => value + 1)}>
        Zoom in
      </button>
      {wentTo === null ? null : <p>Went to page {wentTo}</p>}
      <div ref={pagesRef} className="pdf-pages">
        {pdf.pages.map((items, index) => (
          <FakePage
            key={index}
            pageNumber={index + 1}
            items={items}
            drawn={drawn.has(index + 1)}
            zoom={zoom}
            told={told}
          />
        ))}
        {overlay}
      </div>
    </section>
  );
}

function FakePage({
  pageNumber,
  items,
  drawn,
  zoom,
  told,
}: {
  pageNumber: number;
  items: PdfTextContentItem[];
  drawn: boolean;
  zoom: number;
  told: { current: Pick<PdfViewerProps, 'onTextLayer'> };
}) {
  const page = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = page.current;
    if (!drawn || element === null) return;
    const layer = drawTextLayer(pageNumber, items, element);
    const { onTextLayer } = told.current;
    onTextLayer?.(pageNumber, layer);
    return () => {
      onTextLayer?.(pageNumber, null);
      layer.container.remove();
    };
  }, [drawn, zoom, pageNumber, items, told]);
  return (
    <div ref={page} className="pdf-page" data-page={pageNumber} data-zoom={zoom}>
      {drawn ? null : <p>Page {pageNumber} is not drawn yet.</p>}
    </div>
  );
}
