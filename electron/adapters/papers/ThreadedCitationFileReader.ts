import { Worker } from 'node:worker_threads';
import { type CitationFileResult, parseCitationFile } from '../citations/parseCitationFile';
import type { CitationFileReply, CitationFileRequest } from './citationFileProtocol';
import { workerThreadEntry } from '../workerThreadEntry';

/** Files larger than this (in UTF-16 code units) are read in a worker thread. */
export const DEFAULT_WORKER_THRESHOLD = 2 * 1024 * 1024;
const WORKER_HEAP_MB = 1024;
// Kept in a variable: bundlers rewrite `new URL('<literal>', import.meta.url)` into an asset,
// while the worker is built as an entry of its own next to the bundle that starts it.
const BUILT_WORKER_FILE = './citationFileWorker.js';
const SOURCE_WORKER_FILE = './citationFileWorker.ts';

/**
 * Reads BibTeX and RIS files (see parseCitationFile). Parsing takes about half a millisecond per
 * BibTeX entry, so a small file is read at once in the calling thread (starting a worker costs
 * more), while a file over {@link DEFAULT_WORKER_THRESHOLD} (about 1,500 entries with abstracts,
 * most of a second) is read in a worker thread of its own, stopped afterwards, so the backend
 * keeps answering the window meanwhile.
 */
export class ThreadedCitationFileReader {
  private readonly workerThreshold: number;

  constructor(options: { workerThreshold?: number } = {}) {
    this.workerThreshold = options.workerThreshold ?? DEFAULT_WORKER_THRESHOLD;
  }

  async read(file: { fileName: string; text: string }): Promise<CitationFileResult> {
    if (file.text.length <= this.workerThreshold) {
      return parseCitationFile(file.text, { fileName: file.fileName });
    }
    return readInWorker({ text: file.text, fileName: file.fileName });
  }
}

function readInWorker(request: CitationFileRequest): Promise<CitationFileResult> {
  const { script, options } = workerThreadEntry(import.meta.url, {
    built: BUILT_WORKER_FILE,
    source: SOURCE_WORKER_FILE,
  });
  const worker = new Worker(script, {
    ...options,
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
  });
  return new Promise<CitationFileResult>((resolve, reject) => {
    worker.once('message', (reply: CitationFileReply) => {
      if (reply.kind === 'read') resolve(reply.result);
      else reject(new Error(`Reading the citation file failed: ${reply.message}`));
    });
    worker.once('error', (error: Error & { code?: string }) => {
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        resolve({
          ok: false,
          reason: 'too-large',
          message: `Reading “${request.fileName}” needs more memory than Rounds allows. Export a smaller part of your library.`,
        });
      } else reject(new Error(`The citation file worker failed: ${error.message}`));
    });
    worker.once('exit', (exitCode) =>
      reject(new Error(`The citation file worker stopped unexpectedly (exit ${exitCode}).`)),
    );
    worker.postMessage(request);
  }).finally(() => void worker.terminate());
}
