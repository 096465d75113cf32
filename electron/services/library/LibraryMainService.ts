import {
  fail,
  type ItemFilter,
  type ItemPage,
  type ItemSummary,
  type libraryContract,
  ok,
  type ServiceImplementation,
} from '@shared/contract';
import { feedsInFolder, feedsWithTag } from '@shared/domain/feeds/feedGroups';
import { feedDisplayTitle } from '@shared/domain/library/feedDisplayTitle';
import type { ItemPdf } from '@shared/domain/library/libraryDocuments';
import { MY_PAPERS_FEED_ID } from '@shared/domain/papers/myPapers';
import {
  highlightTermsOf,
  isEmptySearch,
  type ParsedSearchQuery,
  parseSearchQuery,
} from '@shared/domain/library/parseSearchQuery';
import { randomUUID } from 'node:crypto';
import type { ItemRow, LibraryStore } from './LibraryStore';
import type { SearchIndexFeeder } from './SearchIndexFeeder';

type LibraryService = ServiceImplementation<typeof libraryContract>;
type ListResult = Awaited<ReturnType<LibraryService['list']>>;
type ListArgs = Parameters<LibraryService['list']>[0];

const GONE = 'That article is no longer in your library.';
/**
 * A search lists at most this many of its best matches: ranking costs time for every match, and
 * no one reads past the first few hundred of a search that broad.
 */
export const MAX_RANKED_MATCHES = 1_000;
/** "Mark all as read" can be undone for this many of the latest times, until Rounds quits. */
export const UNDOABLE_MARKINGS = 20;
const DAY_MS = 24 * 60 * 60 * 1000;
const AGE_LIMITS_MS = { day: DAY_MS, week: 7 * DAY_MS } as const;

/** Stored items and the user's reading state; never touches the network. */
export class LibraryMainService implements LibraryService {
  private readonly store: LibraryStore;
  private readonly searcher: Pick<SearchIndexFeeder, 'search'>;
  private readonly displayedContent: (itemId: string, html: string) => Promise<string>;
  private readonly now: () => number;
  /** What each recent "mark all as read" changed, by undo token, oldest first. */
  private readonly markings = new Map<string, { changed: readonly string[]; marked: number }>();

  constructor(dependencies: {
    store: LibraryStore;
    search: Pick<SearchIndexFeeder, 'search'>;
    /**
     * The item's HTML as the reader shows it: saved images named by their address on the app's
     * own origin (ImagesMainService.contentForDisplay). The HTML as stored when left out.
     */
    displayedContent?: (itemId: string, html: string) => Promise<string>;
    /** The clock "older than a day / a week" counts from. */
    now?: () => number;
  }) {
    this.store = dependencies.store;
    this.searcher = dependencies.search;
    this.displayedContent = dependencies.displayedContent ?? (async (_itemId, html) => html);
    this.now = dependencies.now ?? Date.now;
  }

  // Methods are arrow properties so a transport may call them detached from the instance.

  readonly list: LibraryService['list'] = async (args) => {
    if (args.folder !== undefined || args.tag !== undefined) return this.listFeedGroup(args);
    const { feedId, filter, query, offset, limit, sort } = args;
    const parsed = query === undefined ? null : parseSearchQuery(query);
    if (parsed !== null && !parsed.ok) return fail('invalid-query', parsed.message);
    if (parsed !== null && !isEmptySearch(parsed.query)) {
      return this.search(parsed.query, { feedId, filter, offset, limit });
    }
    const { rows, total } = await this.store.queryItems({
      feedId,
      filter,
      offset,
      limit,
      oldestFirst: sort === 'oldest',
    });
    return ok({
      items: await this.summaries(rows),
      total,
      offset,
      hiddenByMute: this.store.mutedCount(feedId),
    });
  };

  readonly counts: LibraryService['counts'] = async () => ok(this.store.countOverall());

