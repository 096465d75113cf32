import type { ParsedSearchQuery } from '@shared/domain/library/parseSearchQuery';

/** One item as the search index reads it. */
export interface SearchDocument {
  id: string;
  feedId: string;
  title: string;
  authors: string[];
  journal: string | null;
  /** The item's stored (sanitised) HTML: the index searches its full text, not the excerpt. */
  contentHtml: string;
  /** Used when the content is empty, so an item without a body still has its summary found. */
  excerpt: string;
  doi: string | null;
  pmid: string | null;
  arxiv: string | null;
  feedTitle: string;
  /** ISO 8601 UTC: when it was published, or fetched when the feed gave no date (as lists sort). */
  datedAt: string;
  /**
   * The paper this item is a copy of (`doi:…`, `pmid:…`, `arxiv:…`), or `item:<id>` when it is not
   * a paper: lets a search list a paper once before the library has loaded.
   */
  paperKey: string;
  /**
   * Where the store keeps the item (opaque to the index), handed back with each hit so the store
   * can read just those rows before the rest of the library has loaded. Null when unknown.
   */
  place: number | null;
  /** The user's notes on the item, as plain text; empty until notes exist. */
  notes: string;
  /** The text of the user's annotations; empty until annotations exist. */
  annotations: string;
}

/** What a search asks the index. */
export interface SearchRequest {
  query: ParsedSearchQuery;
  /** Only this feed's items. */
  feedId?: string | undefined;
  /** At most this many ids, best first. */
  limit: number;
}

/** One matching item, with what a list needs to know of it before the library has loaded. */
export interface SearchHit {
  id: string;
  feedId: string;
  paperKey: string;
  place: number | null;
}

/** What a search found. */
export interface SearchHits {
  /** Best first (see `order`), at most the limit asked for. */
  hits: SearchHit[];
  /** More items match than `hits` holds. */
  truncated: boolean;
  /**
   * `relevance`: ranked by bm25. `newest`: a query of filters only, or a search matching too many
   * items to rank (those matching outside the abstract first), newest first.
   */
  order: 'relevance' | 'newest';
}

/** Whether the index that was opened can be trusted, or must be filled from the library. */
export type IndexOpening = 'kept' | 'created' | 'replaced';

/**
 * The full-text index of the library, kept apart from the store of record: derived data that can
 * always be rebuilt from the store. Writes are applied in call order; `search` sees every write
 * called before it.
 */
export interface SearchIndex {
  /**
   * Opens the index on first use. `kept`: it was there and sound; `created`: there was none;
   * `replaced`: it was damaged (not a database, another schema version, corrupt) and was moved
   * aside. Only `kept` means it holds the library.
   */
  open(): Promise<IndexOpening>;
  /** Adds documents, or replaces those with the same id. */
  upsert(documents: readonly SearchDocument[]): Promise<void>;
  /** Adds only the documents whose id the index does not hold (a build that resumes). */
  insertMissing(documents: readonly SearchDocument[]): Promise<void>;
  /** Removes documents by id; unknown ids are ignored. */
  remove(ids: readonly string[]): Promise<void>;
  /** Every id the index holds. */
  ids(): Promise<string[]>;
  search(request: SearchRequest): Promise<SearchHits>;
  /**
   * Called when the index turns out to be damaged while in use (a corrupt page met by a query or a
   * write): it has then been moved aside and replaced by an empty one, which must be filled again.
   * The call that met the damage rejects with {@link SearchIndexDamagedError}.
   */
  onDamaged(listener: () => void): () => void;
  /** Finishes pending writes and releases the file. */
  close(): Promise<void>;
}

/** The index was found damaged during a call, and has been replaced by an empty one. */
export class SearchIndexDamagedError extends Error {
  constructor(detail: string) {
    super(`The search index was damaged (${detail}); it is being rebuilt.`);
    this.name = 'SearchIndexDamagedError';
  }
}
