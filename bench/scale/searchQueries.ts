/**
 * The searches the scale benchmark times: the kinds a clinician types, drawn from the generated
 * library itself so that identifiers and authors are ones it holds (or, for the last kind, a
 * word no item has).
 */
import {
  type LibrarySpec,
  type SyntheticPaper,
  syntheticFeeds,
  syntheticPapers,
} from '../library/syntheticLibrary';
import { ABSENT_WORDS } from '../library/vocabulary';

/** One timed search. */
export interface SearchQuery {
  kind: 'word' | 'two words' | 'phrase' | 'author' | 'doi' | 'pmid' | 'absent word';
  text: string;
}

/** The first search after a cold start: a drug name, as a reader looks up a treatment. */
export const FIRST_QUERY = 'semaglutide';

/** Papers at fixed places across the library: newest, middle and oldest of three feeds. */
function samplePapers(spec: LibrarySpec): SyntheticPaper[] {
  const feeds = syntheticFeeds(spec);
  const chosen = [3, Math.floor(feeds.length / 2) + 7, feeds.length - 3].map(
    (index) => feeds[Math.min(Math.max(index, 0), feeds.length - 1)],
  );
  return chosen.flatMap((feed, position) => {
    if (feed === undefined) return [];
    const papers = syntheticPapers(spec, feed);
    const at = [0, Math.floor(papers.length / 2), papers.length - 1][position] ?? 0;
    // Prefer a paper with a DOI and a PMID, so each kind has something to find.
    return papers.slice(at).find((paper) => paper.doi !== null && paper.pmid !== null) ?? [];
  });
}

function surnameOf(author: string): string {
  return author.replace(/^(?:[A-Z]\. )+/, '').replace(/ [A-Z]{1,2}$/, '');
}

/** Twenty searches: three of each kind, and two words no item contains. */
export function searchQueries(spec: LibrarySpec): SearchQuery[] {
  const papers = samplePapers(spec);
  const fromPapers = (kind: SearchQuery['kind'], text: (paper: SyntheticPaper) => string | null) =>
    papers.flatMap((paper) => {
      const value = text(paper);
      return value === null ? [] : [{ kind, text: value }];
    });
  return [
    { kind: 'word', text: 'mortality' },
    { kind: 'word', text: 'apixaban' },
    { kind: 'word', text: 'bronchiolitis' },
    { kind: 'two words', text: 'heart failure' },
    { kind: 'two words', text: 'tranexamic trauma' },
    { kind: 'two words', text: 'delirium frailty' },
    { kind: 'phrase', text: '"randomised clinical trial"' },
    { kind: 'phrase', text: '"hospitalisation for heart failure"' },
    { kind: 'phrase', text: '"number needed to treat"' },
    ...fromPapers('author', (paper) => surnameOf(paper.authors.at(-1) ?? '') || null),
    ...fromPapers('doi', (paper) => paper.doi),
    ...fromPapers('pmid', (paper) => paper.pmid),
    ...ABSENT_WORDS.slice(0, 2).map((text) => ({ kind: 'absent word' as const, text })),
  ];
}
