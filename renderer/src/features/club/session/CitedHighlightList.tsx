import type { ChecklistAnswer, SessionMemberView } from '@shared/contract';
import { citedHighlights, highlightName } from './highlightText';

export interface CitedHighlightListProps {
  answer: ChecklistAnswer;
  /** Who gave the answer: their ids are read against their own highlights. */
  member: SessionMemberView;
  className?: string;
}

/** The passages a member cited for an answer, under it; nothing when they cited none. */
export function CitedHighlightList({ answer, member, className }: CitedHighlightListProps) {
  const { found, missing } = citedHighlights(answer, member);
  if (found.length === 0 && missing === 0) return null;
  return (
    <ul className={className ?? 'club-cited'} aria-label={`Highlights ${member.name} cited`}>
      {found.map((highlight) => (
        <li key={highlight.annotationId}>{highlightName(highlight)}</li>
      ))}
      {missing > 0 ? (
        <li className="club-muted">
          {missing === 1
            ? 'One cited highlight is not in this session.'
            : `${missing} cited highlights are not in this session.`}
        </li>
      ) : null}
    </ul>
  );
}
