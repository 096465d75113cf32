import { Worker } from 'node:worker_threads';
import type { FeedParser, ParsedItem } from '../../services/feeds/ports';
import type { MoreItemsRequest, ParseReply, ParseRequest } from './feedParserProtocol';
import { workerThreadEntry } from '../workerThreadEntry';

type ParseResult = Awaited<ReturnType<FeedParser['parse']>>;

/** Tuning of {@link WorkerFeedParser}. */
export interface WorkerFeedParserOptions {
  /** Worker threads reading feeds at the same time. Default 2. */
  workers?: number;
  /** Longest one feed may take to read before its worker is stopped. Default 20 s. */
  timeoutMs?: number;
  /** Heap of each worker in megabytes; a feed needing more is refused. Default 512. */
  maxHeapMb?: number;
}

const DEFAULT_WORKERS = 2;
const DEFAULT_TIMEOUT_MS = 20_000;
const DEFAULT_MAX_HEAP_MB = 512;
// Kept in a variable: bundlers rewrite `new URL('<literal>', import.meta.url)` into an asset,
// while the worker is built as an entry of its own next to the bundle that starts it.
const BUILT_WORKER_FILE = './feedParserWorker.js';
const SOURCE_WORKER_FILE = './feedParserWorker.ts';
// Copying 50 MB at once holds the thread for about 30 ms on a slow machine; 4 MB slices do not.
const COPY_SLICE_BYTES = 4 * 1024 * 1024;

interface Job {
  request: ParseRequest;
  feed: { title: string; siteUrl: string | null } | null;
  items: ParsedItem[];
  resolve(result: ParseResult): void;
  reject(error: Error): void;
}

interface Thread {
  worker: Worker;
  /** Loaded and listening: a parse's time limit starts only then, not during start-up. */
  ready: boolean;
  job: Job | null;
  timer: NodeJS.Timeout | undefined;
}

/**
 * Reads feeds with RssFeedParser in worker threads, so a huge or hostile feed never stalls the
 * backend: the thread that serves the app only copies bytes in and takes results back in small
 * messages. A feed that takes too long or needs too much memory costs its worker, which is
 * stopped and replaced; the feed gets a `timeout` or `too-large` error.
 */
export class WorkerFeedParser implements FeedParser {
  private readonly size: number;
  private readonly timeoutMs: number;
  private readonly maxHeapMb: number;
  private readonly threads = new Set<Thread>();
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;

  constructor(options: WorkerFeedParserOptions = {}) {
    this.size = Math.max(1, options.workers ?? DEFAULT_WORKERS);
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.maxHeapMb = options.maxHeapMb ?? DEFAULT_MAX_HEAP_MB;
  }

  /** Rejects only when the worker itself fails (it is then replaced) or after {@link close}. */
  async parse(body: Uint8Array, contentType: string | null, url: string): Promise<ParseResult> {
    if (this.closed) throw new Error('The feed parser has been closed.');
    const bytes = await copyInSlices(body);
    if (this.closed) throw new Error('The feed parser has been closed.');
    return new Promise((resolve, reject) => {
      this.queue.push({
        request: { id: this.nextId++, body: bytes, contentType, url },
        feed: null,
        items: [],
        resolve,
        reject,
      });
      this.dispatch();
    });
  }

