import type { ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import type { FeedFailureCode } from '@shared/contract';
import type { RouteHandler } from './LoopbackServerThread';

// The hostile feeds of issue 3, point 8, and three healthy ones. This module is loaded twice: by
// the test, for the paths and the codes each feed must end with, and by the server's thread,
// which builds every payload once, when it starts, and serves it as often as it is asked for.

/** Each feed's path and the error code its refresh must end with (null: it is read). */
export const HOSTILE_FEEDS = {
  '/healthy-rss': null,
  '/healthy-gzip': null,
  '/healthy-atom': null,
  '/malformed': 'malformed-feed',
  '/truncated': 'malformed-feed',
  '/external-entity': 'unsafe-xml',
  '/parameter-entity': 'unsafe-xml',
  '/billion-laughs': 'unsafe-xml',
  '/quadratic-blowup': 'unsafe-xml',
  '/html-page': 'not-a-feed',
  '/empty': 'not-a-feed',
  '/huge-title': null,
  '/nested-50000': 'malformed-feed',
  '/invalid-utf8': null,
  '/endless': 'too-large',
  '/gzip-bomb': 'too-large',
  '/redirect-loop': 'redirect-loop',
  '/not-found': 'http-error',
  '/server-error': 'http-error',
  '/rate-limited': 'rate-limited',
} as const satisfies Record<string, FeedFailureCode | null>;

/** Feeds that only a deadline ends: the test fires the deadline once the server has the request. */
export const DEADLINE_FEEDS = {
  /** Accepts the request and never answers. */
  neverAnswers: '/never-answers',
  /** Sends its headers, then one byte a second for ever. */
  oneBytePerSecond: '/one-byte-per-second',
} as const;

/** Requested only if an external DTD were fetched; it would leak the secret into the feed. */
export const EVIL_DTD_PATH = '/evil.dtd';

/** What the server needs to know to build the hostile payloads. */
export interface HostileFeedOptions {
  /** A file the external-entity feed points at; its content must never reach the library. */
  secretPath: string;
  /** The content of that file and of the evil DTD. */
  secret: string;
}

type HostilePath = keyof typeof HOSTILE_FEEDS;
type DeadlinePath = (typeof DEADLINE_FEEDS)[keyof typeof DEADLINE_FEEDS];

const RSS_HEAD = '<?xml version="1.0" encoding="UTF-8"?>';

function rss(title: string, items: string[]): string {
  const entries = items
    .map(
      (item) =>
        `<item><guid>${item}</guid><title>${item}</title><description>About ${item}</description></item>`,
    )
    .join('');
  return `${RSS_HEAD}<rss version="2.0"><channel><title>${title}</title>${entries}</channel></rss>`;
}

const healthy = (title: string) => rss(title, [`${title}-1`, `${title}-2`]);

function xml(body: string | Buffer, headers: Record<string, string> = {}): RouteHandler {
  return (_req, res) =>
    res.writeHead(200, { 'content-type': 'application/rss+xml', ...headers }).end(body);
}

function status(code: number, headers: Record<string, string> = {}, body?: string): RouteHandler {
  return (_req, res) => res.writeHead(code, headers).end(body);
}

function billionLaughs(): string {
  const levels = Array.from(
    { length: 9 },
    (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`,
  );
  return `${RSS_HEAD}<!DOCTYPE rss [
  <!ENTITY lol "lol">
  ${levels.join('\n  ')}
]><rss version="2.0"><channel><title>&lol9;</title></channel></rss>`;
}

function endless(_req: unknown, res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'application/rss+xml' });
  res.write(`${RSS_HEAD}<rss version="2.0"><channel><title>`);
  const chunk = Buffer.alloc(64 * 1024, 'a');
  // Written as fast as the client reads, never faster: the server's memory stays flat.
  const pump = () => {
    while (!res.destroyed && res.write(chunk));
  };
  res.on('drain', pump);
  pump();
}

function oneBytePerSecond(_req: unknown, res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'application/rss+xml' });
  res.write('<');
  const drip = setInterval(() => res.write('<'), 1_000);
  res.on('close', () => clearInterval(drip));
}

function hostileRoutes(
  { secretPath }: HostileFeedOptions,
  origin: () => string,
): Record<HostilePath, RouteHandler> {
  const hugeTitle = 'T'.repeat(1024 * 1024);
  return {
    '/healthy-rss': xml(healthy('Cardiology')),
    '/healthy-gzip': xml(gzipSync(healthy('Neurology')), { 'content-encoding': 'gzip' }),
    '/healthy-atom': xml(
      `<feed xmlns="http://www.w3.org/2005/Atom"><title>Oncology</title><entry><id>onc-1</id><title>Onc 1</title></entry><entry><id>onc-2</id><title>Onc 2</title></entry></feed>`,
    ),
    '/malformed': xml(`${RSS_HEAD}<rss version="2.0"><channel><title>x</item></rss>`),
    '/truncated': xml(healthy('Truncated').slice(0, 150)),
    '/external-entity': xml(
      `${RSS_HEAD}<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://${secretPath}">]><rss version="2.0"><channel><title>&xxe;</title><item><guid>x</guid><title>&xxe;</title></item></channel></rss>`,
    ),
    // The origin is known only once the server listens, so this body is built on request.
    '/parameter-entity': (req, res) =>
      xml(
        `${RSS_HEAD}<!DOCTYPE rss [<!ENTITY % remote SYSTEM "${origin()}${EVIL_DTD_PATH}"> %remote;]><rss version="2.0"><channel><title>P</title></channel></rss>`,
      )(req, res),
    '/billion-laughs': xml(billionLaughs()),
    '/quadratic-blowup': xml(
      `${RSS_HEAD}<!DOCTYPE rss [<!ENTITY a "${'a'.repeat(50_000)}">]><rss version="2.0"><channel><title>${'&a;'.repeat(20_000)}</title></channel></rss>`,
    ),
    '/html-page': (_req, res) =>
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end('<!DOCTYPE html><html><body><h1>Journal</h1></body></html>'),
    '/empty': xml(''),
    '/huge-title': xml(
      `${RSS_HEAD}<rss version="2.0"><channel><title>${hugeTitle}</title><item><guid>h</guid><title>${hugeTitle}</title></item></channel></rss>`,
    ),
    '/nested-50000': xml(
      `${RSS_HEAD}<rss version="2.0"><channel><title>Deep</title><item><guid>deep</guid><description>${'<x>'.repeat(50_000)}${'</x>'.repeat(50_000)}</description></item></channel></rss>`,
    ),
    '/invalid-utf8': xml(
      Buffer.concat([
        Buffer.from(`${RSS_HEAD}<rss version="2.0"><channel><title>Caf`),
        Buffer.from([0xc3, 0x28, 0xff]),
        Buffer.from('</title><item><guid>u</guid><title>ok</title></item></channel></rss>'),
      ]),
    ),
    '/endless': endless,
    // 64 MB of spaces once decompressed, about 64 KB on the wire; compressed once, here.
    '/gzip-bomb': xml(gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20)), {
      'content-encoding': 'gzip',
    }),
    '/redirect-loop': status(302, { location: '/redirect-loop-back' }),
    '/not-found': status(404, {}, 'missing'),
    '/server-error': status(500, {}, 'boom'),
    '/rate-limited': status(429, { 'retry-after': '120' }),
  };
}

/** Every route the hostile-feed server answers; see {@link LoopbackRoutesModule}. */
export function createRoutes(options: unknown, origin: () => string): Record<string, RouteHandler> {
  const hostile = options as HostileFeedOptions;
  const deadlineRoutes: Record<DeadlinePath, RouteHandler> = {
    '/never-answers': () => undefined,
    '/one-byte-per-second': oneBytePerSecond,
  };
  return {
    ...hostileRoutes(hostile, origin),
    ...deadlineRoutes,
    '/redirect-loop-back': status(301, { location: '/redirect-loop' }),
    [EVIL_DTD_PATH]: status(200, {}, `<!ENTITY leak "${hostile.secret}">`),
  };
}
