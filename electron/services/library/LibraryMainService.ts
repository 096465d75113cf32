import {
  fail,
  type ItemSummary,
  type libraryContract,
  ok,
  type ServiceImplementation,
} from '@shared/contract';
import type { ItemRow, LibraryStore } from './LibraryStore';
import { feedDisplayTitle } from '@shared/domain/library/feedDisplayTitle';

type LibraryService = ServiceImplementation<typeof libraryContract>;

const GONE = 'That article is no longer in your library.';

/** Stored items and the user's reading state; never touches the network. */
export class LibraryMainService implements LibraryService {
  private readonly store: LibraryStore;

  constructor(dependencies: { store: LibraryStore }) {
    this.store = dependencies.store;
  }

  // Methods are arrow properties so a transport may call them detached from the instance.

  readonly list: LibraryService['list'] = async ({ feedId, filter, query, offset, limit }) => {
    const { rows, total } = this.store.queryItems({ feedId, filter, query, offset, limit });
    const titles = this.feedTitles();
    return ok({ items: rows.map((row) => toSummary(row, titles)), total, offset });
  };

  readonly counts: LibraryService['counts'] = async () => ok(this.store.countOverall());

  readonly get: LibraryService['get'] = async ({ id }) => {
    const item = this.store.getItem(id);
    if (!item) return fail('not-found', GONE);
    const titles = this.feedTitles();
    const { linkedVersion } = item;
    return ok({
      ...toSummary(item, titles),
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

  private feedTitles(): Map<string, string> {
    return new Map(this.store.listFeeds().map((feed) => [feed.id, feedDisplayTitle(feed)]));
  }
}

/**
 * Only what the list pane needs crosses the boundary: not the guid, the fetch time, what a post
 * cites or the media addresses.
 */
function toSummary(row: ItemRow, feedTitles: ReadonlyMap<string, string>): ItemSummary {
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
  };
}
