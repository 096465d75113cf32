import {
  fail,
  type ItemSummary,
  type libraryContract,
  ok,
  type ServiceImplementation,
} from '@shared/contract';
import type { ItemRow, LibraryStore } from './LibraryStore';

type LibraryService = ServiceImplementation<typeof libraryContract>;

const GONE = 'That article is no longer in your library.';

/** Stored items and the user's reading state; never touches the network. */
export class LibraryMainService implements LibraryService {
  private readonly store: LibraryStore;

  constructor(dependencies: { store: LibraryStore }) {
    this.store = dependencies.store;
  }

  // Methods are arrow properties so a transport may call them detached from the instance.

  readonly list: LibraryService['list'] = async ({ feedId, filter, offset, limit }) => {
    const { rows, total } = this.store.queryItems({ feedId, filter, offset, limit });
    return ok({ items: rows.map(toSummary), total, offset });
  };

  readonly get: LibraryService['get'] = async ({ id }) => {
    const item = this.store.getItem(id);
    if (!item) return fail('not-found', GONE);
    // The feed is removed after its items, so an item's feed is normally there; an empty title
    // is what a half-finished removal looks like until it is retried.
    const feedTitle = this.store.getFeed(item.feedId)?.title ?? '';
    return ok({ ...toSummary(item), contentHtml: item.contentHtml, feedTitle });
  };

  readonly setRead: LibraryService['setRead'] = async ({ id, read }) => {
    const changed = await this.store.setItemState(id, { read });
    return changed ? ok({ id, read }) : fail('not-found', GONE);
  };

  readonly setStarred: LibraryService['setStarred'] = async ({ id, starred }) => {
    const changed = await this.store.setItemState(id, { starred });
    return changed ? ok({ id, starred }) : fail('not-found', GONE);
  };
}

/** Only what the list pane needs crosses the boundary: not the guid, not the fetch time. */
function toSummary(row: ItemRow): ItemSummary {
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
  };
}