  readonly get: LibraryService['get'] = async ({ id }) => {
    const item = await this.store.getItem(id);
    if (!item) return fail('not-found', GONE);
    const titles = this.feedTitles();
    const { linkedVersion } = item;
    return ok({
      ...toSummary(item, titles, await this.pdfOfPaper(item)),
      contentHtml: await this.displayedContent(item.id, item.contentHtml),
      // The feed is removed after its items, so an item's feed is normally there; an empty title
      // is what a half-finished removal looks like until it is retried.
      feedTitle: titles.get(item.feedId) ?? '',
      discussions: item.discussions.map((post) => ({
        itemId: post.id,
        feedTitle: titles.get(post.feedId) ?? '',
        author: post.author,
        excerpt: post.excerpt,
        link: post.link,
        publishedAt: post.publishedAt,
      })),
      linkedVersion: linkedVersion && {
        relation: linkedVersion.relation,
        doi: linkedVersion.doi,
        itemId: linkedVersion.row?.id ?? null,
        title: linkedVersion.row?.title ?? null,
      },
    });
  };

  readonly setRead: LibraryService['setRead'] = async ({ id, read }) => {
    const changed = await this.store.setItemState(id, { read });
    return changed ? ok({ id, read }) : fail('not-found', GONE);
  };

  readonly setStarred: LibraryService['setStarred'] = async ({ id, starred }) => {
    const changed = await this.store.setItemState(id, { starred });
    return changed ? ok({ id, starred }) : fail('not-found', GONE);
  };

  readonly markAllRead: LibraryService['markAllRead'] = async ({
    feedId,
    folder,
    tag,
    filter,
    query,
    olderThan,
  }) => {
    if ([feedId, folder, tag].filter((scope) => scope !== undefined).length > 1) {
      return fail('invalid-argument', 'A list shows one feed, one folder or one tag, not several.');
    }
    const parsed = query === undefined ? null : parseSearchQuery(query);
    if (parsed !== null && !parsed.ok) return fail('invalid-query', parsed.message);
    const feeds = this.store.listFeeds();
    const groupFeedIds =
      folder !== undefined
        ? feedsInFolder(feeds, folder).map((feed) => feed.id)
        : tag !== undefined
          ? feedsWithTag(feeds, tag).map((feed) => feed.id)
          : undefined;
    if (groupFeedIds?.length === 0) return ok({ marked: 0, undoToken: null });
    let among: string[] | undefined;
    if (parsed !== null && !isEmptySearch(parsed.query)) {
      const outcome = await this.searcher.search({
        query: parsed.query,
        feedId,
        limit: MAX_RANKED_MATCHES,
      });
      // While the index is built a search lists nothing, so there is nothing to mark.
      if (!('hits' in outcome)) return ok({ marked: 0, undoToken: null });
      among = outcome.hits.hits.map((hit) => hit.id);
    }
    const ids = await this.store.unreadItemIds({
      feedIds: groupFeedIds ?? (feedId === undefined ? undefined : [feedId]),
      filter,
      among,
      olderThanMs: olderThan === undefined ? undefined : this.now() - AGE_LIMITS_MS[olderThan],
    });
    const changed = await this.store.setReadOfItems(ids, true);
    if (changed.length === 0) return ok({ marked: 0, undoToken: null });
    const undoToken = randomUUID();
    this.markings.set(undoToken, { changed, marked: ids.length });
    for (const oldest of this.markings.keys()) {
      if (this.markings.size <= UNDOABLE_MARKINGS) break;
      this.markings.delete(oldest);
    }
    return ok({ marked: ids.length, undoToken });
  };

  readonly undoMarkAllRead: LibraryService['undoMarkAllRead'] = async ({ undoToken }) => {
    const marking = this.markings.get(undoToken);
    if (marking === undefined) {
      return fail('not-found', 'That can no longer be undone: mark the items unread one by one.');
    }
    this.markings.delete(undoToken);
    await this.store.setReadOfItems(marking.changed, false);
    return ok({ restored: marking.marked });
  };

  /** Ranked matches from the index, narrowed to what this list shows, one page of them. */
  private async search(
    query: ParsedSearchQuery,
    scope: {
      feedId?: string | undefined;
      /** A folder's or a tag's feeds (see listFeedGroup). */
      feedIds?: readonly string[] | undefined;
      filter: ItemFilter;
      offset: number;
      limit: number;
    },
  ): Promise<ListResult> {
    const { feedIds, filter, offset, limit } = scope;
    // The index narrows to one feed itself; a group of several is narrowed from its best matches.
    const feedId = scope.feedId ?? (feedIds?.length === 1 ? feedIds[0] : undefined);
    const highlight = highlightTermsOf(query);
    const outcome = await this.searcher.search({ query, feedId, limit: MAX_RANKED_MATCHES });
    if (!('hits' in outcome)) {
      const page: ItemPage = {
        items: [],
        total: 0,
        offset,
        search: {
          highlight,
          index: outcome.index,
          rankedOnly: null,
          order: 'relevance',
          provisional: false,
        },
      };
      return ok(page);
    }
    const { hits, truncated, order } = outcome.hits;
    const { rows, total, provisional } = await this.store.searchRows(hits, {
      feedId,
      ...(feedIds === undefined ? {} : { feedIds }),
      filter,
      offset,
      limit,
    });
    return ok({
      items: await this.summaries(rows),
      total,
      offset,
      search: {
        highlight,
        index: outcome.index,
        rankedOnly: truncated ? hits.length : null,
        order,
        provisional,
      },
    });
  }

