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
import { SteppingClock } from './testing/SteppingClock';

const FEED = `<?xml version="1.0"?><rss version="2.0"><channel><title>Cardiology</title><item><guid>a</guid><title>First</title></item></channel></rss>`;

let dataDir: string;
let store: LowdbLibraryStore;
let server: StaticFeedServer;
let service: FeedMainService;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'rounds-spellings-'));
  store = await LowdbLibraryStore.open(dataDir);
  server = await StaticFeedServer.start();
  service = new FeedMainService({
    store,
    fetcher: new HttpFeedFetcher({ userAgent: 'Rounds/test' }),
    parser: new RssFeedParser(),
    clock: new SteppingClock(),
  });
});

afterEach(async () => {
  service.dispose();
  await store.close();
  await server.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('FeedMainService.add, one feed written several ways', () => {
  it('refuses every other spelling of a followed feed as a duplicate, before any request', async () => {
    server.serve('/feed', FEED);
    const first = await service.add({ url: server.url('/feed') });
    expect(first).toMatchObject({ ok: true });
    const { port } = new URL(server.url('/feed'));

    const spellings = [
      `HTTP://127.0.0.1:${port}/feed`,
      `http://127.0.0.1:${port}/cardiology/../feed`,
      `http://127.0.0.1:${port}/./feed#latest`,
      `http://127.0.0.1:${port}\\feed`,
      `http:\\\\127.0.0.1:${port}\\feed`,
      `http://127.1:${port}/feed`,
    ];
    for (const spelling of spellings) {
      expect(await service.add({ url: spelling }), spelling).toMatchObject({
        ok: false,
        code: 'duplicate',
      });
    }
    expect(server.requested).toEqual(['/feed']);
    expect(await service.list()).toMatchObject({ ok: true, value: [{ url: server.url('/feed') }] });
  });
});