  /** Stops every worker; feeds being read or waiting are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    const stopped = new Error('The feed parser has been closed.');
    for (const job of this.queue.splice(0)) job.reject(stopped);
    const threads = [...this.threads];
    this.threads.clear();
    await Promise.all(
      threads.map((thread) => {
        this.settle(thread, (job) => job.reject(stopped));
        return thread.worker.terminate();
      }),
    );
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const thread = this.idleThread();
      if (!thread) return;
      const job = this.queue.shift();
      if (!job) return;
      thread.job = job;
      thread.worker.ref();
      if (thread.ready) this.startClock(thread);
      thread.worker.postMessage(job.request, [job.request.body.buffer]);
    }
  }

  private idleThread(): Thread | undefined {
    for (const thread of this.threads) if (thread.job === null) return thread;
    return this.threads.size < this.size ? this.spawn() : undefined;
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
    // An idle worker must not keep the process alive; it is referenced while it works.
    worker.unref();
    worker.on('message', (reply: ParseReply) => this.receive(thread, reply));
    worker.on('error', (error: Error & { code?: string }) => {
      this.retire(thread);
      this.settle(thread, (job) =>
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? job.resolve({
              ok: false,
              code: 'too-large',
              message: `This feed needs more than ${this.maxHeapMb} MB of memory to read, more than Rounds allows for one feed.`,
            })
          : job.reject(new Error(`The feed parsing worker failed: ${error.message}`)),
      );
    });
    worker.on('exit', (exitCode) => {
      this.retire(thread);
      this.settle(thread, (job) =>
        job.reject(new Error(`The feed parsing worker stopped unexpectedly (exit ${exitCode}).`)),
      );
    });
    this.threads.add(thread);
    return thread;
  }

  private startClock(thread: Thread): void {
    thread.timer = setTimeout(() => this.stopSlowParse(thread), this.timeoutMs);
  }

  private receive(thread: Thread, reply: ParseReply): void {
    if (reply.kind === 'ready') {
      thread.ready = true;
      if (thread.job) this.startClock(thread);
      return;
    }
    const job = thread.job;
    if (!job || reply.id !== job.request.id) return;
    switch (reply.kind) {
      case 'parsed':
      case 'items': {
        if (reply.kind === 'parsed') job.feed = reply.feed;
        for (const item of reply.items) job.items.push(item);
        const feed = job.feed;
        if (!reply.last || feed === null) {
          const more: MoreItemsRequest = { id: job.request.id, kind: 'more' };
          thread.worker.postMessage(more);
          return;
        }
        this.settle(thread, (done) =>
          done.resolve({ ok: true, feed: { ...feed, items: done.items } }),
        );
        break;
      }
      case 'failed':
        this.settle(thread, (done) =>
          done.resolve({
            ok: false,
            code: reply.code,
            message: reply.message,
            ...(reply.discoveredFeeds && { discoveredFeeds: reply.discoveredFeeds }),
          }),
        );
        break;
      case 'crashed':
        this.settle(thread, (done) => done.reject(new Error(reply.message)));
        break;
    }
    this.dispatch();
  }

  private stopSlowParse(thread: Thread): void {
    this.retire(thread);
    this.settle(thread, (job) =>
      job.resolve({
        ok: false,
        code: 'timeout',
        message: `Reading this feed took longer than ${Math.round(this.timeoutMs / 1000)} seconds, so Rounds stopped. The feed may be too large or deliberately convoluted.`,
      }),
    );
    void thread.worker.terminate();
  }

  /** Ends the thread's current job, if any, and frees the thread for the next one. */
  private settle(thread: Thread, finish: (job: Job) => void): void {
    const job = thread.job;
    clearTimeout(thread.timer);
    thread.job = null;
    thread.timer = undefined;
    if (this.threads.has(thread)) thread.worker.unref();
    if (job) finish(job);
  }

  /** Forgets a worker that is gone or being stopped; the queue moves on with a fresh one. */
  private retire(thread: Thread): void {
    if (!this.threads.delete(thread)) return;
    queueMicrotask(() => this.dispatch());
  }
}

/**
 * A tight copy the worker can own: the caller keeps its bytes, and the copy is moved, not cloned
 * (cloning a view would copy its whole underlying buffer). Made a slice per turn of the event loop.
 */
async function copyInSlices(body: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
  const copy = new Uint8Array(body.byteLength);
  for (let offset = 0; offset < body.byteLength; offset += COPY_SLICE_BYTES) {
    if (offset > 0) await new Promise((resolve) => setImmediate(resolve));
    copy.set(body.subarray(offset, offset + COPY_SLICE_BYTES), offset);
  }
  return copy;
}
