import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
// The service is tested over the real adapters, as composeBackend wires them.
import { HttpFeedFetcher } from '../../adapters/feeds/HttpFeedFetcher';
import { RssFeedParser } from '../../adapters/feeds/RssFeedParser';
import { LowdbLibraryStore } from '../../adapters/storage/LowdbLibraryStore';
import { FeedMainService } from './FeedMainService';
import { StaticFeedServer } from './testing/StaticFeedServer';
import { STEPPING_CLOCK_START, SteppingClock } from './testing/SteppingClock';

const MINUTES_PER_DAY = 24 * 60;

function rss(items: { guid: string; pubDate?: string }[]): string {
  const entries = items
    .map(
      ({ guid, pubDate }) =>
        `<item><guid>${guid}</guid><title>${guid}</title>${pubDate === undefined ? '' : `<pubDate>${pubDate}</pubDate>`}</item>`,
    )
    .join('');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Cardiology</title>${entries}</channel></rss>`;
}

let dataDir: string;
let store: LowdbLibraryStore;
let server: StaticFeedServer;
let clock: SteppingClock;
let service: FeedMainService;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'rounds-dates-'));
  store = await LowdbLibraryStore.open(dataDir);
  server = await StaticFeedServer.start();
  clock = new SteppingClock();
  service = new FeedMainService({
    store,
    fetcher: new HttpFeedFetcher({ userAgent: 'Rounds/test' }),
    parser: new RssFeedParser(),
    clock,
  });
});

afterEach(async () => {
  service.dispose();
  await store.close();
  await server.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** The library's list as the user sees it: titles with the date shown, newest first. */
async function listed(feedId: string): Promise<[string, string | null][]> {
  const { rows } = await store.queryItems({ feedId, filter: 'all', offset: 0, limit: 100 });
  return rows.map((row) => [row.title, row.publishedAt]);
}

describe('FeedMainService, dates a feed gets wrong', () => {
  it('shows a future date as the time Rounds first fetched the item, and keeps it there', async () => {
    // The clock starts at 2026-02-01T08:00Z.
    server.serve(
      '/feed',
      rss([
        { guid: 'from-2049', pubDate: 'Fri, 01 Jan 2049 00:00:00 GMT' },
        { guid: 'this-morning', pubDate: 'Sun, 01 Feb 2026 07:00:00 GMT' },
        { guid: 'yesterday', pubDate: 'Sat, 31 Jan 2026 07:00:00 GMT' },
      ]),
    );
    const added = await service.add({ url: server.url('/feed') });
    if (!added.ok) throw new Error(added.message);

    expect(await listed(added.value.id)).toEqual([
      ['from-2049', STEPPING_CLOCK_START],
      ['this-morning', '2026-02-01T07:00:00.000Z'],
      ['yesterday', '2026-01-31T07:00:00.000Z'],
    ]);

    clock.advanceMinutes(MINUTES_PER_DAY);
    server.serve(
      '/feed',
      rss([
        { guid: 'next-morning', pubDate: 'Mon, 02 Feb 2026 07:00:00 GMT' },
        { guid: 'from-2049', pubDate: 'Fri, 01 Jan 2049 00:00:00 GMT' },
        { guid: 'this-morning', pubDate: 'Sun, 01 Feb 2026 07:00:00 GMT' },
        { guid: 'yesterday', pubDate: 'Sat, 31 Jan 2026 07:00:00 GMT' },
      ]),
    );
    await service.refresh({ id: added.value.id });

    // Seen again a day later, the 2049 item keeps the time it was first fetched.
    expect(await listed(added.value.id)).toEqual([
      ['next-morning', '2026-02-02T07:00:00.000Z'],
      ['from-2049', STEPPING_CLOCK_START],
      ['this-morning', '2026-02-01T07:00:00.000Z'],
      ['yesterday', '2026-01-31T07:00:00.000Z'],
    ]);
  });

  it('sorts an undated item by when it was first fetched, and a refresh does not lift it again', async () => {
    server.serve(
      '/feed',
      rss([{ guid: 'undated' }, { guid: 'yesterday', pubDate: 'Sat, 31 Jan 2026 07:00:00 GMT' }]),
    );
    const added = await service.add({ url: server.url('/feed') });
    if (!added.ok) throw new Error(added.message);
    expect((await listed(added.value.id)).map(([title]) => title)).toEqual([
      'undated',
      'yesterday',
    ]);

    clock.advanceMinutes(MINUTES_PER_DAY);
    server.serve(
      '/feed',
      rss([
        { guid: 'undated' },
        { guid: 'next-morning', pubDate: 'Mon, 02 Feb 2026 07:00:00 GMT' },
        { guid: 'yesterday', pubDate: 'Sat, 31 Jan 2026 07:00:00 GMT' },
      ]),
    );
    await service.refresh({ id: added.value.id });

    expect((await listed(added.value.id)).map(([title]) => title)).toEqual([
      'next-morning',
      'undated',
      'yesterday',
    ]);
  });
});
