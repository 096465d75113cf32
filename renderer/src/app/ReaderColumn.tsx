import type { ReactNode } from 'react';
import { ReadingSettingsMenu } from './ReadingSettingsMenu';
import { useReadingSettings } from './useReadingSettings';

export interface ReaderColumnProps {
  /** Shown where the reader takes the whole window, to go back to the list. */
  onBack: (() => void) | null;
  /**
   * The paper the open item was reached from ("Read here" on a colleague's post), with the way
   * back to it; null when the item was chosen from the list.
   */
  cameFrom?: { title: string; goBack: () => void } | null;
  /** The reader pane. */
  children: ReactNode;
}

/**
 * The reader with its toolbar above it: a Back button when the reader is the only pane, and the
 * "Aa" reading settings, which the column carries as data attributes for reader.css to apply.
 */
export function ReaderColumn({ onBack, cameFrom = null, children }: ReaderColumnProps) {
  const settings = useReadingSettings();
  return (
    <div
      className="reader-column"
      data-text-size={settings.textSize}
      data-typeface={settings.typeface}
      data-line-width={settings.lineWidth}
    >
      <div className="reader-toolbar" role="toolbar" aria-label="Reading">
        {onBack !== null ? (
          <button type="button" className="button button-quiet reader-back" onClick={onBack}>
            <span aria-hidden="true">←</span> Back to list
          </button>
        ) : null}
        {cameFrom !== null ? (
          <button
            type="button"
            className="button button-quiet reader-came-from"
            title={cameFrom.title}
            onClick={cameFrom.goBack}
          >
            <span aria-hidden="true">←</span> Back to “{cameFrom.title}”
          </button>
        ) : null}
        <ReadingSettingsMenu settings={settings} />
      </div>
      {children}
    </div>
  );
}
