import { type CitationFileResult, parseCitationFile } from '../citations/parseCitationFile';
import type { DeadlineTimers } from '../feeds/HttpFeedFetcher';
import { workerThreadEntry } from '../workerThreadEntry';
import { resultOfExpectedFailure } from '../workers/WorkerJobFailure';
import { WorkerJobRunner } from '../workers/WorkerJobRunner';
import {
  type CitationFileAnswer,
  type CitationFileRequest,
  isCitationFileAnswer,
} from './citationFileProtocol';

/** Files larger than this (in UTF-16 code units) are read in a worker thread. */
export const DEFAULT_WORKER_THRESHOLD = 2 * 1024 * 1024;
/** A 20 MB file, the largest accepted, takes about ten seconds; this is for a hostile one. */
const DEFAULT_TIMEOUT_MS = 120_000;
const WORKER_HEAP_MB = 1024;
// Kept in a variable: bundlers rewrite `new URL('<literal>', import.meta.url)` into an asset,
// while the worker is built as an entry of its own next to the bundle that starts it.
const WORKER_FILES = { built: './citationFileWorker.js', source: './citationFileWorker.ts' };

/** Tuning of {@link ThreadedCitationFileReader}. */
export interface ThreadedCitationFileReaderOptions {
  /** Files longer than this are read in a worker. Default {@link DEFAULT_WORKER_THRESHOLD}. */
  workerThreshold?: number;
  /** Longest one file may take to read in the worker before it is stopped. Default 120 s. */
  timeoutMs?: number;
  /** Schedules the time limit; tests pass their own to fire it on cue. Default: global. */
  timers?: DeadlineTimers;
}

/**
 * Reads BibTeX and RIS files (see parseCitationFile). Parsing takes about half a millisecond per
 * BibTeX entry, so a small file is read at once in the calling thread (starting a worker costs
 * more), while a file over {@link DEFAULT_WORKER_THRESHOLD} (about 1,500 entries with abstracts,
 * most of a second) is read in a worker thread, one file at a time, with time and heap limits, so
 * the backend keeps answering the window meanwhile. Such files are rare, so the worker is stopped
 * as soon as no file waits for it.
 */
export class ThreadedCitationFileReader {
  private readonly workerThreshold: number;
  private readonly timeoutMs: number;
  private readonly runner: WorkerJobRunner<CitationFileRequest, CitationFileAnswer>;

  constructor(options: ThreadedCitationFileReaderOptions = {}) {
    this.workerThreshold = options.workerThreshold ?? DEFAULT_WORKER_THRESHOLD;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.runner = new WorkerJobRunner({
      entry: workerThreadEntry(import.meta.url, WORKER_FILES),
      names: { worker: 'citation file', owner: 'citation file reader' },
      timeoutMs: this.timeoutMs,
      maxHeapMb: WORKER_HEAP_MB,
      timers: options.timers,
      stopWhenIdle: true,
      isAnswer: isCitationFileAnswer,
    });
  }

  async read(file: { fileName: string; text: string }): Promise<CitationFileResult> {
    this.runner.throwIfClosed();
    if (file.text.length <= this.workerThreshold) {
      return parseCitationFile(file.text, { fileName: file.fileName });
    }
    try {
      return await this.runner.run({
        request: { text: file.text, fileName: file.fileName },
        receive: ({ result }) => ({ done: result }),
      });
    } catch (error) {
      return resultOfExpectedFailure<CitationFileResult>(error, {
        timeout: () => ({
          ok: false,
          reason: 'too-large',
          message: `Reading “${file.fileName}” took longer than ${Math.round(this.timeoutMs / 1000)} seconds, so Rounds stopped. Export a smaller part of your library.`,
        }),
        'out-of-memory': () => ({
          ok: false,
          reason: 'too-large',
          message: `Reading “${file.fileName}” needs more memory than Rounds allows. Export a smaller part of your library.`,
        }),
        crashed: () => {
          throw new Error(`Reading the citation file failed: ${(error as Error).message}`);
        },
      });
    }
  }

  /** Stops the worker; files being read or waiting are rejected. */
  close(): Promise<void> {
    return this.runner.close();
  }
}
