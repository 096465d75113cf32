import type { ParsedFeed, ParsedItem, ParseFailureCode } from '../../services/feeds/ports';
import { fieldsOf } from '../workers/workerJobProtocol';

/** One feed to read, sent to the parsing worker (its bytes moved, not copied). */
export interface ParseRequest {
  kind: 'parse';
  body: Uint8Array<ArrayBuffer>;
  contentType: string | null;
  url: string;
}

/**
 * The backend asks for the next batch of items only once it has taken in the last one: a worker
 * sending everything at once would have the backend's thread read all of it in one go.
 */
export interface MoreItemsRequest {
  kind: 'more';
}

/** What the backend sends the parsing worker; WorkerJobRunner adds the job's id. */
export type FeedParserRequest = ParseRequest | MoreItemsRequest;

/**
 * The worker's answers to one feed: `parsed` with the feed and the first batch of items (then one
 * `items` message per {@link MoreItemsRequest} until `last` is true), or `failed`. (The runner's
 * envelope adds `ready` and `crashed`.)
 */
export type ParseAnswer =
  | {
      kind: 'parsed';
      feed: Omit<ParsedFeed, 'items'>;
      items: ParsedItem[];
      last: boolean;
    }
  | { kind: 'items'; items: ParsedItem[]; last: boolean }
  | {
      kind: 'failed';
      code: ParseFailureCode;
      message: string;
      /** For a web page: the feeds it links to, for `feeds.add` to follow. */
      discoveredFeeds?: string[];
    };

/**
 * Items per message: small enough that taking one message in costs the backend's thread about a
 * millisecond, large enough that a normal feed needs one or two.
 */
export const ITEMS_PER_MESSAGE = 200;

/** Whether a message from the parsing worker has the fields the backend reads of its kind. */
export function isParseAnswer(message: object): message is ParseAnswer {
  const answer = message as Partial<Record<string, unknown>>;
  const isBatch = Array.isArray(answer.items) && typeof answer.last === 'boolean';
  switch (answer.kind) {
    case 'parsed':
      return isBatch && fieldsOf(answer.feed) !== null;
    case 'items':
      return isBatch;
    case 'failed':
      return (
        typeof answer.code === 'string' &&
        typeof answer.message === 'string' &&
        (answer.discoveredFeeds === undefined || Array.isArray(answer.discoveredFeeds))
      );
    default:
      return false;
  }
}
