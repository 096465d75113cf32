import type { DraftSource, SessionView } from '@shared/contract';
import { useId } from 'react';

/**
 * "Papers": what the session reads, each opened in the reader when it is in the library, and each
 * a summary's start ("Write summary") when the window can write one.
 */
export function PapersSection({
  view,
  onOpenItem,
  onWriteSummary,
}: {
  view: SessionView;
  onOpenItem: (itemId: string) => void;
  onWriteSummary?: (source: DraftSource) => void;
}) {
  const headingId = useId();
  return (
    <section className="club-section" aria-labelledby={headingId}>
      <h2 id={headingId}>Papers</h2>
      <ul className="club-papers">
        {view.papers.map((paper) => (
          <li key={paper.paperId} className="club-paper">
            <p className="club-paper-title">{paper.title}</p>
            <p className="club-paper-facts">
              {[
                paper.authors.join(', '),
                paper.journal,
                paper.year === null ? null : String(paper.year),
              ]
                .filter((part): part is string => part !== null && part !== '')
                .join(' · ')}
            </p>
            {paper.itemId !== null ? (
              <button
                type="button"
                className="button button-small"
                aria-label={`Read ${paper.title}`}
                onClick={() => paper.itemId !== null && onOpenItem(paper.itemId)}
              >
                Read
              </button>
            ) : (
              <p className="club-hint">Only the bundle’s details are on this computer.</p>
            )}
            {onWriteSummary !== undefined ? (
              <button
                type="button"
                className="button button-small"
                aria-label={`Write summary of ${paper.title}`}
                onClick={() =>
                  onWriteSummary({
                    kind: 'session',
                    sessionId: view.sessionId,
                    clubId: view.clubId,
                    paperId: paper.paperId,
                  })
                }
              >
                Write summary
              </button>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
