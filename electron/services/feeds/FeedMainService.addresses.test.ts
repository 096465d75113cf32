import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newFeedRecord } from '@shared/domain/library/newFeedRecord';
// Over the real adapters, as composeBackend wires them; only names and routes are the test's.
import { RssFeedParser } from '../../adapters/feeds/RssFeedParser';
import {
  LoopbackTestNetwork,
  ROUTED_PUBLIC_ADDRESS,
} from '../../adapters/feeds/testing/LoopbackTestNetwork';
import { LowdbLibraryStore } from '../../adapters/storage/LowdbLibraryStore';
import type { PrivateFeedsSetting } from '../../adapters/feeds/FeedAddressPolicy';
import { FeedMainService } from './FeedMainService';
import type { FeedFetcher } from './ports';
import { STEPPING_CLOCK_START, SteppingClock } from './testing/SteppingClock';

const RSS =
  '<?xml version="1.0"?><rss version="2.0"><channel><title>Internal</title><item><guid>a</guid><title>Secret</title></item></channel></rss>';

let dataDir: string;
let store: LowdbLibraryStore;
let server: Server;
let port: number;
let requests: string[];
let clock: SteppingClock;
let network: LoopbackTestNetwork;
const services: FeedMainService[] = [];

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'rounds-feed-addresses-'));
  store = await LowdbLibraryStore.open(dataDir);
  clock = new SteppingClock();
  network = new LoopbackTestNetwork({ 'public.example': [ROUTED_PUBLIC_ADDRESS] });
  requests = [];
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    requests.push(req.url ?? '');
    if (req.url === '/page') {
      // A public page naming a feed inside the private network.
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(
        `<!DOCTYPE html><html><head><title>Journal</title><link rel="alternate" type="application/rss+xml" href="http://127.0.0.1:${port}/feed.xml"></head><body>Issue</body></html>`,
      );
      return;
    }
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    res.end(RSS);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterEach(async () => {
  for (const service of services.splice(0)) service.dispose();
  await store.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await rm(dataDir, { recursive: true, force: true });
});

function serviceWith(fetcher: FeedFetcher): FeedMainService {
  const service = new FeedMainService({ store, fetcher, parser: new RssFeedParser(), clock });
  services.push(service);
  return service;
}

function fetcher(privateFeeds?: PrivateFeedsSetting) {
  return network.fetcher(privateFeeds, 5_000);
}

describe('FeedMainService: addresses a subscription may lead to', () => {
  it('does not follow a public page’s feed link into the private network, and stores nothing', async () => {
    const service = serviceWith(fetcher());

    const result = await service.add({ url: `http://public.example:${port}/page` });

    expect(result).toEqual({
      ok: false,
      code: 'blocked-address',
      message: `The page http://public.example:${port}/page links to a feed at 127.0.0.1, an address of this computer (loopback): Rounds does not follow a page on the internet into your own computer or network. If you trust that address, subscribe to it directly.`,
    });
    expect(requests).toEqual(['/page']);
    expect(store.listFeeds()).toEqual([]);
  });

  it('subscribes to the same private feed when the user types its address', async () => {
    const service = serviceWith(fetcher());

    const result = await service.add({ url: `http://127.0.0.1:${port}/feed.xml` });

    expect(result).toMatchObject({ ok: true, value: { url: `http://127.0.0.1:${port}/feed.xml` } });
  });

  it('keeps a refused address from being retried before a day has passed', async () => {
    await store.saveFeed(
      newFeedRecord({
        id: 'internal',
        url: `http://127.0.0.1:${port}/feed.xml`,
        title: 'Internal',
        addedAt: STEPPING_CLOCK_START,
      }),
    );
    const service = serviceWith(fetcher('refused'));

    const [outcome] = await service.refreshFeeds(['internal']);

    expect(outcome?.error).toMatchObject({ code: 'blocked-address' });
    expect(requests).toEqual([]);
    const stored = store.getFeed('internal');
    expect(stored).toMatchObject({
      url: `http://127.0.0.1:${port}/feed.xml`,
      consecutiveFailures: 1,
      // A refusal does not go away by itself: asking again in an hour would only repeat it.
      retryNotBefore: '2026-02-02T08:00:00.000Z',
    });
    clock.advanceMinutes(23 * 60);
    expect(await service.refreshDue()).toEqual([]);
  });
});
