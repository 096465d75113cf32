import type { SearchIndexState } from '@shared/contract';
import { useEffect } from 'react';

/** How often the list asks again while the search index is being built. */
const ASK_AGAIN_MS = 2_000;

export interface SearchIndexProgressProps {
  index: Exclude<SearchIndexState, { state: 'ready' }>;
  /** Runs the search again (the list's reload). */
  onAskAgain: () => void;
}

/**
 * Shown instead of search results while the search index is being built or rebuilt, so the list
 * never presents a partial index's answer as complete; it asks again until the index is ready.
 */
export function SearchIndexProgress({ index, onAskAgain }: SearchIndexProgressProps) {
  useEffect(() => {
    const timer = setTimeout(onAskAgain, ASK_AGAIN_MS);
    return () => clearTimeout(timer);
  }, [index, onAskAgain]);
  const what =
    index.state === 'rebuilding'
      ? 'The search index was damaged and is being rebuilt from your library.'
      : 'Search is getting ready: Rounds is indexing your library for the first time.';
  const progress =
    index.total > 0
      ? ` ${index.indexed.toLocaleString()} of ${index.total.toLocaleString()} items done.`
      : '';
  return (
    <div className="pane-problem" role="status">
      <p>
        {what}
        {progress} Results will appear here when it is done.
      </p>
    </div>
  );
}
