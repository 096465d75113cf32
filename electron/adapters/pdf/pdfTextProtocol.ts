import { fieldsOf, readResultOf } from '../workers/workerJobProtocol';
import type { PdfText } from '@shared/domain/pdf/PdfText';

/** Why a PDF's text could not be read; each comes with a message for the user. */
export type PdfTextFailureCode =
  'not-a-pdf' | 'damaged' | 'password-protected' | 'timeout' | 'too-large';

export type PdfTextResult =
  { ok: true; text: PdfText } | { ok: false; code: PdfTextFailureCode; message: string };

/** One PDF to read, sent to the text worker (its bytes moved, not copied); the runner adds the id. */
export interface PdfTextRequest {
  bytes: Uint8Array<ArrayBuffer>;
}

/** The worker's one answer per request. (The runner's envelope adds `ready` and `crashed`.) */
export interface PdfTextAnswer {
  kind: 'read';
  result: PdfTextResult;
}

/** Whether a message from the text worker is an answer with a result of the right form. */
export function isPdfTextAnswer(message: object): message is PdfTextAnswer {
  const result = readResultOf(message);
  if (result?.ok === false) {
    return typeof result.code === 'string' && typeof result.message === 'string';
  }
  return result?.ok === true && fieldsOf(result.text) !== null;
}
