import type { FeedFailureCode } from '@shared/contract';
import type { PaperIds } from '@shared/domain/feeds/paperIdentity';
import type { ItemMedia } from '@shared/domain/library/libraryDocuments';

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
      /** Where the final answer came from; a feed link found in the body inherits it. */
      network: AddressNetwork;
      body: Uint8Array;
      contentType: string | null;
      etag: string | null;
      lastModified: string | null;
    }
  | {
      kind: 'failed';
      code: FeedFailureCode;
      message: string;
      /** With 'rate-limited': how long the server asked to wait, in seconds (capped at a day). */
      retryAfterSeconds?: number;
    };

/**
 * Whether an address belongs to the internet or to the user's own computer or network (loopback,
 * private ranges): a server on the internet may not lead Rounds into the latter.
 */
export type AddressNetwork = 'public' | 'private';

/** The page an address was found on, when a page named it rather than the user. */
export interface FeedLinkSource {
  url: string;
  /** Where that page was served from. */
  network: AddressNetwork;
}

/** Fetches feed bytes over HTTP(S). The only network code the feeds service reaches. */
export interface FeedFetcher {
  /**
   * `linkedFrom` says which page named `url`; without it the address is the user's own (typed,
   * imported or subscribed to), which may lead into their private network.
   */
  fetch(
    url: string,
    validators: ConditionalValidators,
    signal?: AbortSignal,
    linkedFrom?: FeedLinkSource,
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
  /** Every author named, in order; `author` is the line the list shows. */
  authors: string[];
  /** `prism:publicationName`, or null. */
  journal: string | null;
  /** The paper this item is (from its metadata and own address); all null for a post. */
  paperIds: PaperIds;
  /** The DOI of the paper's other version when the publisher names it. */
  relatedDoi: string | null;
  /** For an item that is not a paper: the paper and article-page keys it cites. */
  citations: string[];
  /** `media:content` and `media:thumbnail`, as data only. */
  media: ItemMedia[];
}

/** A parsed feed. */
export interface ParsedFeed {
  title: string;
  siteUrl: string | null;
  items: ParsedItem[];
}

/**
 * Why fetched bytes could not be read as a feed: not a feed at all, broken beyond repair, asking
 * for entity expansion, or needing more time or memory than parsing is allowed.
 */
export type ParseFailureCode = Extract<
  FeedFailureCode,
  'not-a-feed' | 'malformed-feed' | 'unsafe-xml' | 'too-large' | 'timeout'
>;

/** Turns fetched bytes into a feed, or says why it is not one. */
export interface FeedParser {
  parse(
    body: Uint8Array,
    contentType: string | null,
    url: string,
  ): Promise<
    | { ok: true; feed: ParsedFeed }
    | {
        ok: false;
        code: ParseFailureCode;
        message: string;
        /** When the bytes are a web page: the feeds it links to, the likeliest first. */
        discoveredFeeds?: string[];
      }
  >;
}

/** The time source, injectable so tests can fix it. */
export interface Clock {
  now(): Date;
}
