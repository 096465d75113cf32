import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FeedFailureCode } from '@shared/contract';
import { newFeedRecord } from '@shared/domain/library/newFeedRecord';
import { HttpFeedFetcher } from '../../adapters/feeds/HttpFeedFetcher';
import { WorkerFeedParser } from '../../adapters/feeds/WorkerFeedParser';
import { LowdbLibraryStore } from '../../adapters/storage/LowdbLibraryStore';
import { FeedMainService } from './FeedMainService';

// Issue 3, point 8: every hostile feed below and three healthy ones, refreshed together through
// the real fetcher, worker parser, service and store. Each hostile one must end in its own error
// code, the healthy ones must be updated, nothing secret may leak and memory must stay bounded.

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

const SECRET = `ROUNDS-SECRET-${randomUUID()}`;
const RSS_HEAD = '<?xml version="1.0" encoding="UTF-8"?>';

function rss(title: string, items: string[], head = RSS_HEAD): string {
  const entries = items
    .map(
      (item) =>
        `<item><guid>${item}</guid><title>${item}</title><description>About ${item}</description></item>`,
    )
    .join('');
  return `${head}<rss version="2.0"><channel><title>${title}</title>${entries}</channel></rss>`;
}

function xml(res: ServerResponse, body: string | Buffer, headers: Record<string, string> = {}) {
  res.writeHead(200, { 'content-type': 'application/rss+xml', ...headers }).end(body);
}

/** The route, how it is served, and the error code the feed must end with (null: healthy). */
function hostileRoutes(secretPath: string, serverUrl: () => string) {
  const billionLaughs = `${RSS_HEAD}<!DOCTYPE rss [
  <!ENTITY lol "lol">
  ${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`).join('\n  ')}
]><rss version="2.0"><channel><title>&lol9;</title></channel></rss>`;
  const quadratic = `${RSS_HEAD}<!DOCTYPE rss [<!ENTITY a "${'a'.repeat(50_000)}">]><rss version="2.0"><channel><title>${'&a;'.repeat(20_000)}</title></channel></rss>`;
  const nested = `${RSS_HEAD}<rss version="2.0"><channel><title>Deep</title><item><guid>deep</guid><description>${'<x>'.repeat(50_000)}${'</x>'.repeat(50_000)}</description></item></channel></rss>`;
  const hugeTitle = 'T'.repeat(1024 * 1024);
  const healthy = (title: string) => rss(title, [`${title}-1`, `${title}-2`]);

  const routes: Record<string, { serve: Handler; expected: FeedFailureCode | null }> = {
    '/healthy-rss': { serve: (_q, r) => xml(r, healthy('Cardiology')), expected: null },
    '/healthy-gzip': {
      serve: (_q, r) => xml(r, gzipSync(healthy('Neurology')), { 'content-encoding': 'gzip' }),
      expected: null,
    },
    '/healthy-atom': {
      serve: (_q, r) =>
        xml(
          r,
          `<feed xmlns="http://www.w3.org/2005/Atom"><title>Oncology</title><entry><id>onc-1</id><title>Onc 1</title></entry><entry><id>onc-2</id><title>Onc 2</title></entry></feed>`,
        ),
      expected: null,
    },
    '/malformed': {
      serve: (_q, r) => xml(r, `${RSS_HEAD}<rss version="2.0"><channel><title>x</item></rss>`),
      expected: 'malformed-feed',
    },
    '/truncated': {
      serve: (_q, r) => xml(r, healthy('Truncated').slice(0, 150)),
      expected: 'malformed-feed',
    },
    '/external-entity': {
      serve: (_q, r) =>
        xml(
          r,
          `${RSS_HEAD}<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://${secretPath}">]><rss version="2.0"><channel><title>&xxe;</title><item><guid>x</guid><title>&xxe;</title></item></channel></rss>`,
        ),
      expected: 'unsafe-xml',
    },
    '/parameter-entity': {
      serve: (_q, r) =>
        xml(
          r,
          `${RSS_HEAD}<!DOCTYPE rss [<!ENTITY % remote SYSTEM "${serverUrl()}/evil.dtd"> %remote;]><rss version="2.0"><channel><title>P</title></channel></rss>`,
        ),
      expected: 'unsafe-xml',
    },
    '/billion-laughs': { serve: (_q, r) => xml(r, billionLaughs), expected: 'unsafe-xml' },
    '/quadratic-blowup': { serve: (_q, r) => xml(r, quadratic), expected: 'unsafe-xml' },
    '/html-page': {
      serve: (_q, r) =>
        r
          .writeHead(200, { 'content-type': 'text/html' })
          .end('<!DOCTYPE html><html><body><h1>Journal</h1></body></html>'),
      expected: 'not-a-feed',
    },
    '/empty': { serve: (_q, r) => xml(r, ''), expected: 'not-a-feed' },
    '/huge-title': {
      serve: (_q, r) =>
        xml(
          r,
          `${RSS_HEAD}<rss version="2.0"><channel><title>${hugeTitle}</title><item><guid>h</guid><title>${hugeTitle}</title></item></channel></rss>`,
        ),
      expected: null,
    },
    '/nested-50000': { serve: (_q, r) => xml(r, nested), expected: 'malformed-feed' },
    '/invalid-utf8': {
      serve: (_q, r) =>
        xml(
          r,
          Buffer.concat([
            Buffer.from(`${RSS_HEAD}<rss version="2.0"><channel><title>Caf`),
            Buffer.from([0xc3, 0x28, 0xff]),
            Buffer.from('</title><item><guid>u</guid><title>ok</title></item></channel></rss>'),
          ]),
        ),
      expected: null,
    },
    '/one-byte-per-second': {
      serve: (_q, r) => {
        r.writeHead(200, { 'content-type': 'application/rss+xml' });
        const drip = setInterval(() => r.write('<'), 1_000);
        r.on('close', () => clearInterval(drip));
      },
      expected: 'timeout',
    },
    '/endless': {
      serve: (_q, r) => {
        r.writeHead(200, { 'content-type': 'application/rss+xml' });
        r.write(`${RSS_HEAD}<rss version="2.0"><channel><title>`);
        const chunk = Buffer.alloc(64 * 1024, 'a');
        const pump = () => {
          while (!r.destroyed && r.write(chunk));
        };
        r.on('drain', pump);
        pump();
      },
      expected: 'too-large',
    },
    '/gzip-bomb': {
      serve: (_q, r) =>
        xml(r, gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20)), { 'content-encoding': 'gzip' }),
      expected: 'too-large',
    },
    '/redirect-loop': {
      serve: (_q, r) => r.writeHead(302, { location: '/redirect-loop-back' }).end(),
      expected: 'redirect-loop',
    },
    '/not-found': { serve: (_q, r) => r.writeHead(404).end('missing'), expected: 'http-error' },
    '/server-error': { serve: (_q, r) => r.writeHead(500).end('boom'), expected: 'http-error' },
    '/rate-limited': {
      serve: (_q, r) => r.writeHead(429, { 'retry-after': '120' }).end(),
      expected: 'rate-limited',
    },
  };
  const extra: Record<string, Handler> = {
    '/redirect-loop-back': (_q, r) => r.writeHead(301, { location: '/redirect-loop' }).end(),
    '/evil.dtd': (_q, r) => r.writeHead(200).end(`<!ENTITY leak "${SECRET}">`),
  };
  return { routes, extra };
}

