import type { PdfText } from '@shared/domain/pdf/PdfText';

/** Why a PDF's text could not be read; each comes with a message for the user. */
export type PdfTextFailureCode =
  'not-a-pdf' | 'damaged' | 'password-protected' | 'timeout' | 'too-large';

export type PdfTextResult =
  { ok: true; text: PdfText } | { ok: false; code: PdfTextFailureCode; message: string };

/** One PDF to read, sent to the text worker (its bytes moved, not copied). */
export interface PdfTextRequest {
  id: number;
  bytes: Uint8Array<ArrayBuffer>;
}

/** Sent once when the worker has loaded pdf.js, then one answer per request. */
export type PdfTextReply =
  | { kind: 'ready' }
  | { id: number; kind: 'read'; result: PdfTextResult }
  | { id: number; kind: 'crashed'; message: string };
