import { z } from 'zod';
import { method, service } from './define';
import { folderPathSchema } from './feeds';

/** One item as the list pane shows it. */
export interface ItemSummary {
  id: string;
  feedId: string;
  /** Never empty: untitled posts get their first line of text. */
  title: string;
  /** The item's web address (http or https only), or null. */
  link: string | null;
  author: string | null;
  /** ISO 8601 UTC, or null when the feed gave no usable date. */
  publishedAt: string | null;
  /** Plain-text excerpt, at most 280 characters. */
  excerpt: string;
  read: boolean;
  starred: boolean;
  /** Every author the feed names, in order (`author` is the shortened line). */
  authors: string[];
  /** The journal, when the feed names it. */
  journal: string | null;
  /** The paper's identifiers, normalised (DOI lower-case); all null for posts and news. */
  paperIds: PaperIdentifiers;
  /**
   * Every feed that carries this paper, in the order they published it (just this item's own
   * feed for a post). The overall list shows a paper once however many feeds carry it, as its
   * first published copy; read and starred apply to every copy.
   */
  sources: ItemSource[];
  /** How many colleagues' posts cite this paper ("discussed by 2 colleagues"); 0 for posts. */
  discussedBy: number;
  /**
   * The PDF attached to this paper (to this copy or, for a paper several sources carry, to its
   * "My papers" copy), served to the window at `/files/pdf/<hash>`; null when there is none.
   */
  pdf: ItemPdfSummary | null;
}

/** A PDF attached to a paper, as lists and the reader see it. */
export interface ItemPdfSummary {
  /** SHA-256 of the file, lower-case hex: its address is `/files/pdf/<hash>`. */
  hash: string;
  fileName: string;
  pageCount: number;
}

/** DOI, PubMed id and arXiv id of a paper. */
export interface PaperIdentifiers {
  /** Lower-case, without `https://doi.org/` or `doi:`. */
  doi: string | null;
  pmid: string | null;
  /** Without version (`2401.01234`, `hep-th/9901001`). */
  arxiv: string | null;
}

/** One feed's copy of a paper. */
export interface ItemSource {
  /** The copy's own item id (any copy's id opens and marks the same paper). */
  itemId: string;
  feedId: string;
  feedTitle: string;
  /** The copy's web address, or null. */
  link: string | null;
}

/** A colleague's post that cites a paper; the post is also listed on its own. */
export interface ItemDiscussion {
  itemId: string;
  feedTitle: string;
  author: string | null;
  excerpt: string;
  link: string | null;
  /** ISO 8601 UTC, or null. */
  publishedAt: string | null;
}

/** A preprint's published version, or a published paper's preprint, as the publisher says. */
export interface LinkedPaperVersion {
  /** `published-version`: this item is the preprint; `preprint`: this item is the journal's. */
  relation: 'published-version' | 'preprint';
  /** The other version's DOI; null for an arXiv preprint known by its arXiv id only. */
  doi: string | null;
  /** The other version's item when it is in the library, else null. */
  itemId: string | null;
  title: string | null;
}

/** One item as the reader shows it. */
export interface ItemDetail extends ItemSummary {
  /** Sanitised at ingest; the renderer sanitises it again before display. */
  contentHtml: string;
  feedTitle: string;
  /** Colleagues' posts citing this paper, newest first. */
  discussions: ItemDiscussion[];
  linkedVersion: LinkedPaperVersion | null;
}

/** Which items a list shows. */
export type ItemFilter = 'all' | 'unread' | 'starred';

/** A page of items: newest first, or most relevant first for a search. */
export interface ItemPage {
  items: ItemSummary[];
  /** Items matching the query in all pages. */
  total: number;
  offset: number;
  /**
   * How many items of this source mute rules hide ("3 hidden by mute rules"); absent for a
   * search, which does not count them.
   */
  hiddenByMute?: number;
  /** How a search was answered; absent when the list was not searched. */
  search?: ItemSearchInfo;
}

/**
 * Whether full-text search can answer. `building`: the index is made for the first time (a
 * library from before search had one); `rebuilding`: it was damaged and is made again. Either
 * way searches list nothing until it is `ready`, rather than results that silently miss items.
 */
export type SearchIndexState =
  | { state: 'ready' }
  | {
      state: 'building' | 'rebuilding';
      /** Items indexed so far. */
      indexed: number;
      /** Items to index; 0 while that is still being worked out. */
      total: number;
    };

/** What a search found, beyond its items. */
export interface ItemSearchInfo {
  /**
   * Folded words and phrases to highlight (lower case, accents removed, punctuation as single
   * spaces; see shared/domain/library/searchableText): mark each where it begins a word.
   */
  highlight: string[];
  index: SearchIndexState;
  /**
   * Set when more items match than a search lists: the number it listed (the first ones in
   * `order`), for the window to ask for a narrower search. Null when every match is listed.
   */
  rankedOnly: number | null;
  /**
   * `relevance`: best match first. `newest`: the search matched too many papers to rank (or asked
   * for filters only), so they are listed newest first, those matching outside the abstract first.
   */
  order: 'relevance' | 'newest';
  /**
   * Answered before the whole library had loaded (just after start-up): each paper is shown as
   * one feed's copy, without its other sources or discussions, and only the first screenful of
   * the page is filled (`total` is right). Ask again shortly for the full rows.
   */
  provisional: boolean;
}

