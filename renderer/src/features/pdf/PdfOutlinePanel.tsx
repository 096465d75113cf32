import type { PdfOutlineEntry } from '@shared/domain/pdf/PdfText';
import type { CSSProperties } from 'react';

export interface PdfOutlinePanelProps {
  id: string;
  outline: readonly PdfOutlineEntry[];
  onGoToPage(page: number): void;
}

/** The PDF's bookmarks; choosing one shows its page. */
export function PdfOutlinePanel({ id, outline, onGoToPage }: PdfOutlinePanelProps) {
  return (
    <nav id={id} className="pdf-outline" aria-label="Outline">
      <ul>
        {outline.map((entry, index) => (
          <li key={index} style={{ '--outline-depth': entry.depth } as CSSProperties}>
            <button
              type="button"
              className="pdf-outline-entry"
              onClick={() => onGoToPage(entry.page)}
            >
              <bdi>{entry.title}</bdi>
              <span className="pdf-outline-page" aria-label={`page ${entry.page}`}>
                {entry.page}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
