import type { FeedSummary, ItemFilter } from '@shared/contract';

/** What the item list shows: one of the smart views across all feeds, or one feed. */
export type ItemSource = { kind: 'view'; view: ItemFilter } | { kind: 'feed'; feedId: string };

/** The arguments `library.list` needs for a source, minus the page. */
export interface ItemQuery {
  feedId?: string;
  filter: ItemFilter;
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
  return feeds.find((feed) => feed.id === source.feedId)?.title ?? 'Feed';
}

/** The list query for a source. */
export function queryOf(source: ItemSource): ItemQuery {
  return source.kind === 'view'
    ? { filter: source.view }
    : { feedId: source.feedId, filter: 'all' };
}

/** A stable string identifying a source, for React keys and equality. */
export function sourceKey(source: ItemSource): string {
  return source.kind === 'view' ? `view:${source.view}` : `feed:${source.feedId}`;
}