  /**
   * A folder's or a tag's list: the items of the feeds in the folder (and its sub-folders) or
   * carrying the tag, a paper once, like the overall list narrowed to those feeds. A folder or a
   * tag no feed has any more lists nothing.
   */
  private async listFeedGroup(args: ListArgs): Promise<ListResult> {
    const { feedId, folder, tag, filter, query, offset, limit, sort } = args;
    if (feedId !== undefined || (folder !== undefined && tag !== undefined)) {
      return fail('invalid-argument', 'A list shows one feed, one folder or one tag, not several.');
    }
    const parsed = query === undefined ? null : parseSearchQuery(query);
    if (parsed !== null && !parsed.ok) return fail('invalid-query', parsed.message);
    const feeds = this.store.listFeeds();
    const feedIds = (
      folder !== undefined ? feedsInFolder(feeds, folder) : feedsWithTag(feeds, tag ?? '')
    ).map((feed) => feed.id);
    if (feedIds.length === 0) return ok({ items: [], total: 0, offset });
    if (parsed !== null && !isEmptySearch(parsed.query)) {
      return this.search(parsed.query, { feedIds, filter, offset, limit });
    }
    const { rows, total } = await this.store.queryItems({
      feedIds,
      filter,
      offset,
      limit,
      oldestFirst: sort === 'oldest',
    });
    // Each feed's muted items, summed: a muted paper two of the feeds carry counts twice.
    const hiddenByMute = feedIds.reduce((sum, id) => sum + this.store.mutedCount(id), 0);
    return ok({ items: await this.summaries(rows), total, offset, hiddenByMute });
  }

  private async summaries(rows: readonly ItemRow[]): Promise<ItemSummary[]> {
    const titles = this.feedTitles();
    return Promise.all(rows.map(async (row) => toSummary(row, titles, await this.pdfOfPaper(row))));
  }

  /**
   * The PDF of the row's paper: its own, else its "My papers" copy's (a PDF is only ever attached
   * there, and the row standing for a paper may be a feed's copy). Only a row with such a copy
   * reads another record, so a page of feed items costs nothing more.
   */
  private async pdfOfPaper(row: ItemRow): Promise<ItemPdf | null> {
    if (row.pdf) return row.pdf;
    for (const copy of row.copies) {
      if (copy.itemId === row.id || copy.feedId !== MY_PAPERS_FEED_ID) continue;
      const record = await this.store.recordOf(copy.itemId);
      if (record?.pdf) return record.pdf;
    }
    return null;
  }

  private feedTitles(): Map<string, string> {
    return new Map(this.store.listFeeds().map((feed) => [feed.id, feedDisplayTitle(feed)]));
  }
}

/**
 * Only what the list pane needs crosses the boundary: not the guid, the fetch time, what a post
 * cites or the media addresses.
 */
function toSummary(
  row: ItemRow,
  feedTitles: ReadonlyMap<string, string>,
  pdf: ItemPdf | null,
): ItemSummary {
  return {
    id: row.id,
    feedId: row.feedId,
    title: row.title,
    link: row.link,
    author: row.author,
    publishedAt: row.publishedAt,
    excerpt: row.excerpt,
    read: row.read,
    starred: row.starred,
    authors: row.authors,
    journal: row.journal,
    paperIds: { ...row.paperIds },
    sources: row.copies.map((copy) => ({
      itemId: copy.itemId,
      feedId: copy.feedId,
      feedTitle: feedTitles.get(copy.feedId) ?? '',
      link: copy.link,
    })),
    discussedBy: row.discussedBy,
    pdf: pdf && { hash: pdf.hash, fileName: pdf.fileName, pageCount: pdf.pageCount },
  };
}
