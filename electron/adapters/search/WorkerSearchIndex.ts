import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  type IndexOpening,
  type SearchDocument,
  type SearchHits,
  type SearchIndex,
  SearchIndexDamagedError,
  type SearchRequest,
} from '../../services/library/SearchIndex';
import type {
  SearchWorkerData,
  SearchWorkerReply,
  SearchWorkerRequest,
  SearchWorkerValues,
} from './searchIndexProtocol';
import { workerThreadEntry } from '../workerThreadEntry';

// Kept in a variable: bundlers rewrite `new URL('<literal>', import.meta.url)` into an asset,
// while the worker is built as an entry of its own next to the bundle that starts it.
const BUILT_WORKER_FILE = './searchIndexWorker.js';
const SOURCE_WORKER_FILE = './searchIndexWorker.ts';
/** The index file inside `<dataDir>/search/`. */
export const SEARCH_INDEX_FILE = 'library-index.sqlite';
/** Where a damaged index is moved; one copy only, as it is derived data kept just to look at. */
export const DAMAGED_SEARCH_INDEX_FILE = 'library-index.damaged.sqlite';

type RequestBody = SearchWorkerRequest extends infer R
  ? R extends { id: number }
    ? Omit<R, 'id'>
    : never
  : never;

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

/**
 * The search index in `<dataDir>/search/`, run by SqliteSearchDatabase in a worker thread so that
 * building it or answering a search never holds up the thread that serves the app. The worker
 * starts on the first call. Derived data: it is not backed up, and a damaged file is moved aside
 * and replaced by an empty one (see {@link SearchIndex.onDamaged}).
 */
export class WorkerSearchIndex implements SearchIndex {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private readonly damagedListeners = new Set<() => void>();
  private nextId = 1;
  private closed = false;
  private opening: Promise<IndexOpening> | null = null;

  constructor(private readonly directory: string) {}

  /** The index of the data folder `dataDir`. */
  static inDataFolder(dataDir: string): WorkerSearchIndex {
    return new WorkerSearchIndex(join(dataDir, 'search'));
  }

  /**
   * Opens the index once: later calls share the first one's answer, so the app may start opening
   * it early (the worker takes a few hundred milliseconds to start) and the feeder ask again.
   */
  open(): Promise<IndexOpening> {
    this.opening ??= (async () => {
      // Owner only: the index holds the words of what a clinician reads and, later, writes.
      await mkdir(this.directory, { recursive: true, mode: 0o700 });
      return this.call({ kind: 'open' });
    })();
    return this.opening;
  }

  upsert(documents: readonly SearchDocument[]): Promise<void> {
    return this.write({ kind: 'upsert', documents, onlyMissing: false }, documents.length);
  }

  insertMissing(documents: readonly SearchDocument[]): Promise<void> {
    return this.write({ kind: 'upsert', documents, onlyMissing: true }, documents.length);
  }

  remove(ids: readonly string[]): Promise<void> {
    return this.write({ kind: 'remove', ids }, ids.length);
  }

  ids(): Promise<string[]> {
    return this.call({ kind: 'ids' });
  }

  search(request: SearchRequest): Promise<SearchHits> {
    return this.call({ kind: 'search', request });
  }

  onDamaged(listener: () => void): () => void {
    this.damagedListeners.add(listener);
    return () => this.damagedListeners.delete(listener);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const worker = this.worker;
    if (!worker) return;
    try {
      await this.send({ kind: 'close' });
    } finally {
      this.worker = null;
      await worker.terminate();
    }
  }

  private async write(body: RequestBody, count: number): Promise<void> {
    if (count > 0) await this.send(body);
  }

  /** Sends a request whose kind is `K` and resolves to what the worker answers for it. */
  private call<K extends keyof SearchWorkerValues>(
    body: RequestBody & { kind: K },
  ): Promise<SearchWorkerValues[K]> {
    return this.send(body) as Promise<SearchWorkerValues[K]>;
  }

  private send(body: RequestBody): Promise<unknown> {
    if (this.closed && body.kind !== 'close') {
      return Promise.reject(new Error('The search index has been closed.'));
    }
    const worker = this.worker ?? this.spawn();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ ...body, id });
    });
  }

  private spawn(): Worker {
    const { script, options } = workerThreadEntry(import.meta.url, {
      built: BUILT_WORKER_FILE,
      source: SOURCE_WORKER_FILE,
    });
    const workerData: SearchWorkerData = {
      path: join(this.directory, SEARCH_INDEX_FILE),
      damagedPath: join(this.directory, DAMAGED_SEARCH_INDEX_FILE),
    };
    const worker = new Worker(script, { ...options, workerData });
    // An idle worker must not keep the process alive; it is referenced while a call is pending.
    worker.unref();
    worker.on('message', (reply: SearchWorkerReply) => this.receive(worker, reply));
    worker.on('error', (error) => this.lose(worker, `The search worker failed: ${error.message}`));
    worker.on('exit', (code) =>
      this.lose(worker, `The search worker stopped unexpectedly (exit ${code}).`),
    );
    this.worker = worker;
    return worker;
  }

  private receive(worker: Worker, reply: SearchWorkerReply): void {
    const pending = this.pending.get(reply.id);
    this.pending.delete(reply.id);
    if (this.pending.size === 0) worker.unref();
    if (reply.ok) {
      pending?.resolve(reply.value);
      return;
    }
    if (reply.damaged) {
      pending?.reject(new SearchIndexDamagedError(reply.message));
      for (const listener of [...this.damagedListeners]) listener();
      return;
    }
    pending?.reject(new Error(reply.message));
  }

  /** A worker that died takes its pending calls with it; the next call starts a new one. */
  private lose(worker: Worker, message: string): void {
    if (this.worker !== worker) return;
    this.worker = null;
    const calls = [...this.pending.values()];
    this.pending.clear();
    for (const call of calls) call.reject(new Error(message));
  }
}
