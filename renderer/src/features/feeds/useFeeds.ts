import type { FeedRefreshOutcome, FeedSummary, LibraryCounts, Result } from '@shared/contract';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../ipc/api';
import { applyCountChange, type CountChange, type CountedItem } from './applyCountChange';
import type { FeedSettingsChanges } from './feedSettingsDraft';

interface FeedsState {
  status: 'loading' | 'ready' | 'failed';
  feeds: readonly FeedSummary[];
  /**
   * The smart views' counts as the backend keeps them: summing the feeds' counts would count a
   * paper once per feed carrying it.
   */
  totals: LibraryCounts;
  error: string | null;
}

/**
 * Subscriptions and the counts the sources pane shows. Changes show at once as estimates; the
 * reload that follows every change (see `reload`) replaces them with the backend's counts.
 */
export function useFeeds() {
  const [state, setState] = useState<FeedsState>({
    status: 'loading',
    feeds: [],
    totals: { all: 0, unread: 0, starred: 0 },
    error: null,
  });
  const latestLoad = useRef(0);

  /** Fetches the feeds and the smart views' counts; call it once a change has settled. */
  const reload = useCallback(async () => {
    latestLoad.current += 1;
    const load = latestLoad.current;
    const [feeds, counts] = await Promise.all([api.feeds.list(), api.library.counts()]);
    // A slower, older answer must not overwrite a newer one, nor a change made since it was asked.
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
        totals: counts.ok ? counts.value : current.totals,
        error: null,
      };
    });
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  const subscribe = useCallback(
    async (url: string) => {
      const result = await api.feeds.add({ url });
      if (result.ok) {
        const added = result.value;
        setState((current) => ({
          ...current,
          feeds: [...current.feeds.filter((feed) => feed.id !== added.id), added].sort(byTitle),
        }));
        // The new feed's papers may already be in the library from other feeds.
        void reload();
      }
      return result;
    },
    [reload],
  );

  const unsubscribe = useCallback(
    async (id: string): Promise<Result<{ id: string }, string>> => {
      const result = await api.feeds.remove({ id });
      if (result.ok) {
        setState((current) => ({
          ...current,
          feeds: current.feeds.filter((feed) => feed.id !== id),
        }));
        // The feed's items left the smart views too; only the backend knows how many.
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

  /**
   * Shows a read or star change at once, on every feed carrying the item's paper. The caller
   * reloads once the change is saved (or rolled back), so an answer already on its way, which
   * predates the change, is dropped rather than undoing it on screen for a moment.
   */
  const changeCounts = useCallback((item: CountedItem, change: CountChange) => {
    latestLoad.current += 1;
    setState((current) => ({ ...current, ...applyCountChange(current, item, change) }));
  }, []);

  /**
   * Shows one feed's refresh result at once. The smart views grow by the new items too, an
   * overestimate when some are papers already listed from another feed, which the reload after
   * the run corrects.
   */
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
      totals: {
        ...current.totals,
        all: current.totals.all + outcome.newItems,
        unread: current.totals.unread + outcome.newItems,
      },
    }));
  }, []);

  return {
    status: state.status,
    feeds: state.feeds,
    error: state.error,
    totals: state.totals,
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
