import {
  fail,
  type ItemFilter,
  type ItemPage,
  type ItemSummary,
  type libraryContract,
  ok,
  type ServiceImplementation,
} from '@shared/contract';
import { feedDisplayTitle } from '@shared/domain/library/feedDisplayTitle';
import type { ItemPdf } from '@shared/domain/library/libraryDocuments';
import { MY_PAPERS_FEED_ID } from '@shared/domain/papers/myPapers';
import {
  highlightTermsOf,
  isEmptySearch,
  type ParsedSearchQuery,
  parseSearchQuery,
} from '@shared/domain/library/parseSearchQuery';
import type { ItemRow, LibraryStore } from './LibraryStore';
import type { SearchIndexFeeder } from './SearchIndexFeeder';

type LibraryService = ServiceImplementation<typeof libraryContract>;
type ListResult = Awaited<ReturnType<LibraryService['list']>>;

const GONE = 'That article is no longer in your library.';
/**
 * A search lists at most this many of its best matches: ranking costs time for every match, and
 * no one reads past the first few hundred of a search that broad.
 */
export const MAX_RANKED_MATCHES = 1_000;

/** Stored items and the user's reading state; never touches the network. */
export class LibraryMainService implements LibraryService {
  private readonly store: LibraryStore;
  private readonly searcher: Pick<SearchIndexFeeder, 'search'>;

  constructor(dependencies: { store: LibraryStore; search: Pick<SearchIndexFeeder, 'search'> }) {
    this.store = dependencies.store;
    this.searcher = dependencies.search;
  }

  // Methods are arrow properties so a transport may call them detached from the instance.

  readonly list: LibraryService['list'] = async ({ feedId, filter, query, offset, limit }) => {
    const parsed = query === undefined ? null : parseSearchQuery(query);
    if (parsed !== null && !parsed.ok) return fail('invalid-query', parsed.message);
    if (parsed !== null && !isEmptySearch(parsed.query)) {
      return this.search(parsed.query, { feedId, filter, offset, limit });
    }
    const { rows, total } = await this.store.queryItems({ feedId, filter, offset, limit });
    return ok({ items: await this.summaries(rows), total, offset });
  };

  readonly counts: LibraryService['counts'] = async () => ok(this.store.countOverall());

  readonly get: LibraryService['get'] = async ({ id }) => {
    const item = await this.store.getItem(id);
    if (!item) return fail('not-found', GONE);
    const titles = this.feedTitles();
    const { linkedVersion } = item;
    return ok({
      ...toSummary(item, titles, await this.pdfOfPaper(item)),
      contentHtml: item.contentHtml,
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

  /** Ranked matches from the index, narrowed to what this list shows, one page of them. */
  private async search(
    query: ParsedSearchQuery,
    scope: { feedId?: string | undefined; filter: ItemFilter; offset: number; limit: number },
  ): Promise<ListResult> {
    const { feedId, filter, offset, limit } = scope;
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
