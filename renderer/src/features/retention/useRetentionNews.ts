import type { RetentionRun } from '@shared/contract';
import { useEffect, useRef } from 'react';
import type { RetentionClient } from './retentionChoices';

export interface RetentionNewsHandlers {
  onNews: (message: string) => void;
  /** Items were removed: sources, counts and the list are out of date. */
  onLibraryChanged: () => void;
}

/**
 * Tells the news of the retention policy's background runs: the one that removes items while
 * the window is open, and one that did before it opened (a run right after start-up). Each is
 * told once: the backend is told it was shown. "Apply now" tells its own result in its dialog.
 * This is news, not an error to report: if the backend cannot answer, a run not yet told stays
 * unacknowledged and is told next time, and the dialog says what went wrong when opened.
 */
export function useRetentionNews(retention: RetentionClient, handlers: RetentionNewsHandlers) {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });

  useEffect(() => {
    let current = true;
    const told = new Set<string>();
    const tell = (run: RetentionRun) => {
      if (run.trigger !== 'background' || run.removed === 0 || told.has(run.at)) return;
      told.add(run.at);
      latest.current.onNews(run.message);
      void retention.acknowledgeRun({ at: run.at });
    };
    const unsubscribe = retention.onDidExpire((run) => {
      if (run.trigger === 'background') latest.current.onLibraryChanged();
      tell(run);
    });
    void retention.policy().then((result) => {
      if (!current || !result.ok) return;
      const { lastRun } = result.value;
      if (lastRun !== null && !lastRun.acknowledged) tell(lastRun);
    });
    return () => {
      current = false;
      unsubscribe();
    };
  }, [retention]);
}
