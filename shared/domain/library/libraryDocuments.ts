import type { FeedError, MuteRule, SavedSearch, StorageNotice } from '@shared/contract';
import type { PaperIds } from '../feeds/paperIdentity';

/**
 * Layout version written into every library document. Loading accepts any version: documents
 * without one (early builds) have the same fields, and newer ones are read field by field.
 */
export const LIBRARY_SCHEMA_VERSION = 1;

/** A subscription as kept in `feeds.json`; the same fields as the storage port's `StoredFeed`. */
export interface FeedRecord {
  id: string;
  url: string;
  /** The feed's own title, refreshed from every successful fetch. */
  title: string;
  /**
   * The user's own name for the feed (a rename, or the name an OPML file carried). Refreshes never
   * touch it; see feedDisplayTitle.
   */
  customTitle: string | null;
  siteUrl: string | null;
  /** ISO 8601 UTC. */
  addedAt: string;
  lastFetchedAt: string | null;
  lastError: FeedError | null;
  etag: string | null;
  lastModified: string | null;
  bodyHash: string | null;
  /** Folder path segments from the sources pane or an OPML outline; empty at the top level. */
  folder: string[];
  /** The user's tags on this feed. */
  tags: string[];
  /** How often the background refresh fetches this feed. */
  refreshIntervalMinutes: number;
  /** Failed refreshes in a row: drives the exponential back-off. 0 after a success. */
  consecutiveFailures: number;
  /**
   * ISO 8601 UTC before which the background refresh leaves this feed alone: set by back-off
   * and by a server's Retry-After. Null means "due whenever its interval says so".
   */
  retryNotBefore: string | null;
  /**
   * `'local'` for a source Rounds keeps itself ("My papers": papers imported from files, DOIs and
   * PDFs), which is never fetched. Absent for an ordinary feed, so older files need no change.
   */
  kind?: 'local';
  /**
   * The user's "Save images for offline reading" for this feed. Written only when on, so older
   * files and feeds without it need no change.
   */
  keepImages?: true;
}

/** Default background refresh interval of a feed. */
export const DEFAULT_REFRESH_INTERVAL_MINUTES = 60;

/** `feeds.json`: every subscription. */
export interface FeedsDocument {
  schemaVersion: number;
  feeds: FeedRecord[];
}

/**
 * An item's fetched metadata without its HTML: what lists need. The HTML lives in a separate
 * content shard so that opening the library does not read every article's text.
 */
export interface ItemRecord {
  id: string;
  feedId: string;
  guid: string;
  title: string;
  link: string | null;
  author: string | null;
  /** ISO 8601 UTC, or null when the feed gave no usable date. */
  publishedAt: string | null;
  excerpt: string;
  /** ISO 8601 UTC. */
  fetchedAt: string;
  /** Every author the feed names, in its order; `author` is what the list shows. */
  authors: string[];
  /** The journal that published the item (`prism:publicationName`), or null. */
  journal: string | null;
  /** The paper this item is; all null for posts and news. Items sharing a key are one paper. */
  paperIds: PaperIds;
  /** The DOI of the paper's other version (preprint or published) when the publisher names it. */
  relatedDoi: string | null;
  /**
   * For an item that is not itself a paper: the papers and article pages it cites
   * (`doi:…`, `pmid:…`, `arxiv:…`, `link:…` keys), which make it a discussion of those papers.
   */
  citations: string[];
  /** What the feed attached (`media:content`, `media:thumbnail`): addresses, never fetched here. */
  media: ItemMedia[];
  /**
   * The PDF the user attached (kept once by content hash under `pdfs/`). Absent or null when
   * there is none, which is every fetched item: the field is only written when set.
   */
  pdf?: ItemPdf | null;
}

/** A PDF attached to an item. */
export interface ItemPdf {
  /** SHA-256 of the file, lower-case hex: where the file and its text are kept. */
  hash: string;
  /** The name the file had when it was added, without its folder. */
  fileName: string;
  pageCount: number;
}

