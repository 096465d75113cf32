import type { FeedParser, ParsedFeed, ParsedItem } from '../../services/feeds/ports';
import { workerThreadEntry } from '../workerThreadEntry';
import { limitFailure } from '../workers/WorkerJobFailure';
import { WorkerJobRunner, type WorkerJobStep } from '../workers/WorkerJobRunner';
import type { DeadlineTimers } from './HttpFeedFetcher';
import { type FeedParserRequest, isParseAnswer, type ParseAnswer } from './feedParserProtocol';

type ParseResult = Awaited<ReturnType<FeedParser['parse']>>;

/** Tuning of {@link WorkerFeedParser}. */
export interface WorkerFeedParserOptions {
  /** Worker threads reading feeds at the same time. Default 2. */
  workers?: number;
  /** Longest one feed may take to read before its worker is stopped. Default 20 s. */
  timeoutMs?: number;
  /** Heap of each worker in megabytes; a feed needing more is refused. Default 512. */
  maxHeapMb?: number;
  /** Schedules the time limit; tests pass their own to fire it on cue. Default: global. */
  timers?: DeadlineTimers;
}

const DEFAULT_WORKERS = 2;
const DEFAULT_TIMEOUT_MS = 20_000;
const DEFAULT_MAX_HEAP_MB = 512;
// Kept in a variable: bundlers rewrite `new URL('<literal>', import.meta.url)` into an asset,
// while the worker is built as an entry of its own next to the bundle that starts it.
const WORKER_FILES = { built: './feedParserWorker.js', source: './feedParserWorker.ts' };
// Copying 50 MB at once holds the thread for about 30 ms on a slow machine; 4 MB slices do not.
const COPY_SLICE_BYTES = 4 * 1024 * 1024;

/** What one feed's answers have brought so far. */
interface Collected {
  feed: Omit<ParsedFeed, 'items'> | null;
  items: ParsedItem[];
}

/**
 * Reads feeds with RssFeedParser in worker threads, so a huge or hostile feed never stalls the
 * backend: the thread that serves the app only copies bytes in and takes results back in small
 * messages. A feed that takes too long or needs too much memory costs its worker, which is
 * stopped and replaced; the feed gets a `timeout` or `too-large` error.
 */
export class WorkerFeedParser implements FeedParser {
  private readonly timeoutMs: number;
  private readonly maxHeapMb: number;
  private readonly runner: WorkerJobRunner<FeedParserRequest, ParseAnswer>;

  constructor(options: WorkerFeedParserOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.maxHeapMb = options.maxHeapMb ?? DEFAULT_MAX_HEAP_MB;
    this.runner = new WorkerJobRunner({
      entry: workerThreadEntry(import.meta.url, WORKER_FILES),
      names: { worker: 'feed parsing', owner: 'feed parser' },
      workers: options.workers ?? DEFAULT_WORKERS,
      timeoutMs: this.timeoutMs,
      maxHeapMb: this.maxHeapMb,
      timers: options.timers,
      isAnswer: isParseAnswer,
    });
  }

  /** Rejects only when the worker itself fails (it is then replaced) or after {@link close}. */
  async parse(body: Uint8Array, contentType: string | null, url: string): Promise<ParseResult> {
    this.runner.throwIfClosed();
    const bytes = await copyInSlices(body);
    const collected: Collected = { feed: null, items: [] };
    try {
      return await this.runner.run({
        request: { kind: 'parse', body: bytes, contentType, url },
        transfer: [bytes.buffer],
        receive: (answer) => takeAnswer(answer, collected),
      });
    } catch (error) {
      return limitFailure(error, {
        timeout: `Reading this feed took longer than ${Math.round(this.timeoutMs / 1000)} seconds, so Rounds stopped. The feed may be too large or deliberately convoluted.`,
        tooLarge: `This feed needs more than ${this.maxHeapMb} MB of memory to read, more than Rounds allows for one feed.`,
      });
    }
  }

  /** Stops every worker; feeds being read or waiting are rejected. */
  close(): Promise<void> {
    return this.runner.close();
  }
}

/** Gathers a feed's batches, asking for the next until the last has come. */
function takeAnswer(
  answer: ParseAnswer,
  collected: Collected,
): WorkerJobStep<FeedParserRequest, ParseResult> {
  if (answer.kind === 'failed') {
    const { code, message, discoveredFeeds } = answer;
    return { done: { ok: false, code, message, ...(discoveredFeeds && { discoveredFeeds }) } };
  }
  if (answer.kind === 'parsed') collected.feed = answer.feed;
  const feed = collected.feed;
  if (feed === null) throw new Error('Items came before the feed they belong to.');
  for (const item of answer.items) collected.items.push(item);
  if (!answer.last) return { ask: { kind: 'more' } };
  return { done: { ok: true, feed: { ...feed, items: collected.items } } };
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
