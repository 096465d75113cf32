import { useId, type ButtonHTMLAttributes, type ReactNode } from 'react';
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
  /**
   * Said after the name, e.g. " tag", so a tag or folder never shares its name with a feed; not
   * drawn.
   */
  kindLabel?: string;
  /** A dragged feed is held over it, ready to be dropped (a folder's row): highlighted. */
  dropTarget?: boolean;
  /** What else the row does: its context menu, dragging a feed. */
  buttonProps?: Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type' | 'className' | 'onClick'>;
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
  kindLabel,
  dropTarget = false,
  buttonProps,
  onSelect,
}: SourceButtonProps) {
  const descriptionId = useId();
  const problemText = problem
    ? [`Last refresh failed: ${withoutFinalStop(problem)}`, retry].filter(Boolean)
    : [];
  return (
    <button
      {...buttonProps}
      type="button"
      className={dropTarget ? 'source-button is-drop-target' : 'source-button'}
      aria-current={selected ? 'page' : undefined}
      aria-describedby={descriptionId}
      onClick={onSelect}
    >
      {icon !== null ? (
        <span className="source-icon" aria-hidden="true">
          {icon}
        </span>
      ) : null}
      {/* A long name is cut short with an ellipsis; the tooltip shows it whole. */}
      <span className="source-name" title={label}>
        <FeedText text={label} />
        {kindLabel ? <span className="visually-hidden">{kindLabel}</span> : null}
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