/** One `media:content` or `media:thumbnail` of an item. */
export interface ItemMedia {
  /** http(s) address. */
  url: string;
  /** MIME type, or null. */
  type: string | null;
  /** `image`, `video`, `audio`… or `thumbnail`; null when the feed does not say. */
  medium: string | null;
}

/** One item-index shard: the records of the items whose feed hashes to this shard. */
export interface ItemShardDocument {
  schemaVersion: number;
  items: ItemRecord[];
}

/**
 * One content shard (layout 1) or content piece (layout 2): sanitised HTML by item id, for the
 * same items as the matching index shard or records piece.
 */
export interface ContentShardDocument {
  schemaVersion: number;
  html: Record<string, string>;
}

/**
 * How the library's files are arranged. Layout 1 (no `layout.json`): every item record in
 * `items/index-NN.json` and all HTML in `items/content-NN.json`, 64 shards each. Layout 2: item
 * records and HTML in small pieces per feed (`pieces/<feed>/records-NNNN.json`,
 * `content-NNNN.json`) and the opening view in `first-pages.json`. Layout 3: the same, with every
 * piece gzip-compressed (`records-NNNN.json.gz`, `content-NNNN.json.gz`).
 */
export const LIBRARY_LAYOUT_VERSION = 3;

/** `layout.json`: written last by a migration, so its presence says the new layout is complete. */
export interface LayoutDocument {
  layoutVersion: number;
}

/**
 * One records piece of a feed (layout 2): the records, without HTML, of up to a few dozen items
 * of that feed that arrived together. Its HTML is in the content piece of the same number.
 */
export interface RecordsPieceDocument {
  schemaVersion: number;
  /** The feed whose folder holds the piece. */
  feedId: string;
  items: ItemRecord[];
}

/** A row of the opening view: an item's record with what a list shows about it. */
export interface FirstPageRow extends ItemRecord, ItemStateRecord {
  /** Every feed's copy of the same paper, the one standing for it first. */
  copies: { itemId: string; feedId: string; link: string | null }[];
  /** Colleagues whose posts cite this paper. */
  discussedBy: number;
}

/** Which overall lists the opening view keeps a first page of. */
export type FirstPageFilter = 'all' | 'unread' | 'starred';

/**
 * `first-pages.json` (layout 2): what the window needs before the library's records are loaded,
 * whatever the library's size: the first page of each overall list and every count. Derived from
 * the records and marks, rewritten as they change, and rebuilt from them when it is missing,
 * damaged or stale (a crash between a change and its rewrite).
 */
export interface FirstPagesDocument {
  schemaVersion: number;
  /** Ids of each list's first rows, newest first (a paper once, muted items left out). */
  lists: Record<FirstPageFilter, string[]>;
  /** Every row any list names, once. */
  rows: FirstPageRow[];
  /** Rows of each overall list: what `countOverall` answers. */
  overall: { all: number; unread: number; starred: number };
  /** Item and unread counts per feed id, muted items left out. */
  feeds: Record<string, { total: number; unread: number }>;
}

/** The user's own marks on one item. */
export interface ItemStateRecord {
  read: boolean;
  starred: boolean;
}

/**
 * One state shard: the marks of the items whose id hashes to this shard. Only items with a mark
 * are listed; an item that is absent is unread and not starred.
 */
export interface StateShardDocument {
  schemaVersion: number;
  states: Record<string, ItemStateRecord>;
}

/** `notices.json`: storage notices the user has not dismissed yet. */
export interface NoticesDocument {
  schemaVersion: number;
  notices: StorageNotice[];
}

/** `rules.json`: the user's mute rules and saved searches. */
export interface RulesDocument {
  schemaVersion: number;
  muteRules: MuteRule[];
  savedSearches: SavedSearch[];
}

/** What a repair made of a parsed file. */
export interface Repaired<T> {
  /** Always usable: current schema version, every record complete. */
  document: T;
  /** Records that were unusable (no id, wrong type, duplicate) and left out. */
  dropped: number;
  /**
   * False when the value did not look like this kind of document at all (not an object, or its
   * collection missing): the caller should treat the file as damaged rather than as empty.
   */
  recognized: boolean;
}
