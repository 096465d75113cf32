// What each export is rendered from, taken from a draft the guards have passed: the handout's
// content and the club feed's entry. Kept pure so the handout's Markdown, HTML and PDF, and the
// feed, all carry exactly the draft's text and the evidence labels it must keep.
import type { SummaryDraft } from '@shared/contract/share';
import { citationLine } from './composeDraft';
import { mostSevere } from './evidence/retractionStatus';
import {
  PREPRINT_LABEL,
  type ClubFeedEntry,
  type HandoutContent,
  type SummaryPaper,
} from './summary';

const NOTICE_WARNINGS: Readonly<Record<string, string>> = {
  retracted: 'This paper has been retracted.',
  withdrawn: 'This paper has been withdrawn.',
  corrected: 'This paper has a published correction.',
  'expression-of-concern': 'The journal has published an expression of concern about this paper.',
};

/** The warnings every export of the draft carries at the top. */
export function exportWarnings(draft: SummaryDraft): string[] {
  const warnings: string[] = [];
  if (draft.paper.preprint && !draft.preprintLabelRemoved) {
    warnings.push(`${PREPRINT_LABEL} (${draft.paper.preprint}).`);
  }
  const notice = mostSevere(draft.notices);
  if (notice) warnings.push(NOTICE_WARNINGS[notice.kind] ?? 'This paper has an editorial notice.');
  return warnings;
}

/** The full citation line: authors, journal, year, and the DOI link or the paper's own link. */
export function fullCitation(paper: SummaryPaper): string {
  return [citationLine(paper), paper.url].filter(Boolean).join(' ');
}

/** The handout's content: the draft's text and what the draft took from the paper or session. */
export function handoutContentOf(
  draft: SummaryDraft,
  disclosure: string,
  today: Date,
): HandoutContent {
  return {
    title: draft.paper.title,
    paper: draft.paper,
    citation: fullCitation(draft.paper),
    warnings: exportWarnings(draft),
    levelOfEvidence: draft.levelOfEvidence.replace(/^Level of evidence:\s*/u, ''),
    summary: draft.text,
    laySummary: draft.laySummary.trim() === '' ? null : draft.laySummary,
    highlights: draft.handout.highlights,
    appraisal: draft.handout.appraisal,
    notes: draft.handout.notes
      .split(/\n\s*\n/u)
      .map((paragraph) => paragraph.trim())
      .filter((paragraph) => paragraph !== ''),
    bottomLine: draft.card.bottomLine.trim() === '' ? null : draft.card.bottomLine,
    disclosure,
    club: draft.club?.name ?? null,
    date: today.toISOString().slice(0, 10),
  };
}

/** The draft as an entry of the club feed, first published at `published`. */
export function feedEntryOf(
  draft: SummaryDraft,
  author: string,
  published: string,
  updated: string,
  image: ClubFeedEntry['image'],
): ClubFeedEntry {
  return {
    id: draft.id,
    // Not the paper's bare title: in a colleague's list the summary sits beside the paper itself.
    title: `Summary: ${draft.paper.title}`,
    summary: draft.text,
    paper: draft.paper,
    published,
    updated,
    author,
    image,
  };
}
