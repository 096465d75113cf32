import type { ItemSearchInfo, ItemSummary } from '@shared/contract';
import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react';
import { api } from '../../ipc/api';
import type { RowRange } from '../../ui/visibleRange';
import { ItemPager, indexOfItem, itemAtIndex } from './ItemPager';
import type { ItemQuery } from './ItemSource';

/** Items fetched per `library.list` call: a few screens' worth, far below the contract's cap. */
const PAGE_SIZE = 100;

/** The item list of one query, loaded page by page as rows come into view. */
export interface ItemList {
  /** Rows in the list; null while the first page is loading. */
  total: number | null;
  error: string | null;
  /** How the search was answered (words to highlight, whether the index is ready); null unsearched. */
  search?: ItemSearchInfo | null;
  /** How many items mute rules hide from this list; 0 when searched (not counted). */
  hiddenByMute?: number;
  itemAt: (index: number) => ItemSummary | undefined;
  indexOf: (id: string) => number;
  /** Loads the pages under these rows. */
  requestRows: (span: RowRange) => void;
  loadItemAt: (index: number) => Promise<ItemSummary | undefined>;
  setMembership: (id: string, matchesQuery: boolean) => void;
  reload: () => Promise<void>;
}

/** The order a list is in: newest first (the default) or oldest first. */
export type ItemSort = 'newest' | 'oldest';

/** Pages through `api.library.list` for a query; a new query or order starts a new list. */
export function useItems(query: ItemQuery, sort: ItemSort = 'newest'): ItemList {
  const { feedId, tag, filter, query: search } = query;
  // A folder's path is a new array on every render; its key changes only with the folder.
  const folderKey = query.folder?.join('\u001f');
  const pager = useMemo(() => {
    const group = {
      ...(folderKey === undefined ? {} : { folder: folderKey.split('\u001f') }),
      ...(tag === undefined ? {} : { tag }),
    };
    return new ItemPager(
      (offset, limit) =>
        api.library.list({ feedId, ...group, filter, query: search, sort, offset, limit }),
      PAGE_SIZE,
    );
  }, [feedId, folderKey, tag, filter, search, sort]);
  const snapshot = useSyncExternalStore(pager.subscribe, pager.getSnapshot);

  // The list only asks for rows once it knows how many there are, so the first page is fetched here.
  useEffect(() => {
    pager.request({ start: 0, end: PAGE_SIZE });
  }, [pager]);

  const itemAt = useCallback((index: number) => itemAtIndex(snapshot, index), [snapshot]);
  const indexOf = useCallback((id: string) => indexOfItem(snapshot, id), [snapshot]);
  const requestRows = useCallback((span: RowRange) => pager.request(span), [pager]);
  const loadItemAt = useCallback((index: number) => pager.loadItemAt(index), [pager]);
  const setMembership = useCallback(
    (id: string, matchesQuery: boolean) => pager.setMembership(id, matchesQuery),
    [pager],
  );
  const reload = useCallback(() => pager.reload(), [pager]);

  return {
    total: snapshot.total,
    error: snapshot.error,
    search: snapshot.search,
    hiddenByMute: snapshot.hiddenByMute,
    itemAt,
    indexOf,
    requestRows,
    loadItemAt,
    setMembership,
    reload,
  };
}
