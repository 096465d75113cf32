import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { FetchOutcome } from '../../services/feeds/ports';
import { HttpFeedFetcher } from './HttpFeedFetcher';
import { LoopbackTestNetwork, ROUTED_PUBLIC_ADDRESS } from './testing/LoopbackTestNetwork';
import { closeServersAfterEach } from './testing/closeServersAfterEach';

// Every socket these tests open goes to 127.0.0.1 or ::1. Refusals of link-local, metadata and
// other non-loopback addresses are proved without connecting: names resolve from a table, and
// the test network dials only loopback, so a policy that let one through would fail the test
// with "no route" instead of reaching the address.

const RSS =
  '<?xml version="1.0"?><rss version="2.0"><channel><title>Cardiology</title></channel></rss>';
const NO_VALIDATORS = { etag: null, lastModified: null };

interface LoopbackServer {
  port: number;
  url: string;
  requests: string[];
  connections: number;
}

const servers = closeServersAfterEach();

async function serve(
  handler: (req: IncomingMessage, res: ServerResponse, port: number) => void = feed,
  host = '127.0.0.1',
): Promise<LoopbackServer> {
  const server = createServer();
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  const state: LoopbackServer = {
    port,
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    requests: [],
    connections: 0,
  };
  server.on('connection', () => state.connections++);
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    state.requests.push(req.url ?? '');
    handler(req, res, port);
  });
  return state;
}

function feed(_req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'application/rss+xml' });
  res.end(RSS);
}

function redirectTo(locations: Record<string, string>, headers: Record<string, string> = {}) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const location = locations[req.url ?? ''];
    if (location === undefined) return feed(req, res);
    res.writeHead(302, { location, ...headers });
    res.end();
  };
}

function expectBlocked(outcome: FetchOutcome): string {
  if (outcome.kind !== 'failed') throw new Error(`expected a refusal, got ${outcome.kind}`);
  expect(outcome).toEqual({ kind: 'failed', code: 'blocked-address', message: outcome.message });
  return outcome.message;
}

function expectFetched(outcome: FetchOutcome): Extract<FetchOutcome, { kind: 'fetched' }> {
  if (outcome.kind !== 'fetched')
    throw new Error(`expected a feed, got ${JSON.stringify(outcome)}`);
  return outcome;
}

async function canListenOnIpv6Loopback(): Promise<boolean> {
  const probe = createServer();
  try {
    await new Promise<void>((resolve, reject) => {
      probe.once('error', reject);
      probe.listen(0, '::1', resolve);
    });
    return true;
  } catch {
    return false;
  } finally {
    probe.close();
  }
}
const hasIpv6Loopback = await canListenOnIpv6Loopback();

describe('HttpFeedFetcher: typed loopback addresses keep working', () => {
  it('fetches a typed loopback feed by default; WHATWG URL turns legacy spellings into 127.0.0.1', async () => {
    const server = await serve();
    const fetcher = new HttpFeedFetcher({ userAgent: 'Rounds/test' });

    for (const host of ['127.0.0.1', '2130706433', '127.1', '0x7f.1', '017700000001']) {
      const outcome = expectFetched(
        await fetcher.fetch(`http://${host}:${server.port}/feed`, NO_VALIDATORS),
      );
      expect(outcome.finalUrl).toBe(`http://127.0.0.1:${server.port}/feed`);
      expect(outcome.network).toBe('private');
    }
  });

  it.runIf(hasIpv6Loopback)('fetches a typed IPv6 loopback feed ([::1])', async () => {
    const server = await serve(feed, '::1');
    const fetcher = new HttpFeedFetcher({ userAgent: 'Rounds/test' });

    const outcome = expectFetched(await fetcher.fetch(`${server.url}/feed`, NO_VALIDATORS));
    expect(outcome.network).toBe('private');
  });

  it('follows a redirect from one private address the user typed to another', async () => {
    const target = await serve();
    const start = await serve(redirectTo({ '/start': `${target.url}/feed` }));
    const fetcher = new HttpFeedFetcher({ userAgent: 'Rounds/test' });

    const outcome = expectFetched(await fetcher.fetch(`${start.url}/start`, NO_VALIDATORS));
    expect(outcome.finalUrl).toBe(`${target.url}/feed`);
    expect(target.requests).toEqual(['/feed']);
  });
});

