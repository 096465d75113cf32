import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { newFeedRecord } from '@shared/domain/library/newFeedRecord';
import { LowdbLibraryStore } from '../../adapters/storage/LowdbLibraryStore';
import { LowdbRetentionFiles } from '../../adapters/storage/LowdbRetentionFiles';
import type { SchedulerTimers } from '../feeds/RefreshScheduler';
import { ExpiredItemKeys } from './ExpiredItemKeys';
import { RetentionMainService } from './RetentionMainService';
import {
  RETENTION_EVERY_MS,
  RETENTION_FIRST_RUN_AFTER_MS,
  RetentionScheduler,
} from './RetentionScheduler';

// The wait ends on the event; the limit only stops a test that would otherwise hang.
const UNTIL_IT_HAPPENS = { timeout: 15_000 };
const DAY = 24 * 60 * 60 * 1000;

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
  /** Fires the one pending timer and waits until the scheduler has planned the next run. */
  async fireAndSettle(): Promise<void> {
    expect(this.pending).toHaveLength(1);
    this.pending.shift()?.callback();
    await vi.waitFor(() => expect(this.pending).toHaveLength(1), UNTIL_IT_HAPPENS);
  }
}

/** A clock the test moves by hand. */
class HandClock {
  private time = Date.parse('2026-06-01T09:00:00.000Z');
  now(): Date {
    return new Date(this.time);
  }
  advanceDays(days: number): void {
    this.time += days * DAY;
  }
}

let dataDir: string;
let store: LowdbLibraryStore;
let files: LowdbRetentionFiles;
let clock: HandClock;
let timers: ManualTimers;
let service: RetentionMainService;
let scheduler: RetentionScheduler;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'rounds-retention-schedule-'));
  store = await LowdbLibraryStore.open(dataDir);
  ({ files } = await LowdbRetentionFiles.open(dataDir));
  clock = new HandClock();
  timers = new ManualTimers();
  service = new RetentionMainService({
    library: store,
    annotations: { annotatedItemIds: () => [] },
    files,
    expiredItems: new ExpiredItemKeys(files),
    clock,
  });
  await store.saveFeed(
    newFeedRecord({
      id: 'journal',
      url: 'https://journal.example/rss',
      title: 'Journal',
      addedAt: '2026-01-01T00:00:00.000Z',
    }),
  );
  // Read, and 89 days old at the first run: two days later it is past the policy's 90 days.
  const publishedAt = new Date(clock.now().getTime() - 89 * DAY).toISOString();
  await store.putItems([
    {
      id: 'ageing',
      feedId: 'journal',
      guid: 'ageing',
      title: 'Ageing trial',
      link: null,
      author: null,
      publishedAt,
      excerpt: '',
      contentHtml: '',
      fetchedAt: publishedAt,
    },
  ]);
  await store.setItemState('ageing', { read: true });
  await service.setPolicy({ olderThanDays: 90, feeds: [] });
});

afterEach(async () => {
  await scheduler.stop();
  await service.settled();
  await files.close();
  await store.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('RetentionScheduler', () => {
  it('runs once the library has loaded, then daily, by the injected clock', async () => {
    let libraryLoaded!: () => void;
    const loaded = new Promise<void>((resolve) => (libraryLoaded = resolve));
    scheduler = new RetentionScheduler({ retention: service, libraryLoaded: () => loaded, timers });

    scheduler.start();
    expect(timers.pending).toEqual([]);
    libraryLoaded();
    await vi.waitFor(() => expect(timers.pending).toHaveLength(1), UNTIL_IT_HAPPENS);
    expect(timers.pending[0]?.ms).toBe(RETENTION_FIRST_RUN_AFTER_MS);

    await timers.fireAndSettle();
    expect(timers.pending[0]?.ms).toBe(RETENTION_EVERY_MS);
    expect(RETENTION_EVERY_MS).toBe(DAY);
    expect(await store.getItem('ageing')).toBeDefined();
    expect(await service.policy()).toMatchObject({
      value: { lastRun: { trigger: 'background', removed: 0 } },
    });

    clock.advanceDays(2);
    await timers.fireAndSettle();
    expect(await store.getItem('ageing')).toBeUndefined();
    expect(await service.policy()).toMatchObject({
      value: { lastRun: { trigger: 'background', removed: 1, at: '2026-06-03T09:00:00.000Z' } },
    });
  });

  it('plans nothing more once stopped, even if the library loads later', async () => {
    let libraryLoaded!: () => void;
    const loaded = new Promise<void>((resolve) => (libraryLoaded = resolve));
    scheduler = new RetentionScheduler({ retention: service, libraryLoaded: () => loaded, timers });
    scheduler.start();
    await scheduler.stop();
    libraryLoaded();
    await loaded;
    expect(timers.pending).toEqual([]);
  });

  it('keeps to its days when a run fails', async () => {
    const failing = { runInBackground: () => Promise.reject(new Error('disk full')) };
    const errors: unknown[] = [];
    scheduler = new RetentionScheduler({
      retention: failing,
      libraryLoaded: () => Promise.resolve(),
      timers,
      onError: (error) => errors.push(error),
    });
    scheduler.start();
    await vi.waitFor(() => expect(timers.pending).toHaveLength(1), UNTIL_IT_HAPPENS);
    await timers.fireAndSettle();
    expect(errors).toHaveLength(1);
    expect(timers.pending[0]?.ms).toBe(RETENTION_EVERY_MS);
  });
});
