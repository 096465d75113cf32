import type { Api } from '@shared/contract';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ToastAction } from '../../ui/useToasts';
import type { ItemQuery } from './ItemSource';

/** "Older than a day / a week": the choices besides everything in the list. */
export type MarkAllReadAge = 'day' | 'week';

export interface MarkAllReadOptions {
  library: Pick<Api['library'], 'markAllRead' | 'undoMarkAllRead'>;
  /** What the list shows now (its source, a typed search, "Unread only"). */
  query: ItemQuery;
  /** Many items changed in the backend at once: counts, the list and the reader load again. */
  onChanged: () => void;
  onNews: (message: string, action?: ToastAction) => void;
  onFailure: (message: string) => void;
}

const AGE_PHRASES: Record<MarkAllReadAge, string> = {
  day: ' older than a day',
  week: ' older than a week',
};

function itemsPhrase(count: number): string {
  return `${count.toLocaleString()} ${count === 1 ? 'item' : 'items'}`;
}

/**
 * "Mark all as read" for the list on screen, in the backend in one call, reported in a toast
 * with an Undo that puts back exactly the items it marked.
 */
export function useMarkAllRead({
  library,
  query,
  onChanged,
  onNews,
  onFailure,
}: MarkAllReadOptions) {
  const [busy, setBusy] = useState(false);
  // The latest query, read when the user acts, so a callback made earlier never marks a list
  // the user has since left.
  const latestQuery = useRef(query);
  useEffect(() => {
    latestQuery.current = query;
  }, [query]);

  const undo = useCallback(
    async (undoToken: string) => {
      const result = await library.undoMarkAllRead({ undoToken });
      if (!result.ok) {
        onFailure(`The items could not be marked unread again. ${result.message}`);
        return;
      }
      onChanged();
      onNews(`${itemsPhrase(result.value.restored)} marked unread again.`);
    },
    [library, onChanged, onNews, onFailure],
  );

  /** Marks the list on screen, or another source's (from its context menu). */
  const markAllRead = useCallback(
    async (olderThan: MarkAllReadAge | null, of?: ItemQuery) => {
      setBusy(true);
      try {
        const { feedId, folder, tag, filter, query: search } = of ?? latestQuery.current;
        const result = await library.markAllRead({
          filter,
          ...(feedId === undefined ? {} : { feedId }),
          ...(folder === undefined ? {} : { folder }),
          ...(tag === undefined ? {} : { tag }),
          ...(search === undefined || search === '' ? {} : { query: search }),
          ...(olderThan === null ? {} : { olderThan }),
        });
        if (!result.ok) {
          onFailure(`The items could not be marked as read. ${result.message}`);
          return;
        }
        const age = olderThan === null ? '' : AGE_PHRASES[olderThan];
        const { marked, undoToken } = result.value;
        if (marked === 0 || undoToken === null) {
          onNews(`There are no unread items${age} in this list.`);
          return;
        }
        onChanged();
        onNews(`${itemsPhrase(marked)}${age} marked as read.`, {
          label: 'Undo',
          run: () => void undo(undoToken),
        });
      } finally {
        setBusy(false);
      }
    },
    [library, onChanged, onNews, onFailure, undo],
  );

  return { markAllRead, busy };
}
