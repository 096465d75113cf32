import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { newFeedRecord } from '@shared/domain/library/newFeedRecord';
import { HttpFeedFetcher, type DeadlineTimers } from '../../adapters/feeds/HttpFeedFetcher';
import { WorkerFeedParser } from '../../adapters/feeds/WorkerFeedParser';
import { LowdbLibraryStore } from '../../adapters/storage/LowdbLibraryStore';
import {
  DEADLINE_FEEDS,
  EVIL_DTD_PATH,
  HOSTILE_FEEDS,
  type HostileFeedOptions,
} from '../../adapters/feeds/testing/hostileFeedRoutes';
import { LoopbackServerThread } from '../../adapters/feeds/testing/LoopbackServerThread';
import { ManualDeadlineTimers } from '../../adapters/feeds/testing/ManualDeadlineTimers';
import { FeedMainService } from './FeedMainService';

// Issue 3, point 8: every hostile feed and three healthy ones, refreshed together through the real
// fetcher, worker parser, service and store. Each hostile one must end in its own error code, the
// healthy ones must be updated, nothing secret may leak and memory must stay bounded.
//
// Issue 6: the outcome must not depend on how busy the machine is. The server runs in a thread of
// its own with every payload built once; no deadline can fire on a feed that is merely slow (the
// limits are far above anything a healthy request needs); and the feeds that only a deadline ends
// are proved with injected timers, fired once the server reports it has the request.

const SECRET = `ROUNDS-SECRET-${randomUUID()}`;
// Far above what any request here needs, even on a starved machine: these never decide an outcome.
const TOTAL_LIMIT_MS = 120_000;
const ANSWER_LIMIT_MS = 60_000;
const PARSE_LIMIT_MS = 60_000;

let workDir: string;
let server: LoopbackServerThread;

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'rounds-hostile-'));
  const secretPath = join(workDir, 'secret.txt');
  await writeFile(secretPath, SECRET);
  const options: HostileFeedOptions = { secretPath, secret: SECRET };
  server = await LoopbackServerThread.start(
    new URL('../../adapters/feeds/testing/hostileFeedRoutes.ts', import.meta.url),
    options,
  );
}, 60_000);

afterAll(async () => {
  await server?.close();
  await rm(workDir, { recursive: true, force: true });
});

interface Backend {
  store: LowdbLibraryStore;
  service: FeedMainService;
  close(): Promise<void>;
}

