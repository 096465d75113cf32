import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PrivateFeedsSetting } from '../adapters/feeds/FeedAddressPolicy';
import { composeBackend } from './composeBackend';

const RSS =
  '<?xml version="1.0"?><rss version="2.0"><channel><title>Ward feed</title><item><guid>a</guid><title>Rota</title></item></channel></rss>';

let dataDir: string;
let server: Server;
let feedUrl: string;
let requests: number;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'rounds-compose-'));
  requests = 0;
  server = createServer((_req, res) => {
    requests++;
    res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(RSS);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  feedUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed.xml`;
});

afterEach(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await rm(dataDir, { recursive: true, force: true });
});

async function addWith(privateFeeds: PrivateFeedsSetting) {
  const composed = await composeBackend({
    dataDir,
    runtime: 'host',
    version: '0.0.0-test',
    privateFeeds,
  });
  try {
    return await composed.backend.feeds.add({ url: feedUrl });
  } finally {
    await composed.close();
  }
}

describe('composeBackend: the private feeds setting reaches the fetcher', () => {
  it('refuses a loopback feed when private feeds are refused (a host serving other computers)', async () => {
    expect(await addWith('refused')).toMatchObject({ ok: false, code: 'blocked-address' });
    expect(requests).toBe(0);
  });

  it('subscribes to a typed loopback feed with when-typed (the desktop app, a loopback host)', async () => {
    expect(await addWith('when-typed')).toMatchObject({ ok: true, value: { url: feedUrl } });
  });
});
