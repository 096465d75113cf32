import type { ItemDetail } from '@shared/contract';
import { EmptyState } from '../../ui/EmptyState';
import type { AnnotationsClient } from '../annotations/annotationsClient';
import type { ShareClient } from '../share/composer/shareClient';
import type { ItemFlags, FlaggedItem } from './ItemFlagStore';
import { ItemReader } from './ItemReader';
import type { ItemState } from './useItem';

export interface ReaderPaneProps {
  state: ItemState;
  flagsOf: (item: FlaggedItem) => ItemFlags;
  now: Date;
  onToggleRead: () => void;
  onToggleStar: () => void;
  onOpenItem: (itemId: string) => void;
  /** The annotations service, for highlights and notes on the open item. */
  annotations?: AnnotationsClient;
  /** Starts a journal club session on the open paper ("Discuss at journal club"). */
  onDiscussAtClub?: (item: ItemDetail) => void;
  /** Starts a summary of the open paper ("Write summary"). */
  onWriteSummary?: (item: ItemDetail) => void;
  /** The share service, for the open paper's retraction and correction notices. */
  share?: ShareClient;
}

/** The right pane: the selected item, or what to do when nothing is selected. */
export function ReaderPane({
  state,
  flagsOf,
  now,
  onToggleRead,
  onToggleStar,
  onOpenItem,
  annotations,
  onDiscussAtClub,
  onWriteSummary,
  share,
}: ReaderPaneProps) {
  // The reading area is the "Reader" article; the item's highlights panel sits beside it in the
  // same pane (ItemReader renders both), outside the paper's own content.
  return (
    <div className="pane reader-pane">
      {state.status === 'ready' ? (
        <ItemReader
          key={state.item.id}
          item={state.item}
          flags={flagsOf(state.item)}
          now={now}
          onToggleRead={onToggleRead}
          onToggleStar={onToggleStar}
          onOpenItem={onOpenItem}
          annotations={annotations}
          share={share}
          onDiscussAtClub={
            onDiscussAtClub === undefined ? undefined : () => onDiscussAtClub(state.item)
          }
          onWriteSummary={
            onWriteSummary === undefined ? undefined : () => onWriteSummary(state.item)
          }
        />
      ) : (
        <article
          className="reader-article"
          aria-label="Reader"
          aria-busy={state.status === 'loading'}
        >
          {state.status === 'none' ? (
            <EmptyState title="Nothing selected">
              <p>Choose an item in the list to read it here.</p>
              <p className="shortcut-hint">
                <kbd>j</kbd> <kbd>k</kbd> next and previous · <kbd>m</kbd> read or unread ·{' '}
                <kbd>s</kbd> star · <kbd>o</kbd> open in browser · <kbd>r</kbd> refresh all ·{' '}
                <kbd>?</kbd> every shortcut
              </p>
            </EmptyState>
          ) : state.status === 'loading' ? (
            <p className="pane-loading">Opening…</p>
          ) : (
            <div className="pane-problem" role="alert">
              <p>This item could not be opened. {state.message}</p>
            </div>
          )}
        </article>
      )}
    </div>
  );
}
