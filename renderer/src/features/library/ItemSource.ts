import type { FeedSummary, ItemFilter, SavedSearch } from '@shared/contract';

/** What the item list shows: one of the smart views across all feeds, one feed, or a saved search. */
export type ItemSource =
  | { kind: 'view'; view: ItemFilter }
  | { kind: 'feed'; feedId: string }
  | { kind: 'search'; search: SavedSearch };

/** The arguments `library.list` needs for a source, minus the page. */
export interface ItemQuery {
  feedId?: string;
  filter: ItemFilter;
  /** Words and "quoted phrases" every item must contain. */
  query?: string;
}

const VIEW_TITLES: Record<ItemFilter, string> = {
  all: 'All items',
  unread: 'Unread',
  starred: 'Starred',
};

/** The smart views in the order the sources pane lists them. */
export const SMART_VIEWS: readonly ItemFilter[] = ['all', 'unread', 'starred'];

/** Display name of a smart view. */
export function viewTitle(view: ItemFilter): string {
  return VIEW_TITLES[view];
}

/** Display name of a source; a feed not (or no longer) in the list gets a neutral name. */
export function sourceTitle(source: ItemSource, feeds: readonly FeedSummary[]): string {
  if (source.kind === 'view') return viewTitle(source.view);
  if (source.kind === 'search') return source.search.name;
  return feeds.find((feed) => feed.id === source.feedId)?.title ?? 'Feed';
}

/** The list query for a source. */
export function queryOf(source: ItemSource): ItemQuery {
  if (source.kind === 'view') return { filter: source.view };
  if (source.kind === 'feed') return { feedId: source.feedId, filter: 'all' };
  const { feedId, filter, query } = source.search;
  return feedId === null ? { filter, query } : { feedId, filter, query };
}

/** A stable string identifying a source, for React keys and equality. */
export function sourceKey(source: ItemSource): string {
  if (source.kind === 'view') return `view:${source.view}`;
  if (source.kind === 'search') return `search:${source.search.id}`;
  return `feed:${source.feedId}`;
}
