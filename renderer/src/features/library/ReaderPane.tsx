import { EmptyState } from '../../ui/EmptyState';
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
}

/** The right pane: the selected item, or what to do when nothing is selected. */
export function ReaderPane({
  state,
  flagsOf,
  now,
  onToggleRead,
  onToggleStar,
  onOpenItem,
}: ReaderPaneProps) {
  return (
    <article
      className="pane reader-pane"
      aria-label="Reader"
      aria-busy={state.status === 'loading'}
    >
      {state.status === 'none' ? (
        <EmptyState title="Nothing selected">
          <p>Choose an item in the list to read it here.</p>
          <p className="shortcut-hint">
            <kbd>j</kbd> <kbd>k</kbd> next and previous · <kbd>m</kbd> read or unread · <kbd>s</kbd>{' '}
            star · <kbd>o</kbd> open in browser · <kbd>r</kbd> refresh all
          </p>
        </EmptyState>
      ) : state.status === 'loading' ? (
        <p className="pane-loading">Opening…</p>
      ) : state.status === 'failed' ? (
        <div className="pane-problem" role="alert">
          <p>This item could not be opened. {state.message}</p>
        </div>
      ) : (
        <ItemReader
          key={state.item.id}
          item={state.item}
          flags={flagsOf(state.item)}
          now={now}
          onToggleRead={onToggleRead}
          onToggleStar={onToggleStar}
          onOpenItem={onOpenItem}
        />
      )}
    </article>
  );
}
