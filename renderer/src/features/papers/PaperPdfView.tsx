import type { ItemPdfSummary } from '@shared/contract';
import { lazy, Suspense, useEffect, useState } from 'react';
import type { PdfAnnotationsLink } from '../annotations/usePdfAnnotations';
import { usePdfHighlighting } from '../annotations/usePdfHighlighting';

// pdf.js is large and only needed once a PDF is shown: it loads with the first one.
const PdfViewer = lazy(async () => ({ default: (await import('../pdf/PdfViewer')).PdfViewer }));

/** Fetches a stored PDF's bytes; rejects with a sentence for the user. */
export type PdfBytesLoader = (hash: string) => Promise<ArrayBuffer>;

/**
 * The PDF from the app's own origin: a relative address, so the host's HTTP server and Electron's
 * app:// handler both answer it, with the session that already lets the window call the API.
 */
export const fetchStoredPdf: PdfBytesLoader = async (hash) => {
  const response = await fetch(`/files/pdf/${encodeURIComponent(hash)}`, {
    credentials: 'same-origin',
  });
  if (response.status === 404) {
    throw new Error('This PDF is no longer in your library’s folder. Add it again to read it.');
  }
  if (!response.ok) throw new Error(`The PDF could not be opened (${response.status}).`);
  return response.arrayBuffer();
};

export interface PaperPdfViewProps {
  pdf: ItemPdfSummary;
  /** The paper's title, the viewer's name. */
  title: string;
  loadPdf?: PdfBytesLoader;
  /** The reader's highlights on this PDF; without it the PDF is shown but not annotated. */
  annotations?: PdfAnnotationsLink | null;
}

type Loaded = { hash: string; data?: ArrayBuffer; failure?: string };

/**
 * A paper's PDF in the reader: fetched once per file, then shown by the PDF viewer with the
 * paper's highlights painted on its pages and words selected on a page ready to be highlighted.
 */
export function PaperPdfView({
  pdf,
  title,
  loadPdf = fetchStoredPdf,
  annotations = null,
}: PaperPdfViewProps) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const highlighting = usePdfHighlighting(annotations);

  useEffect(() => {
    let current = true;
    loadPdf(pdf.hash).then(
      (data) => {
        if (current) setLoaded({ hash: pdf.hash, data });
      },
      (error: unknown) => {
        if (!current) return;
        const message = error instanceof Error ? error.message : 'The PDF could not be opened.';
        setLoaded({ hash: pdf.hash, failure: message });
      },
    );
    return () => {
      current = false;
    };
  }, [pdf.hash, loadPdf]);

  const shown = loaded?.hash === pdf.hash ? loaded : null;
  const opening = (
    <p className="reader-pdf-message" role="status">
      Opening “{pdf.fileName}”…
    </p>
  );
  if (shown?.failure !== undefined) {
    return (
      <div className="reader-pdf">
        <p className="reader-pdf-message" role="alert">
          {shown.failure}
        </p>
      </div>
    );
  }
  return (
    <div className="reader-pdf">
      {shown?.data ? (
        <Suspense fallback={opening}>
          <PdfViewer data={shown.data} title={title} {...highlighting} />
        </Suspense>
      ) : (
        opening
      )}
    </div>
  );
}
