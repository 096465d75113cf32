import type { SessionView } from '@shared/contract';
import { useId } from 'react';

/** "Members' highlights": what each member marked in the papers, with their notes. */
export function HighlightsSection({ view }: { view: SessionView }) {
  const headingId = useId();
  const withHighlights = view.members.filter((member) => member.highlights.length > 0);
  const paperTitle = (paperId: string) =>
    view.papers.find((paper) => paper.paperId === paperId)?.title ?? '';
  return (
    <section className="club-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{"Members' highlights"}</h2>
      {withHighlights.length === 0 ? <p className="club-hint">No highlights shared yet.</p> : null}
      {withHighlights.map((member) => (
        <div key={member.memberId} className="club-member-highlights">
          <h3>{member.name}</h3>
          <ul className="club-highlights">
            {member.highlights.map((highlight) => (
              <li key={highlight.annotationId}>
                <blockquote className="club-quote">{highlight.quote}</blockquote>
                <p className="club-quote-source">
                  {view.papers.length > 1 ? paperTitle(highlight.paperId) : ''}
                  {view.papers.length > 1 && highlight.page !== null ? ', ' : ''}
                  {highlight.page !== null ? `page ${highlight.page}` : ''}
                </p>
                {highlight.note !== '' ? <p className="club-note">{highlight.note}</p> : null}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
