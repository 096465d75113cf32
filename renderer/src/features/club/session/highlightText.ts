import type { ChecklistAnswer, SessionHighlight, SessionMemberView } from '@shared/contract';

/** Long enough to recognise a passage, short enough for a checkbox or a table cell. */
export const QUOTE_SHOWN_CHARACTERS = 80;

/** A quote on one line, cut at a word near `limit` with an ellipsis when it is longer. */
export function shortenQuote(quote: string, limit = QUOTE_SHOWN_CHARACTERS): string {
  const flat = quote.replace(/\s+/g, ' ').trim();
  if (flat.length <= limit) return flat;
  const cut = flat.slice(0, limit);
  const lastSpace = cut.lastIndexOf(' ');
  // A very long first word is cut where it stands rather than leaving almost nothing.
  const kept = lastSpace > limit / 2 ? cut.slice(0, lastSpace) : cut;
  return `${kept.replace(/[\s.,;:]+$/, '')}…`;
}

/** ", page 4" for a PDF highlight, '' for one in a web page. */
export function pageText(highlight: Pick<SessionHighlight, 'page'>): string {
  return highlight.page === null ? '' : `, page ${highlight.page}`;
}

/** “Patients were randomly assigned…”, page 4: how a highlight is named wherever it is cited. */
export function highlightName(highlight: SessionHighlight): string {
  return `“${shortenQuote(highlight.quote)}”${pageText(highlight)}`;
}

export interface CitedHighlights {
  /** The cited highlights the member shared with the session, in the order cited. */
  found: SessionHighlight[];
  /** Ids cited whose highlight is not in the session (removed since, or not yet arrived). */
  missing: number;
}

/** An answer's cited ids read against the highlights of the member who gave it. */
export function citedHighlights(
  answer: Pick<ChecklistAnswer, 'citedHighlightIds'>,
  member: Pick<SessionMemberView, 'highlights'>,
): CitedHighlights {
  const found: SessionHighlight[] = [];
  let missing = 0;
  for (const id of answer.citedHighlightIds) {
    const highlight = member.highlights.find((candidate) => candidate.annotationId === id);
    if (highlight) found.push(highlight);
    else missing += 1;
  }
  return { found, missing };
}