describe('HttpFeedFetcher: addresses it never reaches', () => {
  it('refuses link-local and metadata addresses in every spelling and setting, without dialling', async () => {
    const network = new LoopbackTestNetwork({ 'metadata.google.internal': ['169.254.169.254'] });
    const urls = [
      'http://169.254.169.254/latest/meta-data/',
      'http://0251.0376.0251.0376/latest/meta-data/',
      'http://[fe80::1]/feed',
      'http://[::ffff:169.254.169.254]/feed',
      'http://[64:ff9b::a9fe:a9fe]/feed',
      'http://metadata.google.internal/computeMetadata/v1/',
    ];

    for (const setting of ['when-typed', 'allowed', 'refused'] as const) {
      for (const url of urls) {
        expect(expectBlocked(await network.fetcher(setting).fetch(url, NO_VALIDATORS))).toMatch(
          /^Rounds does not fetch feeds from .+: it is a link-local address used by cloud metadata services\.$/,
        );
      }
    }
    expect(
      expectBlocked(
        await network.fetcher().fetch('http://169.254.169.254/latest/meta-data/', NO_VALIDATORS),
      ),
    ).toBe(
      'Rounds does not fetch feeds from 169.254.169.254: it is a link-local address used by cloud metadata services.',
    );
    expect(network.dialled).toEqual([]);
    expect(new Set(network.asked)).toEqual(new Set(['metadata.google.internal']));
  });

  it('refuses unspecified addresses (0.0.0.0, 0, [::]), which Linux would connect to this computer', async () => {
    const server = await serve();
    const fetcher = new HttpFeedFetcher({ userAgent: 'Rounds/test', privateFeeds: 'allowed' });

    for (const host of ['0.0.0.0', '0', '[::]', '[::ffff:0.0.0.0]']) {
      const message = expectBlocked(
        await fetcher.fetch(`http://${host}:${server.port}/feed`, NO_VALIDATORS),
      );
      expect(message).toMatch(/it is an unspecified address, not the address of a server\.$/);
    }
    expect(server.connections).toBe(0);
  });

  it('refuses loopback in every spelling when private feeds are refused, before any connection', async () => {
    const server = await serve();
    const fetcher = new HttpFeedFetcher({ userAgent: 'Rounds/test', privateFeeds: 'refused' });

    for (const host of ['2130706433', '127.1', '0x7f.1', '[::ffff:127.0.0.1]', '[::1]']) {
      expectBlocked(await fetcher.fetch(`http://${host}:${server.port}/feed`, NO_VALIDATORS));
    }
    expect(
      expectBlocked(await fetcher.fetch(`http://2130706433:${server.port}/`, NO_VALIDATORS)),
    ).toBe(
      'Rounds does not fetch feeds from 127.0.0.1, an address of this computer (loopback): this Rounds server only fetches feeds from public addresses. Whoever runs it can allow private ones with --allow-private-feeds.',
    );
    expect(server.connections).toBe(0);
  });

  it('refuses a name on a private network when private feeds are refused, without dialling', async () => {
    const network = new LoopbackTestNetwork({ 'intranet.example': ['10.1.2.3'] });

    expect(
      expectBlocked(
        await network.fetcher('refused').fetch('http://intranet.example/feed', NO_VALIDATORS),
      ),
    ).toMatch(/^Rounds does not fetch feeds from intranet\.example \(10\.1\.2\.3\), an address/);
    expect(network.dialled).toEqual([]);
  });
});

