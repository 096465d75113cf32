import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PrivateFeedsSetting } from '../adapters/feeds/FeedAddressPolicy';
import { buildTestPdf } from '../adapters/pdf/testing/writeTestPdf';
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

describe('composeBackend: papers from elsewhere', () => {
  it('serves an added PDF’s bytes to the transports by hash, and lists "My papers" as local', async () => {
    const composed = await composeBackend({
      dataDir,
      runtime: 'host',
      version: '0.0.0-test',
      privateFeeds: 'when-typed',
    });
    try {
      const bytes = buildTestPdf({ pages: [['Heparin in sepsis'], ['Methods']] });
      const added = await composed.backend.papers.addPdf({
        fileName: 'heparin.pdf',
        base64: Buffer.from(bytes).toString('base64'),
      });
      if (!added.ok) throw new Error(added.message);
      const { hash } = added.value.pdf;

      expect(await composed.storedPdfs.read(hash)).toEqual(bytes);
      expect(await composed.storedPdfs.read('c'.repeat(64))).toBeNull();
      expect(await composed.storedPdfs.read('../../secret')).toBeNull();

      const feeds = await composed.backend.feeds.list();
      expect(feeds.ok && feeds.value.map(({ title, kind }) => ({ title, kind }))).toEqual([
        { title: 'My papers', kind: 'local' },
      ]);
      const paper = await composed.backend.library.get({ id: added.value.itemId });
      expect(paper.ok && paper.value.pdf).toEqual({
        hash,
        fileName: 'heparin.pdf',
        pageCount: 2,
      });
    } finally {
      await composed.close();
    }
  });

  it('lists a subscribed feed as a feed', async () => {
    const composed = await composeBackend({
      dataDir,
      runtime: 'host',
      version: '0.0.0-test',
      privateFeeds: 'when-typed',
    });
    try {
      const added = await composed.backend.feeds.add({ url: feedUrl });
      expect(added.ok && added.value.kind).toBe('feed');
    } finally {
      await composed.close();
    }
  });
});
