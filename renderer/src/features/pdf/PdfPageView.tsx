import { buildPageText } from '@shared/domain/pdf/buildPageText';
import {
  type PDFDocumentProxy,
  type RenderTask,
  RenderingCancelledException,
  TextLayer,
} from 'pdfjs-dist';
import { type CSSProperties, memo, useEffect, useRef, useState } from 'react';
import type { RenderedTextLayer } from './textLayerOffsets';

/** A page's size in PDF points (at zoom 100 % and scale 1). */
export interface PageSize {
  width: number;
  height: number;
}

export interface PdfPageViewProps {
  document: PDFDocumentProxy;
  pageNumber: number;
  /** pdf.js viewport scale (zoom × CSS pixels per point). */
  scale: number;
  /** The page's size if known, else the first page's, so the scroll height is right at once. */
  size: PageSize;
  /** Near the visible area: draw it. Pages far away are not drawn (and free their canvas). */
  visible: boolean;
  onSize(pageNumber: number, size: PageSize): void;
  onTextLayer(pageNumber: number, layer: RenderedTextLayer | null): void;
}

/** One page: a canvas for how it looks and pdf.js's text layer on top, so text can be selected. */
export const PdfPageView = memo(function PdfPageView(props: PdfPageViewProps) {
  const { document, pageNumber, scale, size, visible, onSize, onTextLayer } = props;
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const textRef = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const canvas = canvasRef.current;
    const container = textRef.current;
    if (!visible || !canvas || !container) return;
    let stopped = false;
    let renderTask: RenderTask | null = null;
    let textLayer: TextLayer | null = null;

    const draw = async () => {
      const page = await document.getPage(pageNumber);
      if (stopped) return;
      const natural = page.getViewport({ scale: 1 });
      onSize(pageNumber, { width: natural.width, height: natural.height });
      const viewport = page.getViewport({ scale });
      const pixelRatio = window.devicePixelRatio || 1;
      canvas.width = Math.floor(viewport.width * pixelRatio);
      canvas.height = Math.floor(viewport.height * pixelRatio);
      renderTask = page.render({
        canvas,
        viewport,
        transform: pixelRatio === 1 ? undefined : [pixelRatio, 0, 0, pixelRatio, 0, 0],
      });
      // Default options, as the index uses: the same runs, so the same offsets.
      const textContent = await page.getTextContent();
      if (stopped) return;
      container.replaceChildren();
      textLayer = new TextLayer({ textContentSource: textContent, container, viewport });
      await textLayer.render();
      if (stopped) return;
      onTextLayer(pageNumber, {
        page: pageNumber,
        container,
        runs: textLayer.textDivs,
        pageText: buildPageText(textContent.items),
      });
      await renderTask.promise;
    };

    draw().catch((error: unknown) => {
      if (stopped || error instanceof RenderingCancelledException) return;
      if (error instanceof Error && error.name === 'AbortException') return;
      setFailed(true);
    });
    return () => {
      stopped = true;
      renderTask?.cancel();
      textLayer?.cancel();
      onTextLayer(pageNumber, null);
      container.replaceChildren();
      // A zero-sized canvas gives its memory back; a long PDF would otherwise keep every page.
      canvas.width = 0;
      canvas.height = 0;
    };
  }, [document, pageNumber, scale, visible, onSize, onTextLayer]);

  const style = {
    width: `${size.width * scale}px`,
    height: `${size.height * scale}px`,
    '--total-scale-factor': scale,
  } as CSSProperties;
  return (
    <div
      className="pdf-page"
      data-page={pageNumber}
      style={style}
      role="group"
      aria-label={`Page ${pageNumber}`}
    >
      <canvas ref={canvasRef} aria-hidden="true" />
      <div ref={textRef} className="textLayer" />
      {failed && <p className="pdf-page-failed">This page could not be drawn.</p>}
    </div>
  );
});
