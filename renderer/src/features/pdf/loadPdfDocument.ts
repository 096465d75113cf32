import { getDocument, GlobalWorkerOptions, type PDFDocumentLoadingTask } from 'pdfjs-dist';
// Bundled by Vite as a file of the app's own origin (the CSP admits no other worker source).
import pdfWorkerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = pdfWorkerUrl;

/**
 * Opens a PDF for display. PDFs are hostile input: pdf.js parses them in its own worker, never
 * evaluates code built from the file (the CSP forbids it anyway), renders no XFA forms and loads
 * no WebAssembly (which the CSP would need `wasm-unsafe-eval` for; JPEG 2000 images are then not
 * drawn). Nothing is fetched: the bytes come from the app's own origin.
 */
export function loadPdfDocument(data: ArrayBuffer): PDFDocumentLoadingTask {
  return getDocument({
    // pdf.js takes over (detaches) the buffer it is given; the caller's bytes stay usable.
    data: new Uint8Array(data.slice(0)),
    isEvalSupported: false,
    useWasm: false,
    enableXfa: false,
    disableAutoFetch: true,
    disableStream: true,
  });
}