describe('HttpFeedFetcher: a public server cannot lead it into the private network', () => {
  it('refuses a redirect from a public address to loopback, and never requests or reports it', async () => {
    const server = await serve((req, res, port) =>
      redirectTo({ '/feed': `http://127.0.0.1:${port}/internal` })(req, res),
    );
    const network = new LoopbackTestNetwork({ 'public.example': [ROUTED_PUBLIC_ADDRESS] });

    const outcome = await network
      .fetcher()
      .fetch(`http://public.example:${server.port}/feed`, NO_VALIDATORS);

    expect(expectBlocked(outcome)).toBe(
      `http://public.example:${server.port}/feed redirected to 127.0.0.1, an address of this computer (loopback): Rounds does not let a server on the internet send it into your own computer or network. If you trust that address, subscribe to it directly.`,
    );
    expect(server.requests).toEqual(['/feed']);
    expect(network.dialled).toEqual([ROUTED_PUBLIC_ADDRESS]);
  });

  it('refuses a typed private address that redirects out to the internet and back in', async () => {
    const server = await serve((req, res, port) =>
      redirectTo({
        '/start': `http://public.example:${port}/bounce`,
        '/bounce': `http://127.0.0.1:${port}/internal`,
      })(req, res),
    );
    const network = new LoopbackTestNetwork({ 'public.example': [ROUTED_PUBLIC_ADDRESS] });

    expectBlocked(await network.fetcher().fetch(`${server.url}/start`, NO_VALIDATORS));
    expect(server.requests).toEqual(['/start', '/bounce']);
  });

  it('checks every new connection, so a name that re-resolves to loopback is refused (DNS rebinding)', async () => {
    const server = await serve(redirectTo({ '/start': '/next' }, { connection: 'close' }));
    const answers = [[ROUTED_PUBLIC_ADDRESS], ['127.0.0.1']];
    const network = new LoopbackTestNetwork({
      'rebind.example': () => answers.shift() ?? ['127.0.0.1'],
    });

    const message = expectBlocked(
      await network.fetcher().fetch(`http://rebind.example:${server.port}/start`, NO_VALIDATORS),
    );

    expect(message).toMatch(/redirected to rebind\.example \(127\.0\.0\.1\), an address of this/);
    expect(server.requests).toEqual(['/start']);
    expect(network.asked).toEqual(['rebind.example', 'rebind.example']);
    expect(network.dialled).toEqual([ROUTED_PUBLIC_ADDRESS]);
  });

  it('refuses a public page’s feed link into the private network, and follows a private page’s', async () => {
    const server = await serve();
    const fetcher = new HttpFeedFetcher({ userAgent: 'Rounds/test' });

    const fromPublic = await fetcher.fetch(`${server.url}/feed`, NO_VALIDATORS, undefined, {
      url: 'https://journal.example/issue',
      network: 'public',
    });
    expect(expectBlocked(fromPublic)).toMatch(
      /^The page https:\/\/journal\.example\/issue links to a feed at 127\.0\.0\.1, an address of this computer \(loopback\)/,
    );
    expect(server.connections).toBe(0);

    const fromPrivate = await fetcher.fetch(`${server.url}/feed`, NO_VALIDATORS, undefined, {
      url: 'http://127.0.0.1/page',
      network: 'private',
    });
    expect(expectFetched(fromPrivate).network).toBe('private');
  });

  it('follows a public server into the private network when private feeds are allowed', async () => {
    const server = await serve((req, res, port) =>
      redirectTo({ '/feed': `http://127.0.0.1:${port}/internal` })(req, res),
    );
    const network = new LoopbackTestNetwork({ 'public.example': [ROUTED_PUBLIC_ADDRESS] });

    const direct = await network
      .fetcher('allowed')
      .fetch(`http://public.example:${server.port}/other`, NO_VALIDATORS);
    expect(expectFetched(direct).network).toBe('public');

    const redirected = await network
      .fetcher('allowed')
      .fetch(`http://public.example:${server.port}/feed`, NO_VALIDATORS);
    expect(expectFetched(redirected)).toMatchObject({
      finalUrl: `http://127.0.0.1:${server.port}/internal`,
      network: 'private',
    });
  });
});
