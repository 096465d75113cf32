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
