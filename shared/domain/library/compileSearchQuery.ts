import { searchableText } from './searchableText';

/** What a search looks through: an item's title, excerpt, authors and journal. */
export interface SearchFields {
  title: string;
  excerpt: string;
  authors: readonly string[];
  journal: string | null;
}

/** The folded text of an item's searchable fields (see {@link searchableText}). */
export function searchableFieldsText(fields: SearchFields): string {
  return searchableText(fields.title, fields.excerpt, fields.authors.join(' '), fields.journal);
}

/**
 * Parses a search into the folded terms every match must contain: each bare word, and each
 * "quoted phrase" as one term. Terms that fold to nothing (punctuation only) are dropped.
 */
export function searchTermsOf(query: string): string[] {
  const terms: string[] = [];
  // A quote left open runs to the end of the query, as people type it.
  for (const match of query.matchAll(/"([^"]*)"?|[^\s"]+/g)) {
    const folded = searchableText(match[1] ?? match[0]).trim();
    if (folded.length > 0) terms.push(folded);
  }
  return terms;
}

/**
 * Compiles a search query into a test over folded text (from {@link searchableFieldsText}).
 * Every term must start a word there ("sglt" finds "SGLT2 inhibitors"; a phrase must appear as
 * consecutive words). Case and accents are ignored. Returns null when the query has no terms,
 * meaning "no search".
 */
export function compileSearchQuery(query: string): ((folded: string) => boolean) | null {
  const needles = searchTermsOf(query).map((term) => ` ${term}`);
  if (needles.length === 0) return null;
  return (folded) => needles.every((needle) => folded.includes(needle));
}