/** The real backend over a fresh library holding one feed per path (the path is its id). */
async function openBackend(dataDir: string, paths: string[], timers?: DeadlineTimers) {
  const store = await LowdbLibraryStore.open(dataDir);
  const parser = new WorkerFeedParser({ timeoutMs: PARSE_LIMIT_MS });
  const service = new FeedMainService({
    store,
    fetcher: new HttpFeedFetcher({
      userAgent: 'Rounds/test',
      timeoutMs: TOTAL_LIMIT_MS,
      connectTimeoutMs: ANSWER_LIMIT_MS,
      maxBodyBytes: 4 * 1024 * 1024,
      timers,
    }),
    parser,
    clock: { now: () => new Date() },
    // Every feed is on 127.0.0.1; let the slow ones run side by side with the rest.
    concurrency: { overall: 8, perHost: 8 },
  });
  const now = new Date().toISOString();
  for (const path of paths) {
    await store.saveFeed(
      newFeedRecord({
        id: path.slice(1),
        url: `${server.origin}${path}`,
        title: path,
        addedAt: now,
      }),
    );
  }
  const backend: Backend = {
    store,
    service,
    close: async () => {
      service.dispose();
      await parser.close();
      await store.close();
    },
  };
  return backend;
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

it('refreshes every hostile feed into its own error while the healthy ones are updated', async () => {
  const dataDir = join(workDir, 'hostile-library');
  const paths = Object.keys(HOSTILE_FEEDS);
  const backend = await openBackend(dataDir, paths);

  let peakRss = process.memoryUsage().rss;
  const rssBefore = peakRss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 20);
  try {
    const result = await backend.service.refresh({});
    expect(result.ok && result.value).toHaveLength(paths.length);
  } finally {
    clearInterval(sampler);
    await backend.close();
  }

  const reopened = await LowdbLibraryStore.open(dataDir);
  try {
    const codes = Object.fromEntries(
      paths.map((path) => [path, reopened.getFeed(path.slice(1))?.lastError?.code ?? null]),
    );
    expect(codes).toEqual(HOSTILE_FEEDS);

    const titlesOf = async (id: string) =>
      (await reopened.queryItems({ feedId: id, filter: 'all', offset: 0, limit: 10 })).rows
        .map((row) => row.title)
        .sort();
    expect(await titlesOf('healthy-rss')).toEqual(['Cardiology-1', 'Cardiology-2']);
    expect(await titlesOf('healthy-gzip')).toEqual(['Neurology-1', 'Neurology-2']);
    expect(await titlesOf('healthy-atom')).toEqual(['Onc 1', 'Onc 2']);
    expect(reopened.getFeed('healthy-rss')?.title).toBe('Cardiology');

    // A megabyte of title is kept, cut short; the feed itself works.
    const [hugeTitle] = await titlesOf('huge-title');
    expect(hugeTitle?.length).toBeLessThanOrEqual(1000);
    expect(reopened.getFeed('huge-title')?.title.length).toBeLessThanOrEqual(1000);
    expect(reopened.getFeed('nested-50000')?.lastError?.message).toBe(
      'This feed nests its elements too deeply for Rounds to read.',
    );
    // Invalid UTF-8 is decoded with replacement characters, and the feed is read.
    expect(reopened.getFeed('invalid-utf8')?.title).toBe('Caf\uFFFD(\uFFFD');
    expect(reopened.getFeed('rate-limited')?.retryNotBefore).not.toBeNull();
  } finally {
    await reopened.close();
  }

  // Nothing fetched the parameter entity's address, and the secret file is nowhere on disk.
  await server.allRequestsReported();
  expect(server.requested).not.toContain(EVIL_DTD_PATH);
  for (const file of await filesUnder(dataDir)) {
    expect(await readFile(file, 'utf8'), file).not.toContain(SECRET);
  }
  expect(peakRss - rssBefore).toBeLessThan(300 * 1024 * 1024);
}, 180_000);

it('ends a feed whose server never answers, or sends a byte a second, in a timeout when its deadline passes', async () => {
  const dataDir = join(workDir, 'deadline-library');
  const { neverAnswers, oneBytePerSecond } = DEADLINE_FEEDS;
  const timers = new ManualDeadlineTimers();
  const backend = await openBackend(dataDir, [neverAnswers, oneBytePerSecond], timers);
  try {
    // One feed at a time, so the deadline fired is the one of the feed in flight.
    const silent = backend.service.refresh({ id: neverAnswers.slice(1) });
    await server.waitForRequest(neverAnswers);
    timers.fire(ANSWER_LIMIT_MS);
    await silent;

    const dripping = backend.service.refresh({ id: oneBytePerSecond.slice(1) });
    await server.waitForRequest(oneBytePerSecond);
    timers.fire(TOTAL_LIMIT_MS);
    await dripping;
  } finally {
    await backend.close();
  }

  const reopened = await LowdbLibraryStore.open(dataDir);
  try {
    expect(reopened.getFeed(neverAnswers.slice(1))?.lastError).toMatchObject({
      code: 'timeout',
      message: '127.0.0.1 did not answer within 60 seconds.',
    });
    expect(reopened.getFeed(oneBytePerSecond.slice(1))?.lastError).toMatchObject({
      code: 'timeout',
      message: '127.0.0.1 took longer than 120 seconds to send the feed.',
    });
  } finally {
    await reopened.close();
  }
  expect(timers.pendingDelays()).toEqual([]);
}, 60_000);
