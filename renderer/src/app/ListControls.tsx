import type { ItemSort } from '../features/library/useItems';

/** The button before the list's title that shows or hides the sources pane. */
export function SourcesToggle({ shown, onToggle }: { shown: boolean; onToggle: () => void }) {
  return (
    <button
      type="button"
      className="button button-quiet button-small sources-toggle"
      aria-expanded={shown}
      title={shown ? 'Hide the sources' : 'Show the sources'}
      onClick={onToggle}
    >
      <span aria-hidden="true" className="sources-toggle-glyph">
        ☰
      </span>
      <span className="visually-hidden">Sources</span>
    </button>
  );
}

/** The "Unread only" toggle after the list's count (also `u`). */
export function UnreadOnlyToggle({ on, onToggle }: { on: boolean; onToggle: () => void }) {
  return (
    <button
      type="button"
      className="button button-quiet button-small unread-only-toggle"
      aria-pressed={on}
      onClick={onToggle}
    >
      Unread only
    </button>
  );
}

/**
 * Newest or oldest first, as a button that says the order shown and turns it round (a select's
 * options would mix with the list's own). A search lists its best matches first, so it is hidden
 * then.
 */
export function ListOrderChoice({
  order,
  onChange,
}: {
  order: ItemSort;
  onChange: (order: ItemSort) => void;
}) {
  return (
    <button
      type="button"
      className="button button-quiet button-small list-order"
      title={order === 'newest' ? 'Show the oldest items first' : 'Show the newest items first'}
      onClick={() => onChange(order === 'newest' ? 'oldest' : 'newest')}
    >
      {order === 'newest' ? 'Newest first' : 'Oldest first'}
    </button>
  );
}
