import type { ItemQuery } from '../library/ItemSource';

/**
 * A source's list query narrowed by what the user typed in the search field. A saved search
 * and a typed one both apply (every word of each must match), so typing inside a saved search
 * searches within its results.
 */
export function narrowQuery(query: ItemQuery, typed: string): ItemQuery {
  const words = [query.query, typed]
    .map((part) => part?.trim() ?? '')
    .filter((part) => part.length > 0);
  if (words.length === 0) return query;
  return { ...query, query: words.join(' ') };
}
