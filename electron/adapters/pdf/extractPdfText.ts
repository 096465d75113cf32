import { Worker } from 'node:worker_threads';
import type { DeadlineTimers } from '../feeds/HttpFeedFetcher';
import type { PdfTextReply, PdfTextRequest, PdfTextResult } from './pdfTextProtocol';
import { workerThreadEntry } from '../workerThreadEntry';

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
const BUILT_WORKER_FILE = './pdfTextWorker.js';
const SOURCE_WORKER_FILE = './pdfTextWorker.ts';

const GLOBAL_TIMERS: DeadlineTimers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

interface Job {
  request: PdfTextRequest;
  resolve(result: PdfTextResult): void;
  reject(error: Error): void;
}

interface Thread {
  worker: Worker;
  /** pdf.js loaded: a PDF's time limit starts only then, not during start-up. */
  ready: boolean;
  job: Job | null;
  timer: unknown;
}

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
  private readonly timers: DeadlineTimers;
  private readonly queue: Job[] = [];
  private thread: Thread | null = null;
  private nextId = 1;
  private closed = false;

  constructor(options: PdfTextExtractorOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.maxHeapMb = options.maxHeapMb ?? DEFAULT_MAX_HEAP_MB;
    this.timers = options.timers ?? GLOBAL_TIMERS;
  }

  /**
   * Reads `bytes` (copied; the caller keeps them). Resolves with the text or an expected failure;
   * rejects only when the worker itself fails, or after {@link close}.
   */
  extract(bytes: Uint8Array): Promise<PdfTextResult> {
    if (this.closed) return Promise.reject(new Error('The PDF text reader has been closed.'));
    const copy = new Uint8Array(bytes);
    return new Promise((resolve, reject) => {
      this.queue.push({ request: { id: this.nextId++, bytes: copy }, resolve, reject });
      this.dispatch();
    });
  }

  /** Stops the worker; PDFs being read or waiting are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    const stopped = new Error('The PDF text reader has been closed.');
    for (const job of this.queue.splice(0)) job.reject(stopped);
    const thread = this.thread;
    this.thread = null;
    if (!thread) return;
    this.settle(thread, (job) => job.reject(stopped));
    await thread.worker.terminate();
  }

  private dispatch(): void {
    const thread = this.thread ?? this.spawn();
    if (thread.job !== null) return;
    const job = this.queue.shift();
    if (!job) return;
    thread.job = job;
    thread.worker.ref();
    if (thread.ready) this.startClock(thread);
    thread.worker.postMessage(job.request, [job.request.bytes.buffer]);
  }

  private spawn(): Thread {
    const { script, options } = workerThreadEntry(import.meta.url, {
      built: BUILT_WORKER_FILE,
      source: SOURCE_WORKER_FILE,
    });
    const worker = new Worker(script, {
      ...options,
      resourceLimits: {
        maxOldGenerationSizeMb: this.maxHeapMb,
        maxYoungGenerationSizeMb: Math.min(64, Math.ceil(this.maxHeapMb / 8)),
      },
    });
    const thread: Thread = { worker, ready: false, job: null, timer: undefined };
    this.thread = thread;
    // An idle worker must not keep the process alive; it is referenced while it works.
    worker.unref();
    worker.on('message', (reply: PdfTextReply) => this.receive(thread, reply));
    worker.on('error', (error: Error & { code?: string }) => {
      this.retire(thread);
      this.settle(thread, (job) =>
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? job.resolve({
              ok: false,
              code: 'too-large',
              message: `Reading this PDF needs more than ${this.maxHeapMb} MB of memory, more than Rounds allows for one file.`,
            })
          : job.reject(new Error(`The PDF text worker failed: ${error.message}`)),
      );
    });
    worker.on('exit', (exitCode) => {
      this.retire(thread);
      this.settle(thread, (job) =>
        job.reject(new Error(`The PDF text worker stopped unexpectedly (exit ${exitCode}).`)),
      );
    });
    return thread;
  }

  private startClock(thread: Thread): void {
    thread.timer = this.timers.setTimeout(() => this.stopSlowRead(thread), this.timeoutMs);
  }

  private receive(thread: Thread, reply: PdfTextReply): void {
    if (reply.kind === 'ready') {
      thread.ready = true;
      if (thread.job) this.startClock(thread);
      return;
    }
    if (reply.id !== thread.job?.request.id) return;
    if (reply.kind === 'read') this.settle(thread, (job) => job.resolve(reply.result));
    else this.settle(thread, (job) => job.reject(new Error(reply.message)));
    this.dispatch();
  }

  private stopSlowRead(thread: Thread): void {
    this.retire(thread);
    this.settle(thread, (job) =>
      job.resolve({
        ok: false,
        code: 'timeout',
        message: `Reading this PDF took longer than ${Math.round(this.timeoutMs / 1000)} seconds, so Rounds stopped. The file may be very large or deliberately convoluted.`,
      }),
    );
    void thread.worker.terminate();
  }

  /** Ends the thread's current job, if any. */
  private settle(thread: Thread, finish: (job: Job) => void): void {
    const job = thread.job;
    if (thread.timer !== undefined) this.timers.clearTimeout(thread.timer);
    thread.job = null;
    thread.timer = undefined;
    if (this.thread === thread) thread.worker.unref();
    if (job) finish(job);
  }

  /** Forgets a worker that is gone or being stopped; the queue moves on with a fresh one. */
  private retire(thread: Thread): void {
    if (this.thread !== thread) return;
    this.thread = null;
    queueMicrotask(() => {
      if (!this.closed && this.queue.length > 0) this.dispatch();
    });
  }
}
