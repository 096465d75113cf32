import type { CatalogueEntry } from '@shared/contract';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../ipc/api';

/** The starter catalogue: loading, loaded, or failed with a message. */
export type CatalogueState =
  | { status: 'loading' }
  | { status: 'ready'; entries: readonly CatalogueEntry[] }
  | { status: 'failed'; message: string };

/** Loads the bundled catalogue, and marks entries subscribed as the user picks them. */
export function useCatalogue() {
  const [state, setState] = useState<CatalogueState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    void api.sources.catalogue().then((result) => {
      if (!current) return;
      setState(
        result.ok
          ? { status: 'ready', entries: result.value }
          : { status: 'failed', message: result.message },
      );
    });
    return () => {
      current = false;
    };
  }, [attempt]);

  const retry = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((count) => count + 1);
  }, []);

  const markSubscribed = useCallback((id: string) => {
    setState((current) =>
      current.status === 'ready'
        ? {
            ...current,
            entries: current.entries.map((entry) =>
              entry.id === id ? { ...entry, subscribed: true } : entry,
            ),
          }
        : current,
    );
  }, []);

  return { state, retry, markSubscribed };
}
