import type { ParsedFeed, ParsedItem, ParseFailureCode } from '../../services/feeds/ports';

/** One feed to read, sent to the parsing worker. */
export interface ParseRequest {
  id: number;
  body: Uint8Array<ArrayBuffer>;
  contentType: string | null;
  url: string;
}

/**
 * The backend asks for the next batch of items only once it has taken in the last one: a worker
 * sending everything at once would have the backend's thread read all of it in one go.
 */
export interface MoreItemsRequest {
  id: number;
  kind: 'more';
}

/**
 * Sent once by a worker when it has loaded, then its answers to each request: `parsed` with the feed and the first batch of items (then
 * one `items` message per {@link MoreItemsRequest} until `last` is true), or `failed`, or `crashed`.
 */
export type ParseReply =
  | { kind: 'ready' }
  | {
      id: number;
      kind: 'parsed';
      feed: Omit<ParsedFeed, 'items'>;
      items: ParsedItem[];
      last: boolean;
    }
  | { id: number; kind: 'items'; items: ParsedItem[]; last: boolean }
  | {
      id: number;
      kind: 'failed';
      code: ParseFailureCode;
      message: string;
      /** For a web page: the feeds it links to, for `feeds.add` to follow. */
      discoveredFeeds?: string[];
    }
  | { id: number; kind: 'crashed'; message: string };

/**
 * Items per message: small enough that taking one message in costs the backend's thread about a
 * millisecond, large enough that a normal feed needs one or two.
 */
export const ITEMS_PER_MESSAGE = 200;
