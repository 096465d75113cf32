import type { FeedRefreshOutcome } from '@shared/contract';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../ipc/api';

/** What the last refresh run started from this window brought. */
export interface RefreshSummary {
  feeds: number;
  newItems: number;
  failed: number;
}

/** Where a refresh run is: idle, or running with the feeds finished so far when known. */
export type RefreshState =
  | { running: false; lastRun: RefreshSummary | null }
  | { running: true; done: number | null; total: number | null; lastRun: RefreshSummary | null };

export interface RefreshHandlers {
  /** One feed finished (from any run, including a scheduled one). */
  onOutcome: (outcome: FeedRefreshOutcome) => void;
  /** A run finished: time to reload lists and counts. */
  onFinished: () => void;
  /** The run could not start or failed as a whole. */
  onFailure: (message: string) => void;
}

/**
 * Refresh-all and its progress. Progress comes from `feeds.onDidRefresh`, so runs this window did
 * not start (a scheduled refresh) show up too.
 */
export function useRefreshProgress(handlers: RefreshHandlers) {
  const [requested, setRequested] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [lastRun, setLastRun] = useState<RefreshSummary | null>(null);
  const handlersRef = useRef(handlers);
  const inRun = useRef(false);
  const finishAnnounced = useRef(false);

  useEffect(() => {
    handlersRef.current = handlers;
  }, [handlers]);

  useEffect(
    () =>
      api.feeds.onDidRefresh((event) => {
        handlersRef.current.onOutcome(event.outcome);
        if (event.done >= event.total) {
          setProgress(null);
          finishAnnounced.current = true;
          handlersRef.current.onFinished();
        } else {
          setProgress({ done: event.done, total: event.total });
        }
      }),
    [],
  );

  const refreshAll = useCallback(async () => {
    if (inRun.current) return;
    inRun.current = true;
    finishAnnounced.current = false;
    setRequested(true);
    const result = await api.feeds.refresh({});
    inRun.current = false;
    setRequested(false);
    setProgress(null);
    if (!result.ok) {
      handlersRef.current.onFailure(result.message);
      return;
    }
    setLastRun({
      feeds: result.value.length,
      newItems: result.value.reduce((sum, outcome) => sum + outcome.newItems, 0),
      failed: result.value.filter((outcome) => outcome.error !== null).length,
    });
    // Events can be lost or late (over HTTP they travel apart from the answer); reload anyway.
    if (!finishAnnounced.current) handlersRef.current.onFinished();
  }, []);

  const state: RefreshState =
    requested || progress !== null
      ? { running: true, done: progress?.done ?? null, total: progress?.total ?? null, lastRun }
      : { running: false, lastRun };

  return { state, refreshAll };
}