let workDir: string;
let dataDir: string;
let server: Server;
const requested: string[] = [];

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'rounds-hostile-'));
  dataDir = join(workDir, 'library');
  server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await rm(workDir, { recursive: true, force: true });
});

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

it('refreshes every hostile feed into its own error while the healthy ones are updated', async () => {
  const secretPath = join(workDir, 'secret.txt');
  await writeFile(secretPath, SECRET);
  const serverUrl = () => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { routes, extra } = hostileRoutes(secretPath, serverUrl);
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const path = req.url ?? '';
    requested.push(path);
    const handler = routes[path]?.serve ?? extra[path];
    if (handler) handler(req, res);
    else res.writeHead(404).end();
  });

  const store = await LowdbLibraryStore.open(dataDir);
  const parser = new WorkerFeedParser({ timeoutMs: 10_000 });
  const service = new FeedMainService({
    store,
    fetcher: new HttpFeedFetcher({
      userAgent: 'Rounds/test',
      timeoutMs: 2_500,
      connectTimeoutMs: 2_000,
      maxBodyBytes: 4 * 1024 * 1024,
    }),
    parser,
    clock: { now: () => new Date() },
    // Every feed is on 127.0.0.1; let the slow ones run side by side with the rest.
    concurrency: { overall: 8, perHost: 8 },
  });
  const now = new Date().toISOString();
  for (const path of Object.keys(routes)) {
    await store.saveFeed(
      newFeedRecord({ id: path.slice(1), url: `${serverUrl()}${path}`, title: path, addedAt: now }),
    );
  }

  let peakRss = process.memoryUsage().rss;
  const rssBefore = peakRss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 20);
  const started = Date.now();
  try {
    const result = await service.refresh({});
    expect(result.ok && result.value).toHaveLength(Object.keys(routes).length);
  } finally {
    clearInterval(sampler);
    service.dispose();
    await parser.close();
    await store.close();
  }
  const elapsedMs = Date.now() - started;

  const reopened = await LowdbLibraryStore.open(dataDir);
  try {
    const codes = Object.fromEntries(
      Object.keys(routes).map((path) => [
        path,
        reopened.getFeed(path.slice(1))?.lastError?.code ?? null,
      ]),
    );
    expect(codes).toEqual(
      Object.fromEntries(Object.entries(routes).map(([path, route]) => [path, route.expected])),
    );

    const titlesOf = (id: string) =>
      reopened
        .queryItems({ feedId: id, filter: 'all', offset: 0, limit: 10 })
        .rows.map((row) => row.title)
        .sort();
    expect(titlesOf('healthy-rss')).toEqual(['Cardiology-1', 'Cardiology-2']);
    expect(titlesOf('healthy-gzip')).toEqual(['Neurology-1', 'Neurology-2']);
    expect(titlesOf('healthy-atom')).toEqual(['Onc 1', 'Onc 2']);
    expect(reopened.getFeed('healthy-rss')?.title).toBe('Cardiology');

    // A megabyte of title is kept, cut short; the feed itself works.
    const [hugeTitle] = titlesOf('huge-title');
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
  expect(requested).not.toContain('/evil.dtd');
  for (const file of await filesUnder(dataDir)) {
    expect(await readFile(file, 'utf8'), file).not.toContain(SECRET);
  }
  expect(peakRss - rssBefore).toBeLessThan(300 * 1024 * 1024);
  expect(elapsedMs).toBeLessThan(20_000);
}, 30_000);
