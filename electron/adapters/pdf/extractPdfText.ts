import type { DeadlineTimers } from '../feeds/HttpFeedFetcher';
import { workerThreadEntry } from '../workerThreadEntry';
import { limitFailure } from '../workers/WorkerJobFailure';
import { WorkerJobRunner } from '../workers/WorkerJobRunner';
import {
  isPdfTextAnswer,
  type PdfTextAnswer,
  type PdfTextRequest,
  type PdfTextResult,
} from './pdfTextProtocol';

export type { PdfTextFailureCode, PdfTextResult } from './pdfTextProtocol';

/** Tuning of {@link PdfTextExtractor}. */
export interface PdfTextExtractorOptions {
  /** Longest one PDF may take to read before its worker is stopped. Default 60 s. */
  timeoutMs?: number;
  /** Heap of the worker in megabytes; a PDF needing more is refused. Default 512. */
  maxHeapMb?: number;
  /** Schedules the time limit; tests pass their own to fire it on cue. Default: global. */
  timers?: DeadlineTimers;
}

const DEFAULT_TIMEOUT_MS = 60_000;
const DEFAULT_MAX_HEAP_MB = 512;
// Kept in a variable: bundlers rewrite `new URL('<literal>', import.meta.url)` into an asset,
// while the worker is built as an entry of its own next to the bundle that starts it.
const WORKER_FILES = { built: './pdfTextWorker.js', source: './pdfTextWorker.ts' };

/**
 * Reads the text of PDFs (see readPdfText) in a worker thread, one PDF at a time, so a hostile or
 * enormous PDF never stalls the backend: one that takes longer than the time limit or needs more
 * than the heap limit costs the worker, which is stopped and replaced, and gets a `timeout` or
 * `too-large` result. A file that is not a PDF, a damaged one and a password-protected one get
 * `not-a-pdf`, `damaged` and `password-protected`, each with a message for the user.
 */
export class PdfTextExtractor {
  private readonly timeoutMs: number;
  private readonly maxHeapMb: number;
  private readonly runner: WorkerJobRunner<PdfTextRequest, PdfTextAnswer>;

  constructor(options: PdfTextExtractorOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.maxHeapMb = options.maxHeapMb ?? DEFAULT_MAX_HEAP_MB;
    this.runner = new WorkerJobRunner({
      entry: workerThreadEntry(import.meta.url, WORKER_FILES),
      names: { worker: 'PDF text', owner: 'PDF text reader' },
      timeoutMs: this.timeoutMs,
      maxHeapMb: this.maxHeapMb,
      timers: options.timers,
      isAnswer: isPdfTextAnswer,
    });
  }

  /**
   * Reads `bytes` (copied; the caller keeps them). Resolves with the text or an expected failure;
   * rejects only when the worker itself fails, or after {@link close}.
   */
  async extract(bytes: Uint8Array): Promise<PdfTextResult> {
    this.runner.throwIfClosed();
    const copy = new Uint8Array(bytes);
    try {
      return await this.runner.run({
        request: { bytes: copy },
        transfer: [copy.buffer],
        receive: ({ result }) => ({ done: result }),
      });
    } catch (error) {
      return limitFailure(error, {
        timeout: `Reading this PDF took longer than ${Math.round(this.timeoutMs / 1000)} seconds, so Rounds stopped. The file may be very large or deliberately convoluted.`,
        tooLarge: `Reading this PDF needs more than ${this.maxHeapMb} MB of memory, more than Rounds allows for one file.`,
      });
    }
  }

  /** Stops the worker; PDFs being read or waiting are rejected. */
  close(): Promise<void> {
    return this.runner.close();
  }
}
