// Entry point of the PDF text worker thread (built to out/main/pdfTextWorker.js). It reads one PDF
// at a time with readPdfText; the thread that starts it stops it when it takes too long, and its
// heap limit stops a PDF that needs too much memory.
import { serveWorkerJobs } from '../workers/serveWorkerJobs';
import type { PdfTextAnswer, PdfTextRequest } from './pdfTextProtocol';
import { readPdfText } from './readPdfText';

serveWorkerJobs<PdfTextRequest, PdfTextAnswer>('pdfTextWorker', async ({ bytes }, answer) => {
  answer({ kind: 'read', result: await readPdfText(bytes) });
});
