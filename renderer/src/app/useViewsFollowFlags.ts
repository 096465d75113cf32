import type { ItemFilter } from '@shared/contract';
import { useEffect } from 'react';
import type { Feeds } from '../features/feeds/useFeeds';
import type { ItemFlagStore } from '../features/library/ItemFlagStore';
import type { ItemList } from '../features/library/useItems';

/**
 * Keeps counts and the list in step with read and starred changes as soon as the user makes
 * them, rather than after the backend answers, and reports changes that could not be saved.
 */
export function useViewsFollowFlags(
  store: ItemFlagStore,
  feeds: Pick<Feeds, 'changeCounts' | 'reload'>,
  items: Pick<ItemList, 'setMembership'>,
  filter: ItemFilter,
  showError: (message: string) => void,
): void {
  const { changeCounts, reload: reloadFeeds } = feeds;
  const { setMembership } = items;
  useEffect(
    () =>
      store.onTransition(({ item, before, after }) => {
        const unread = before.read === after.read ? 0 : after.read ? -1 : 1;
        const starred = before.starred === after.starred ? 0 : after.starred ? 1 : -1;
        changeCounts(item, { unread, starred });
        // The pager keeps offsets right in views the change moves the item out of (or back into).
        if (filter === 'unread' && unread !== 0) setMembership(item.id, !after.read);
        if (filter === 'starred' && starred !== 0) setMembership(item.id, after.starred);
      }),
    [store, changeCounts, setMembership, filter],
  );
  // Optimistic counts are estimates; once the user's changes are saved the backend's counts win.
  useEffect(() => store.onIdle(() => void reloadFeeds()), [store, reloadFeeds]);
  useEffect(
    () =>
      store.onFailure(({ item, message }) =>
        showError(`“${item.title}” could not be updated. ${message}`),
      ),
    [store, showError],
  );
}
