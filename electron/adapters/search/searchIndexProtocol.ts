import type {
  IndexOpening,
  SearchDocument,
  SearchHits,
  SearchRequest,
} from '../../services/library/SearchIndex';

/** Where the search worker keeps its file; given to the worker as its `workerData`. */
export interface SearchWorkerData {
  path: string;
  /** Where a damaged file is moved. */
  damagedPath: string;
}

/** One call to the search worker; answered by a {@link SearchWorkerReply} with the same id. */
export type SearchWorkerRequest =
  | { id: number; kind: 'open' }
  | { id: number; kind: 'upsert'; documents: readonly SearchDocument[]; onlyMissing: boolean }
  | { id: number; kind: 'remove'; ids: readonly string[] }
  | { id: number; kind: 'ids' }
  | { id: number; kind: 'search'; request: SearchRequest }
  | { id: number; kind: 'close' };

/** What each request resolves to. */
export interface SearchWorkerValues {
  open: IndexOpening;
  upsert: null;
  remove: null;
  ids: string[];
  search: SearchHits;
  close: null;
}

/**
 * The worker's answer. `damaged`: the file turned out to be corrupt during this call, and the
 * worker has already moved it aside and started an empty one.
 */
export type SearchWorkerReply =
  | { id: number; ok: true; value: SearchWorkerValues[keyof SearchWorkerValues] }
  | { id: number; ok: false; damaged: boolean; message: string };
