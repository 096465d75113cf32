import { useEffect, useRef } from 'react';
import type { PapersClient } from './usePaperAdditions';

export interface PendingLookupHandlers {
  /** Papers were filled in or marked not found: the list and counts are out of date. */
  onLibraryChanged: () => void;
  onNews: (message: string) => void;
  onFailure: (message: string) => void;
}

/**
 * Listens for DOIs added offline being settled: the list is refreshed, filled-in papers are
 * mentioned, and each DOI Crossref does not know is reported once, whatever the event repeats.
 */
export function usePendingLookupReports(
  papers: PapersClient,
  handlers: PendingLookupHandlers,
): void {
  const handlersRef = useRef(handlers);
  useEffect(() => {
    handlersRef.current = handlers;
  }, [handlers]);
  const reported = useRef(new Set<string>());

  useEffect(
    () =>
      papers.onPendingLookupsSettled(({ filled, notFound }) => {
        const { onLibraryChanged, onNews, onFailure } = handlersRef.current;
        onLibraryChanged();
        if (filled.length === 1) onNews(`Details fetched for “${filled[0]?.title}”.`);
        else if (filled.length > 1) onNews(`Details fetched for ${filled.length} papers.`);
        for (const { itemId, message } of notFound) {
          if (reported.current.has(itemId)) continue;
          reported.current.add(itemId);
          onFailure(message);
        }
      }),
    [papers],
  );
}
