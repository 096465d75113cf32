import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RefreshEvent } from '@shared/contract';
import { newFeedRecord } from '@shared/domain/library/newFeedRecord';
import { HttpFeedFetcher } from '../../adapters/feeds/HttpFeedFetcher';
import { RssFeedParser } from '../../adapters/feeds/RssFeedParser';
import { LowdbLibraryStore } from '../../adapters/storage/LowdbLibraryStore';
import { FeedMainService } from './FeedMainService';
import { type DueFeedRefresher, RefreshScheduler, type SchedulerTimers } from './RefreshScheduler';
import { SteppingClock } from './testing/SteppingClock';

// vi.waitFor gives up after one second by default, which a refresh (a loopback request and an
// fsynced write) can outlast on a loaded machine; the wait ends on the event, the limit only
// stops a test that would otherwise hang.
const UNTIL_IT_HAPPENS = { timeout: 15_000 };

/** Timers that fire only when the test says so. */
class ManualTimers implements SchedulerTimers {
  readonly pending: { callback: () => void; ms: number }[] = [];
  setTimeout(callback: () => void, ms: number): unknown {
    const timer = { callback, ms };
    this.pending.push(timer);
    return timer;
  }
  clearTimeout(handle: unknown): void {
    const index = this.pending.findIndex((timer) => timer === handle);
    if (index >= 0) this.pending.splice(index, 1);
  }
  /** Fires the one pending timer and waits until the scheduler has planned its next check. */
  async fireAndSettle(): Promise<void> {
    expect(this.pending).toHaveLength(1);
    this.pending.shift()?.callback();
    await vi.waitFor(() => expect(this.pending).toHaveLength(1), UNTIL_IT_HAPPENS);
  }
}

describe('RefreshScheduler with the feeds service', () => {
  let dataDir: string;
  let store: LowdbLibraryStore;
  let server: Server;
  let requests: string[];
  let clock: SteppingClock;
  let timers: ManualTimers;
  let service: FeedMainService;
  let scheduler: RefreshScheduler;

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'rounds-scheduler-'));
    store = await LowdbLibraryStore.open(dataDir);
    requests = [];
    server = createServer((req, res) => {
      requests.push(req.url ?? '');
      if (req.url === '/broken') res.writeHead(500).end();
      else
        res
          .writeHead(200)
          .end(
            `<rss version="2.0"><channel><title>${req.url}</title><item><guid>${requests.length}</guid></item></channel></rss>`,
          );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    clock = new SteppingClock();
    for (const path of ['/healthy', '/broken']) {
      await store.saveFeed(
        newFeedRecord({
          id: path.slice(1),
          url: `${base}${path}`,
          title: path,
          addedAt: '2026-02-01T07:00:00.000Z',
          lastFetchedAt: '2026-02-01T07:00:00.000Z',
        }),
      );
    }
    service = new FeedMainService({
      store,
      fetcher: new HttpFeedFetcher({ userAgent: 'Rounds/test', timeoutMs: 5_000 }),
      parser: new RssFeedParser(),
      clock,
    });
    timers = new ManualTimers();
    scheduler = new RefreshScheduler({ refresher: service, timers });
  });

  afterEach(async () => {
    await scheduler.stop();
    service.dispose();
    await store.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await rm(dataDir, { recursive: true, force: true });
  });

  it('checks a while after start, then every minute, fetching what is due and backing off failures', async () => {
    const events: RefreshEvent[] = [];
    service.onDidRefresh((event) => events.push(event));

    scheduler.start();
    expect(timers.pending.map((timer) => timer.ms)).toEqual([10_000]);
    await timers.fireAndSettle();
    expect(timers.pending.map((timer) => timer.ms)).toEqual([60_000]);
    expect(requests.sort()).toEqual(['/broken', '/healthy']);
    expect(events.map((event) => event.total)).toEqual([2, 2]);
    expect(store.getFeed('broken')?.retryNotBefore).toBe('2026-02-01T09:00:00.000Z');

    // Half an hour later nothing is due.
    clock.advanceMinutes(30);
    await timers.fireAndSettle();
    expect(requests).toHaveLength(2);

    // An hour after the first check both are due again; the broken one now waits two hours.
    clock.advanceMinutes(31);
    await timers.fireAndSettle();
    expect(requests).toHaveLength(4);
    expect(store.getFeed('broken')).toMatchObject({
      consecutiveFailures: 2,
      retryNotBefore: '2026-02-01T11:01:00.000Z',
    });

    // Another hour: only the healthy feed is due.
    clock.advanceMinutes(61);
    await timers.fireAndSettle();
    expect(requests.slice(4)).toEqual(['/healthy']);
  });

  it('stops checking once stopped', async () => {
    scheduler.start();
    await scheduler.stop();

    expect(timers.pending).toEqual([]);
  });
});

describe('RefreshScheduler', () => {
  it('never starts a second run while one is in progress, and keeps going after a failure', async () => {
    const timers = new ManualTimers();
    const runs: { finish: () => void }[] = [];
    let failNext = true;
    const refresher: DueFeedRefresher = {
      refreshDue: () => {
        if (failNext) {
          failNext = false;
          return Promise.reject(new Error('bug'));
        }
        return new Promise<void>((resolve) => runs.push({ finish: resolve }));
      },
    };
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const scheduler = new RefreshScheduler({ refresher, timers, checkEveryMs: 1_000 });

    scheduler.start();
    await timers.fireAndSettle();
    expect(logged).toHaveBeenCalledWith(
      '[rounds] the background refresh failed',
      expect.any(Error),
    );
    logged.mockRestore();

    timers.pending.shift()?.callback();
    await vi.waitFor(() => expect(runs).toHaveLength(1), UNTIL_IT_HAPPENS);
    // While the run lasts, no check is planned at all.
    expect(timers.pending).toEqual([]);
    runs[0]?.finish();
    await vi.waitFor(
      () => expect(timers.pending.map((timer) => timer.ms)).toEqual([1_000]),
      UNTIL_IT_HAPPENS,
    );
    await scheduler.stop();
  });
});