/** What `markAllRead` did. */
export interface MarkAllReadOutcome {
  /** Items marked read (a paper counts once, however many feeds carry it). */
  marked: number;
  /** For `undoMarkAllRead`; null when nothing was marked. */
  undoToken: string | null;
}

/**
 * How many rows the overall lists show: what `list` totals for each filter with no feed and no
 * search, so a paper carried by several feeds counts once and muted items not at all.
 */
export interface LibraryCounts {
  all: number;
  unread: number;
  starred: number;
}

const itemId = z.string().min(1).max(128);

/** Upper bound on one page so a single call never copies the whole library across the boundary. */
export const MAX_PAGE_SIZE = 500;

/**
 * The `library` service: stored items and the user's reading state. Works with the network off.
 */
export const libraryContract = service('library', {
  /**
   * Lists items newest first, optionally for one feed, only unread or starred ones. With a search
   * (see shared/domain/library/parseSearchQuery for what it may contain), lists the matching items
   * most relevant first instead, with the words to highlight, and nothing while the search index
   * is being built (`search.index` says how far it is). Overall, a paper carried by several feeds
   * is one row (with every source); a feed's list has its copy. Items a mute rule hides are never
   * listed. Fails with `invalid-query` when a search filter's value is unusable (`after:2024-13`).
   */
  list: method<ItemPage>()({
    args: z.tuple([
      z.object({
        feedId: z.string().min(1).max(128).optional(),
        /**
         * The items of every feed in this folder and the folders inside it, a paper once (as
         * its first published copy among them), like the overall list. Not with `feedId`/`tag`.
         */
        folder: folderPathSchema.optional(),
        /** The items of every feed carrying this tag (any case), a paper once, as for `folder`. */
        tag: z.string().trim().min(1).max(60).optional(),
        filter: z.enum(['all', 'unread', 'starred']).default('all'),
        /**
         * A search over title, authors, journal, full text, identifiers and feed: words (as
         * prefixes), "quoted phrases", field filters, dates and exclusions (parseSearchQuery).
         */
        query: z.string().max(200).optional(),
        /**
         * Newest (the default) or oldest first, by publication date (or, undated, when Rounds
         * stored the item). A search lists its best matches first whatever this says.
         */
        sort: z.enum(['newest', 'oldest']).optional(),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(MAX_PAGE_SIZE).default(100),
      }),
    ]),
    errors: ['invalid-query'],
  }),
  /**
   * The smart views' counts, kept by the library as items change: cheap to ask for after every
   * change, however large the library.
   */
  counts: method<LibraryCounts>()({ args: z.tuple([]) }),
  /** One item with its content. */
  get: method<ItemDetail>()({
    args: z.tuple([z.object({ id: itemId })]),
    errors: ['not-found'],
  }),
  /** Marks an item (every feed's copy of its paper) read or unread; resolves once on disk. */
  setRead: method<{ id: string; read: boolean }>()({
    args: z.tuple([z.object({ id: itemId, read: z.boolean() })]),
    errors: ['not-found'],
  }),
  /**
   * Marks every unread item a list shows as read (every copy of each paper), optionally only
   * those older than a day or a week (by publication date, or when Rounds stored an undated
   * item). Takes the same scope as `list` without the page. Resolves once the marks are on disk,
   * with how many items changed and a token that `undoMarkAllRead` takes to put them back.
   */
  markAllRead: method<MarkAllReadOutcome>()({
    args: z.tuple([
      z.object({
        feedId: z.string().min(1).max(128).optional(),
        folder: folderPathSchema.optional(),
        tag: z.string().trim().min(1).max(60).optional(),
        filter: z.enum(['all', 'unread', 'starred']).default('all'),
        query: z.string().max(200).optional(),
        olderThan: z.enum(['day', 'week']).optional(),
      }),
    ]),
    errors: ['invalid-query', 'invalid-argument'],
  }),
  /**
   * Makes unread again exactly the items one `markAllRead` marked. Fails with `not-found` when
   * the token is unknown: too old (the last few are kept, until Rounds quits) or already undone.
   */
  undoMarkAllRead: method<{ restored: number }>()({
    args: z.tuple([z.object({ undoToken: z.string().min(1).max(64) })]),
    errors: ['not-found'],
  }),
  /** Stars or unstars an item (every copy of its paper); resolves once the change is on disk. */
  setStarred: method<{ id: string; starred: boolean }>()({
    args: z.tuple([z.object({ id: itemId, starred: z.boolean() })]),
    errors: ['not-found'],
  }),
});
