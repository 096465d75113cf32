import { useId, type ReactNode } from 'react';
import { FeedText } from '../../ui/FeedText';

export interface SourceButtonProps {
  /** The source's name; it is the button's whole accessible name. */
  label: string;
  count: number;
  /** How the count reads aloud, e.g. "12 unread". */
  countDescription: string;
  selected: boolean;
  /** Why the feed's last refresh failed, shown as a badge with the message as its tooltip. */
  problem?: string | null;
  /** When a failing feed will be tried again, e.g. "Retrying at 14:30". */
  retry?: string | null;
  /** A glyph before the name that sets a kind of source apart (decorative: not read aloud). */
  icon?: ReactNode;
  onSelect: () => void;
}

/**
 * One row of the sources pane. The count and the error badge are described rather than named,
 * so the button is called exactly what the source is called.
 */
export function SourceButton({
  label,
  count,
  countDescription,
  selected,
  problem,
  retry,
  icon = null,
  onSelect,
}: SourceButtonProps) {
  const descriptionId = useId();
  const problemText = problem
    ? [`Last refresh failed: ${withoutFinalStop(problem)}`, retry].filter(Boolean)
    : [];
  return (
    <button
      type="button"
      className="source-button"
      aria-current={selected ? 'page' : undefined}
      aria-describedby={descriptionId}
      onClick={onSelect}
    >
      {icon !== null ? (
        <span className="source-icon" aria-hidden="true">
          {icon}
        </span>
      ) : null}
      <span className="source-name">
        <FeedText text={label} />
      </span>
      {problem ? (
        <span className="feed-error-badge" title={problemText.join('. ')} aria-hidden="true">
          !
        </span>
      ) : null}
      <span className="source-count" aria-hidden="true">
        {count > 0 ? count.toLocaleString() : ''}
      </span>
      <span id={descriptionId} hidden>
        {[countDescription, ...problemText].join('. ')}
      </span>
    </button>
  );
}

// The parts are joined into sentences, and backend messages usually end with their own stop.
function withoutFinalStop(text: string): string {
  return text.replace(/[.\s]+$/, '');
}
