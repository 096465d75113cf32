import { z } from 'zod';
import { event, method, service } from './define';

/** Why a feed could not be added or refreshed. */
export const FEED_FAILURE_CODES = [
  'invalid-url',
  'unreachable',
  'timeout',
  'http-error',
  /** 429, or 503 with Retry-After: the server asked Rounds to come back later. */
  'rate-limited',
  /** A redirect pointed back to an address already visited, or there were too many. */
  'redirect-loop',
  'too-large',
  'not-a-feed',
  /** It is a feed, but its XML is broken beyond repair. */
  'malformed-feed',
  /** The feed asked for entity expansion or external entities, which Rounds refuses. */
  'unsafe-xml',
  /**
   * The address is one Rounds does not fetch from: link-local (cloud metadata), unspecified or
   * multicast always; a private network's when a public server led there or the host refuses them.
   */
  'blocked-address',
  'duplicate',
  'not-found',
  /** Something unexpected went wrong inside Rounds (logged with the feed and the stage). */
  'internal',
] as const;

/** A feed failure code. */
export type FeedFailureCode = (typeof FEED_FAILURE_CODES)[number];

/** The last refresh error of a feed, kept until a refresh succeeds. */
export interface FeedError {
  code: FeedFailureCode;
  message: string;
  /** ISO 8601 UTC. */
  at: string;
}

/** A subscription as the sources pane shows it. */
export interface FeedSummary {
  id: string;
  /**
   * `feed`: a subscription Rounds fetches. `local`: a source Rounds keeps itself ("My papers",
   * papers imported from files, DOIs and PDFs), which is never refreshed or unsubscribed.
   */
  kind: 'feed' | 'local';
  /** The URL the user subscribed to (after redirects are followed once at subscription). */
  url: string;
  title: string;
  /** The site the feed describes, when it says so. */
  siteUrl: string | null;
  /** ISO 8601 UTC. */
  addedAt: string;
  /** ISO 8601 UTC of the last successful fetch, or null. */
  lastFetchedAt: string | null;
  lastError: FeedError | null;
  itemCount: number;
  unreadCount: number;
  /** Folder path, outermost first; empty at the top level. */
  folder: string[];
  tags: string[];
  refreshIntervalMinutes: number;
  /** ISO 8601 UTC of the next background fetch, later than usual after failures or Retry-After. */
  nextRefreshAt: string | null;
  /** Failed refreshes in a row (0 when the last one worked). */
  consecutiveFailures: number;
  /**
   * "Save images for offline reading": after each refresh the backend keeps the images of this
   * feed's papers in the library, so they show with the network off. Off unless the user turns
   * it on.
   */
  keepImages: boolean;
}

/** The outcome of refreshing one feed. */
export interface FeedRefreshOutcome {
  feedId: string;
  /** Items new to the library from this refresh. */
  newItems: number;
  /** True when the server said nothing changed (304 or same body). */
  unchanged: boolean;
  error: FeedError | null;
}

/** Progress and results pushed while a refresh runs. */
export interface RefreshEvent {
  /** Feeds finished so far in this refresh run. */
  done: number;
  /** Feeds in this refresh run. */
  total: number;
  /** The feed that just finished. */
  outcome: FeedRefreshOutcome;
}

const feedUrl = z
  .string()
  .trim()
  .min(1, 'Enter a feed address')
  .max(2048, 'That address is too long');
const feedId = z.string().min(1).max(128);

/** Longest folder name, and deepest folder path, a feed may be filed under. */
export const MAX_FOLDER_NAME_LENGTH = 200;
export const MAX_FOLDER_DEPTH = 8;

/** One folder name, as `update`, `renameFolder` and `library.list` take it. */
export const folderNameSchema = z
  .string()
  .trim()
  .min(1, 'Give the folder a name')
  .max(MAX_FOLDER_NAME_LENGTH, `A folder name can be at most ${MAX_FOLDER_NAME_LENGTH} characters`);

