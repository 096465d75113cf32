import type { FeedRefreshOutcome, FeedSummary, Result } from '@shared/contract';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../../ipc/api';
import type { FeedSettingsChanges } from './feedSettingsDraft';

/** Counts the smart views show. */
export interface LibraryTotals {
  all: number;
  unread: number;
  starred: number;
}

/** A change to the counts of one feed, e.g. -1 unread after opening an item. */
export interface CountChange {
  unread?: number;
  starred?: number;
}

interface FeedsState {
  status: 'loading' | 'ready' | 'failed';
  feeds: readonly FeedSummary[];
  /** The contract has no per-feed starred count, so the Starred view's total is kept apart. */
  starredCount: number;
  error: string | null;
}

/** Subscriptions and the counts the sources pane shows, kept current by optimistic changes. */
export function useFeeds() {
  const [state, setState] = useState<FeedsState>({
    status: 'loading',
    feeds: [],
    starredCount: 0,
    error: null,
  });
  const latestLoad = useRef(0);

  const reload = useCallback(async () => {
    latestLoad.current += 1;
    const load = latestLoad.current;
    const [feeds, starred] = await Promise.all([
      api.feeds.list(),
      api.library.list({ filter: 'starred', limit: 1 }),
    ]);
    // A slower, older answer must not overwrite a newer one.
    if (load !== latestLoad.current) return;
    setState((current) => {
      if (!feeds.ok) {
        return {
          ...current,
          status: current.status === 'ready' ? 'ready' : 'failed',
          error: feeds.message,
        };
      }
      return {
        status: 'ready',
        feeds: feeds.value,
        starredCount: starred.ok ? starred.value.total : current.starredCount,
        error: null,
      };
    });
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  const subscribe = useCallback(async (url: string) => {
    const result = await api.feeds.add({ url });
    if (result.ok) {
      const added = result.value;
      setState((current) => ({
        ...current,
        feeds: [...current.feeds.filter((feed) => feed.id !== added.id), added].sort(byTitle),
      }));
    }
    return result;
  }, []);

  const unsubscribe = useCallback(
    async (id: string): Promise<Result<{ id: string }, string>> => {
      const result = await api.feeds.remove({ id });
      if (result.ok) {
        setState((current) => ({
          ...current,
          feeds: current.feeds.filter((feed) => feed.id !== id),
        }));
        // Starred items of the feed went with it; only the backend knows how many.
        void reload();
      }
      return result;
    },
    [reload],
  );

  /** Saves a feed's settings and shows the feed as the backend stored it. */
  const update = useCallback(async (id: string, changes: FeedSettingsChanges) => {
    const result = await api.feeds.update({ id, ...changes });
    if (result.ok) {
      const updated = result.value;
      setState((current) => ({
        ...current,
        feeds: current.feeds.map((feed) => (feed.id === updated.id ? updated : feed)).sort(byTitle),
      }));
    }
    return result;
  }, []);

  const changeCounts = useCallback((feedId: string, change: CountChange) => {
    setState((current) => ({
      ...current,
      starredCount: Math.max(0, current.starredCount + (change.starred ?? 0)),
      feeds: current.feeds.map((feed) =>
        feed.id === feedId && change.unread
          ? { ...feed, unreadCount: Math.max(0, feed.unreadCount + change.unread) }
          : feed,
      ),
    }));
  }, []);

  /** Shows one feed's refresh result at once; the full reload after the run corrects the rest. */
  const applyRefreshOutcome = useCallback((outcome: FeedRefreshOutcome) => {
    setState((current) => ({
      ...current,
      feeds: current.feeds.map((feed) =>
        feed.id === outcome.feedId
          ? {
              ...feed,
              lastError: outcome.error,
              // A success ends the back-off; a failure's new retry time comes with the reload.
              consecutiveFailures: outcome.error ? feed.consecutiveFailures : 0,
              itemCount: feed.itemCount + outcome.newItems,
              unreadCount: feed.unreadCount + outcome.newItems,
            }
          : feed,
      ),
    }));
  }, []);

  const totals = useMemo<LibraryTotals>(
    () => ({
      all: state.feeds.reduce((sum, feed) => sum + feed.itemCount, 0),
      unread: state.feeds.reduce((sum, feed) => sum + feed.unreadCount, 0),
      starred: state.starredCount,
    }),
    [state.feeds, state.starredCount],
  );

  return {
    status: state.status,
    feeds: state.feeds,
    error: state.error,
    totals,
    reload,
    subscribe,
    unsubscribe,
    update,
    changeCounts,
    applyRefreshOutcome,
  };
}

/** Everything `useFeeds` returns. */
export type Feeds = ReturnType<typeof useFeeds>;

function byTitle(a: FeedSummary, b: FeedSummary): number {
  return a.title.localeCompare(b.title, undefined, { sensitivity: 'base' });
}
