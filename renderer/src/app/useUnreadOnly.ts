import { useCallback } from 'react';
import type { ItemQuery } from '../features/library/ItemSource';
import { useRememberedState } from '../features/annotations/useRememberedState';

const STATES = ['all', 'unread'] as const;

export interface UnreadOnly {
  /** Whether lists of every item (a feed, All items, a search) show only the unread ones. */
  on: boolean;
  toggle: () => void;
  /** The query narrowed to unread items when it lists every item and the toggle is on. */
  apply: (query: ItemQuery) => ItemQuery;
}

/**
 * The "Unread only" toggle (`u`), remembered between starts. It narrows lists of every item; the
 * Unread and Starred views, and searches kept with their own filter, are left as they are.
 */
export function useUnreadOnly(): UnreadOnly {
  const [state, setState] = useRememberedState('rounds.list.show', STATES, 'all');
  const on = state === 'unread';
  const toggle = useCallback(() => setState(on ? 'all' : 'unread'), [on, setState]);
  const apply = useCallback(
    (query: ItemQuery): ItemQuery =>
      on && query.filter === 'all' ? { ...query, filter: 'unread' } : query,
    [on],
  );
  return { on, toggle, apply };
}
