// Entry point of the PDF text worker thread (built to out/main/pdfTextWorker.js). It reads one PDF
// at a time with readPdfText; the thread that starts it stops it when it takes too long, and its
// heap limit stops a PDF that needs too much memory.
import { parentPort } from 'node:worker_threads';
import type { PdfTextReply, PdfTextRequest } from './pdfTextProtocol';
import { readPdfText } from './readPdfText';

const port = parentPort;
if (!port) throw new Error('pdfTextWorker must run in a worker thread.');

function send(reply: PdfTextReply): void {
  port?.postMessage(reply);
}

port.on('message', ({ id, bytes }: PdfTextRequest) => {
  readPdfText(bytes).then(
    (result) => send({ id, kind: 'read', result }),
    (error: unknown) =>
      send({
        id,
        kind: 'crashed',
        message: error instanceof Error ? error.message : String(error),
      }),
  );
});

send({ kind: 'ready' });
