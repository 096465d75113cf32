import type { ClubProfile, Result, SessionView } from '@shared/contract';
import { sessionIngredients } from '@shared/domain/share/sessionIngredients';
import { summaryPaperOf } from '@shared/domain/share/summaryPaper';
import type { HandoutHighlight } from '@shared/domain/share/summary';
import type { AnnotationStore } from '../../services/annotations/AnnotationStore';
import type { LibraryStore } from '../../services/library/LibraryStore';
import type { DraftIngredientSource, FoundIngredients } from '../../services/share/ports';

/** What the composer needs of the club service: a session's view and the user's profile. */
export interface ClubReader {
  session(args: { sessionId: string }): Promise<Result<SessionView, string>>;
  profile(): Promise<Result<ClubProfile, string>>;
}

export interface LibraryDraftIngredientsDependencies {
  library: Pick<LibraryStore, 'getItem'>;
  annotations: Pick<AnnotationStore, 'forItem'>;
  club: ClubReader;
}

function yearOf(publishedAt: string | null | undefined): number | null {
  const year = publishedAt ? Number(publishedAt.slice(0, 4)) : Number.NaN;
  return Number.isInteger(year) ? year : null;
}

/**
 * Finds what a first draft is made of: for a paper, the library item and the user's own
 * highlights with their notes; for a session's paper, the club's record of it (appraisal, every
 * member's highlights, the bottom line, the vote, the presenter's notes and the discussion).
 */
export class LibraryDraftIngredients implements DraftIngredientSource {
  constructor(private readonly dependencies: LibraryDraftIngredientsDependencies) {}

  async forPaper(itemId: string): Promise<FoundIngredients | null> {
    const item = await this.dependencies.library.getItem(itemId);
    if (!item) return null;
    const highlights: HandoutHighlight[] = this.dependencies.annotations
      .forItem(itemId)
      .annotations.map((annotation) => ({
        quote: annotation.selectors.quote.exact,
        comment: annotation.note.trim() === '' ? null : annotation.note,
        by: null,
      }));
    return {
      paper: summaryPaperOf({
        itemId: item.id,
        title: item.title,
        authors: item.authors ?? (item.author ? [item.author] : []),
        journal: item.journal ?? null,
        year: yearOf(item.publishedAt),
        doi: item.paperIds?.doi ?? null,
        link: item.link,
      }),
      sessionTitle: null,
      club: null,
      highlights,
      appraisal: null,
      bottomLine: '',
      tally: null,
      notes: '',
    };
  }

  async forSession(sessionId: string, paperId: string): Promise<FoundIngredients | null> {
    const answer = await this.dependencies.club.session({ sessionId });
    if (!answer.ok) return null;
    const itemId = answer.value.papers.find((paper) => paper.paperId === paperId)?.itemId;
    const item = itemId ? await this.dependencies.library.getItem(itemId) : undefined;
    return sessionIngredients(answer.value, paperId, item?.link ?? null);
  }

  async authorName(): Promise<string | null> {
    const profile = await this.dependencies.club.profile();
    return profile.ok && profile.value.name.trim() !== '' ? profile.value.name : null;
  }
}
