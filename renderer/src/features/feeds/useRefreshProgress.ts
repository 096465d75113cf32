import type { FeedRefreshOutcome } from '@shared/contract';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../ipc/api';

/** What the last refresh run started from this window brought. */
export interface RefreshSummary {
  feeds: number;
  newItems: number;
  failed: number;
  /** The user stopped the run; feeds not reached wait for the next one. */
  cancelled: boolean;
}

/** Where a refresh run is: idle, or running with the feeds finished so far when known. */
export type RefreshState =
  | { running: false; lastRun: RefreshSummary | null }
  | {
      running: true;
      done: number | null;
      total: number | null;
      /** The one feed this window asked to refresh, or null for all feeds or a scheduled run. */
      feedId: string | null;
      /** Cancel was pressed and the backend is finishing the feeds already started. */
      cancelling: boolean;
      lastRun: RefreshSummary | null;
    };

export interface RefreshHandlers {
  /** One feed finished (from any run, including a scheduled one). */
  onOutcome: (outcome: FeedRefreshOutcome) => void;
  /** A run finished or was cancelled: time to reload lists and counts. */
  onFinished: () => void;
  /** The run could not start, failed as a whole, or could not be cancelled. */
  onFailure: (message: string) => void;
}

/**
 * Refresh-all, refresh-one, cancelling, and their progress. Progress comes from
 * `feeds.onDidRefresh`, so runs this window did not start (a scheduled refresh) show up too.
 */
export function useRefreshProgress(handlers: RefreshHandlers) {
  const [requested, setRequested] = useState<{ feedId: string | null } | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const [lastRun, setLastRun] = useState<RefreshSummary | null>(null);
  const handlersRef = useRef(handlers);
  const inRun = useRef(false);
  const finishAnnounced = useRef(false);
  const cancelRequested = useRef(false);

  useEffect(() => {
    handlersRef.current = handlers;
  }, [handlers]);

  useEffect(
    () =>
      api.feeds.onDidRefresh((event) => {
        handlersRef.current.onOutcome(event.outcome);
        if (event.done >= event.total) {
          setProgress(null);
          setCancelling(false);
          finishAnnounced.current = true;
          handlersRef.current.onFinished();
        } else {
          setProgress({ done: event.done, total: event.total });
        }
      }),
    [],
  );

  const run = useCallback(async (feedId: string | null) => {
    if (inRun.current) return;
    inRun.current = true;
    finishAnnounced.current = false;
    cancelRequested.current = false;
    setRequested({ feedId });
    const result = await api.feeds.refresh(feedId === null ? {} : { id: feedId });
    inRun.current = false;
    setRequested(null);
    setProgress(null);
    setCancelling(false);
    if (!result.ok) {
      handlersRef.current.onFailure(result.message);
      return;
    }
    setLastRun({
      feeds: result.value.length,
      newItems: result.value.reduce((sum, outcome) => sum + outcome.newItems, 0),
      failed: result.value.filter((outcome) => outcome.error !== null).length,
      cancelled: cancelRequested.current,
    });
    // Events can be lost or late (over HTTP they travel apart from the answer); reload anyway.
    if (!finishAnnounced.current) handlersRef.current.onFinished();
  }, []);

  const refreshAll = useCallback(() => run(null), [run]);
  const refreshFeed = useCallback((feedId: string) => run(feedId), [run]);

  const cancel = useCallback(async () => {
    cancelRequested.current = true;
    setCancelling(true);
    const result = await api.feeds.cancelRefresh();
    if (!result.ok) {
      setCancelling(false);
      handlersRef.current.onFailure(result.message);
      return;
    }
    // A run this window did not start (a scheduled one) sends no answer and, once cancelled, no
    // last event either: nothing else would take its progress bar down.
    if (!inRun.current) {
      setProgress(null);
      setCancelling(false);
      if (result.value.cancelled) handlersRef.current.onFinished();
    }
  }, []);

  const state: RefreshState =
    requested !== null || progress !== null
      ? {
          running: true,
          done: progress?.done ?? null,
          total: progress?.total ?? null,
          feedId: requested?.feedId ?? null,
          cancelling,
          lastRun,
        }
      : { running: false, lastRun };

  return { state, refreshAll, refreshFeed, cancel };
}
