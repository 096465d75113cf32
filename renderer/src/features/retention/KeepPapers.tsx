import type { FeedSummary } from '@shared/contract';
import { useState } from 'react';
import { RetentionDialog } from './RetentionDialog';
import type { RetentionClient } from './retentionChoices';
import { useRetentionNews } from './useRetentionNews';
import './retention.css';

export interface KeepPapersProps {
  retention: RetentionClient;
  /** The subscriptions, for rules of their own. */
  feeds: readonly FeedSummary[];
  /** Items were removed: sources, counts and the list are out of date. */
  onLibraryChanged: () => void;
  onNews: (message: string) => void;
}

/**
 * "Keep papers…": the button that opens the retention settings, and the news of what the policy
 * removed in the background. One component, so the window places one element.
 */
export function KeepPapers({ retention, feeds, onLibraryChanged, onNews }: KeepPapersProps) {
  const [open, setOpen] = useState(false);
  useRetentionNews(retention, { onNews, onLibraryChanged });

  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)}>
        Keep papers…
      </button>
      {open ? (
        <RetentionDialog
          retention={retention}
          feeds={feeds}
          onLibraryChanged={onLibraryChanged}
          onClose={() => setOpen(false)}
        />
      ) : null}
    </>
  );
}
