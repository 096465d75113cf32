/**
 * Serves generated feeds from 127.0.0.1 as a journal's server would: `GET /feeds/<index>.xml`
 * answers the RSS document with an ETag and Last-Modified, and a conditional request for an
 * unchanged feed gets 304. Documents are built when asked for, so serving 100 feeds of 1,000
 * items never holds them all in memory.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type LibrarySpec,
  rssDocument,
  type SyntheticFeed,
  type SyntheticPaper,
  syntheticPapers,
} from './syntheticLibrary';

/** A running feed server. */
export interface SyntheticFeedServer {
  port: number;
  /** The address a user would type to subscribe to this feed. */
  urlOf(feed: SyntheticFeed): string;
  close(): Promise<void>;
}

const LAST_MODIFIED = new Date(Date.UTC(2026, 5, 30, 9, 0, 0)).toUTCString();
const FEED_PATH = /^\/feeds\/(\d+)\.xml$/;

/**
 * Starts serving `feeds` (generated from `spec`) on loopback, on `port` when given (a library
 * already on disk names the port it was subscribed from) or on a free one. `onBuild` sees the
 * papers of each document built, so a caller need not generate them a second time.
 */
export async function serveSyntheticFeeds(
  spec: LibrarySpec,
  feeds: readonly SyntheticFeed[],
  port = 0,
  onBuild: (feed: SyntheticFeed, papers: readonly SyntheticPaper[]) => void = () => undefined,
): Promise<SyntheticFeedServer> {
  const byIndex = new Map(feeds.map((feed) => [feed.index, feed]));
  const etagOf = (feed: SyntheticFeed) =>
    `"${spec.seed}-${spec.items}-${spec.feeds}-${feed.index}-${feed.itemCount}"`;
  let lastBuilt: { feed: SyntheticFeed; body: string } | null = null;
  const server: Server = createServer((request, response) => {
    const feed = byIndex.get(Number(FEED_PATH.exec(request.url ?? '')?.[1] ?? -1));
    if (request.method !== 'GET' || feed === undefined) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('No such feed');
      return;
    }
    const etag = etagOf(feed);
    const validators = { etag, 'last-modified': LAST_MODIFIED };
    if (request.headers['if-none-match'] === etag) {
      response.writeHead(304, validators).end();
      return;
    }
    // The last document is kept: a benchmark fetches a feed once before timing a subscription,
    // so the timing covers the app's work and not the building of the document.
    if (lastBuilt?.feed !== feed) {
      const papers = syntheticPapers(spec, feed);
      onBuild(feed, papers);
      lastBuilt = { feed, body: rssDocument(feed, papers) };
    }
    const { body } = lastBuilt;
    response
      .writeHead(200, { ...validators, 'content-type': 'application/rss+xml; charset=utf-8' })
      .end(body);
  });
  await new Promise<void>((listening, failed) => {
    server.once('error', failed);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', failed);
      listening();
    });
  });
  const { port: boundPort } = server.address() as AddressInfo;
  return {
    port: boundPort,
    urlOf: (feed) => `http://127.0.0.1:${boundPort}/feeds/${feed.index}.xml`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((closed) => server.close(() => closed()));
    },
  };
}
