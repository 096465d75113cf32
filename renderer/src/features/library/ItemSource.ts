import type { FeedSummary, ItemFilter, SavedSearch } from '@shared/contract';

/**
 * What the item list shows: one of the smart views across all feeds, one feed, a folder (its
 * feeds and its folders' feeds), a tag (the feeds carrying it) or a saved search.
 */
export type ItemSource =
  | { kind: 'view'; view: ItemFilter }
  /** Papers the user has highlighted, written notes on or tagged: the `is:annotated` search. */
  | { kind: 'annotated' }
  | { kind: 'feed'; feedId: string }
  | { kind: 'folder'; path: readonly string[] }
  | { kind: 'tag'; tag: string }
  | { kind: 'search'; search: SavedSearch };

/** The arguments `library.list` needs for a source, minus the page. */
export interface ItemQuery {
  feedId?: string;
  /** A folder's path: the items of its feeds and of its folders' feeds. */
  folder?: string[];
  /** The items of the feeds carrying this tag. */
  tag?: string;
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

/** The "Annotated" smart view's name. */
export const ANNOTATED_TITLE = 'Annotated';

/** What the "Annotated" smart view lists, newest first (see parseSearchQuery's is:annotated). */
export const ANNOTATED_QUERY: ItemQuery = { filter: 'all', query: 'is:annotated' };

/** Display name of a smart view. */
export function viewTitle(view: ItemFilter): string {
  return VIEW_TITLES[view];
}

/** Display name of a source; a feed not (or no longer) in the list gets a neutral name. */
export function sourceTitle(source: ItemSource, feeds: readonly FeedSummary[]): string {
  if (source.kind === 'view') return viewTitle(source.view);
  if (source.kind === 'annotated') return ANNOTATED_TITLE;
  if (source.kind === 'search') return source.search.name;
  if (source.kind === 'folder') return source.path[source.path.length - 1] ?? 'Folder';
  if (source.kind === 'tag') return source.tag;
  return feeds.find((feed) => feed.id === source.feedId)?.title ?? 'Feed';
}

/** The list query for a source. */
export function queryOf(source: ItemSource): ItemQuery {
  if (source.kind === 'view') return { filter: source.view };
  if (source.kind === 'annotated') return ANNOTATED_QUERY;
  if (source.kind === 'feed') return { feedId: source.feedId, filter: 'all' };
  if (source.kind === 'folder') return { folder: [...source.path], filter: 'all' };
  if (source.kind === 'tag') return { tag: source.tag, filter: 'all' };
  const { feedId, filter, query } = source.search;
  return feedId === null ? { filter, query } : { feedId, filter, query };
}

/** A stable string identifying a source, for React keys and equality. */
export function sourceKey(source: ItemSource): string {
  if (source.kind === 'view') return `view:${source.view}`;
  if (source.kind === 'annotated') return 'annotated';
  if (source.kind === 'search') return `search:${source.search.id}`;
  // The separator cannot be typed into a folder name (see buildFolderTree's folderKeyOf).
  if (source.kind === 'folder') return `folder:${source.path.join('\u001f')}`;
  if (source.kind === 'tag') return `tag:${source.tag.trim().toLocaleLowerCase()}`;
  return `feed:${source.feedId}`;
}
