import type { SessionView } from '@shared/contract/club';
import type { DraftIngredients } from './composeDraft';
import type { HandoutHighlight } from './summary';
import { summaryPaperOf } from './summaryPaper';

/** What a session gives a first draft (everything but the source and the disclosure). */
export type SessionIngredients = Omit<DraftIngredients, 'source' | 'disclosure'>;

/**
 * The makings of a summary of one paper of a session: the club's appraisal of it, every member's
 * highlights on it (with who made them), the bottom line, the vote, and the presenter's notes and
 * the discussion as the handout's notes. Null when the session does not hold that paper.
 */
export function sessionIngredients(
  view: SessionView,
  paperId: string,
  paperLink: string | null,
): SessionIngredients | null {
  const paper = view.papers.find((candidate) => candidate.paperId === paperId);
  if (!paper) return null;
  const highlights: HandoutHighlight[] = view.members.flatMap((member) =>
    member.highlights
      .filter((highlight) => highlight.paperId === paperId)
      .map((highlight) => ({
        quote: highlight.quote,
        comment: highlight.note.trim() === '' ? null : highlight.note,
        by: member.name,
      })),
  );
  const notes = [view.presenterNotes, view.discussionText]
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .join('\n\n');
  return {
    paper: summaryPaperOf({
      itemId: paper.itemId,
      title: paper.title,
      authors: paper.authors,
      journal: paper.journal,
      year: paper.year,
      doi: paper.doi,
      link: paperLink,
    }),
    sessionTitle: view.metadata.title,
    club: { clubId: view.clubId, name: view.clubName, hashtag: view.hashtag },
    highlights,
    appraisal: paper.appraisal,
    bottomLine: view.bottomLine,
    tally: view.tally,
    notes,
  };
}