/** A folder named by its path, outermost first; the top level is not a folder. */
export const folderPathSchema = z
  .array(folderNameSchema)
  .min(1, 'Name a folder')
  .max(MAX_FOLDER_DEPTH, `Folders go at most ${MAX_FOLDER_DEPTH} deep`);

/** What renaming or deleting a folder changed. */
export interface FolderChange {
  /** The folder's path afterwards; for a deletion, the parent its contents moved to. */
  folder: string[];
  /** Feeds whose folder path changed. */
  moved: number;
}

/**
 * The `feeds` service: subscriptions and fetching. All network access happens in the backend.
 */
export const feedsContract = service('feeds', {
  /**
   * Subscribes to a feed by URL: fetches it, parses it and stores its items. Nothing is stored
   * when the URL is invalid, unreachable or not a feed.
   */
  add: method<FeedSummary>()({
    args: z.tuple([z.object({ url: feedUrl })]),
    errors: [
      'invalid-url',
      'unreachable',
      'timeout',
      'http-error',
      'rate-limited',
      'redirect-loop',
      'too-large',
      'not-a-feed',
      'malformed-feed',
      'unsafe-xml',
      'blocked-address',
      'duplicate',
    ],
  }),
  /** Lists subscriptions with unread and item counts, in title order. */
  list: method<FeedSummary[]>()({ args: z.tuple([]) }),
  /** Unsubscribes and deletes the feed's items and their read/starred state. */
  remove: method<{ id: string }>()({
    args: z.tuple([z.object({ id: feedId })]),
    errors: ['not-found'],
  }),
  /** Refreshes one feed (`id`) or all of them; resolves when done with one outcome per feed. */
  refresh: method<FeedRefreshOutcome[]>()({
    args: z.tuple([z.object({ id: feedId.optional() })]),
    errors: ['not-found'],
  }),
  /** Stops the refresh in progress: feeds not yet started are left for the next one. */
  cancelRefresh: method<{ cancelled: boolean }>()({ args: z.tuple([]) }),
  /**
   * Renames a feed, files it in a folder, tags it, changes how often it is refreshed or whether
   * its images are kept for offline reading (turning that on saves the images of the papers
   * already stored, in the background).
   */
  update: method<FeedSummary>()({
    args: z.tuple([
      z.object({
        id: feedId,
        title: z.string().trim().min(1).max(300).optional(),
        folder: z.array(z.string().trim().min(1).max(200)).max(8).optional(),
        tags: z.array(z.string().trim().min(1).max(60)).max(50).optional(),
        refreshIntervalMinutes: z
          .number()
          .int()
          .min(5)
          .max(7 * 24 * 60)
          .optional(),
        keepImages: z.boolean().optional(),
      }),
    ]),
    errors: ['not-found'],
  }),
  /**
   * Renames a folder: every feed in it and in the folders inside it moves, in one write. A folder
   * beside it with the same name (ignoring case) fails with `duplicate` and changes nothing,
   * unless `merge` asks to join the two (the feeds then take the existing folder's spelling).
   */
  renameFolder: method<FolderChange>()({
    args: z.tuple([
      z.object({
        folder: folderPathSchema,
        name: folderNameSchema,
        merge: z.boolean().default(false),
      }),
    ]),
    errors: ['not-found', 'duplicate'],
  }),
  /**
   * Deletes a folder without unsubscribing anything: its feeds, and the folders inside it with
   * theirs, move up to its parent folder (or the top level), in one write.
   */
  deleteFolder: method<FolderChange>()({
    args: z.tuple([z.object({ folder: folderPathSchema })]),
    errors: ['not-found'],
  }),
  /** Fires once per feed as a refresh progresses. */
  onDidRefresh: event<RefreshEvent>(
    z.object({
      done: z.number(),
      total: z.number(),
      outcome: z.object({
        feedId: z.string(),
        newItems: z.number(),
        unchanged: z.boolean(),
        error: z
          .object({ code: z.enum(FEED_FAILURE_CODES), message: z.string(), at: z.string() })
          .nullable(),
      }),
    }),
  ),
});
