import type { SessionView } from '@shared/contract';
import { useId } from 'react';

/** "Papers": what the session reads, each opened in the reader when it is in the library. */
export function PapersSection({
  view,
  onOpenItem,
}: {
  view: SessionView;
  onOpenItem: (itemId: string) => void;
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
          </li>
        ))}
      </ul>
    </section>
  );
}
