import type { FeedFailureCode } from '@shared/contract';

/** Validators from the last fetch, echoed exactly in the next request. */
export interface ConditionalValidators {
  etag: string | null;
  lastModified: string | null;
}

/** What one HTTP fetch of a feed produced. */
export type FetchOutcome =
  | { kind: 'not-modified' }
  | {
      kind: 'fetched';
      /** URL after redirects. */
      finalUrl: string;
      body: Uint8Array;
      contentType: string | null;
      etag: string | null;
      lastModified: string | null;
    }
  | { kind: 'failed'; code: FeedFailureCode; message: string };

/** Fetches feed bytes over HTTP(S). The only network code the feeds service reaches. */
export interface FeedFetcher {
  fetch(
    url: string,
    validators: ConditionalValidators,
    signal?: AbortSignal,
  ): Promise<FetchOutcome>;
}

/** One entry of a parsed feed, content already sanitised. */
export interface ParsedItem {
  /** The feed's own identifier (guid, id, or link when there is none). */
  guid: string;
  /** Never empty: falls back to the first line of the text. */
  title: string;
  link: string | null;
  author: string | null;
  /** ISO 8601 UTC, or null. */
  publishedAt: string | null;
  excerpt: string;
  contentHtml: string;
}

/** A parsed feed. */
export interface ParsedFeed {
  title: string;
  siteUrl: string | null;
  items: ParsedItem[];
}

/** Turns fetched bytes into a feed, or says why it is not one. */
export interface FeedParser {
  parse(
    body: Uint8Array,
    contentType: string | null,
    url: string,
  ): Promise<{ ok: true; feed: ParsedFeed } | { ok: false; code: 'not-a-feed'; message: string }>;
}

/** The time source, injectable so tests can fix it. */
export interface Clock {
  now(): Date;
}
