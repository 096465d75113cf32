import type { SearchDocument } from '../../../services/library/SearchIndex';

/** A search document with every field empty but its id and a title, overridden by `fields`. */
export function searchDocument(id: string, fields: Partial<SearchDocument> = {}): SearchDocument {
  return {
    id,
    feedId: 'feed-1',
    title: `Item ${id}`,
    authors: [],
    journal: null,
    contentHtml: '',
    excerpt: '',
    doi: null,
    pmid: null,
    arxiv: null,
    feedTitle: 'Journal',
    datedAt: '2025-01-01T00:00:00.000Z',
    paperKey: `item:${id}`,
    place: null,
    notes: '',
    annotations: '',
    ...fields,
  };
}
