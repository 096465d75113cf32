import type { SearchIndexState } from '@shared/contract';
import { paperKeyOf } from '@shared/domain/feeds/paperIdentity';
import { feedDisplayTitle } from '@shared/domain/library/feedDisplayTitle';
import type { ItemsChange, LibraryStore, SearchableItem } from './LibraryStore';
import {
  type SearchDocument,
  type SearchHits,
  type SearchIndex,
  SearchIndexDamagedError,
  type SearchRequest,
} from './SearchIndex';

/** A search's outcome: the hits when the index holds the library, otherwise how far it has come. */
export type SearchOutcome =
  | { index: { state: 'ready' }; hits: SearchHits }
  | { index: Exclude<SearchIndexState, { state: 'ready' }> };

/** Tuning of {@link SearchIndexFeeder}; the defaults suit the app. */
export interface SearchIndexFeederOptions {
  /** Items read from the store and sent to the index at a time while building. Default 250. */
  batchSize?: number;
  /**
   * Starts opening and checking the index in the background (the app passes a short timer, so
   * start-up does not wait for it); a search or a change opens it sooner. Default: only then.
   */
  scheduleOpen?: (open: () => void) => void;
  /** Told of a failure of the index that no caller is waiting for. */
  onBackgroundError?: (error: unknown) => void;
}

const DEFAULT_BATCH_SIZE = 250;

/**
 * Keeps the search index in step with the library: every change the store reports is written to
 * the index, in order; and when the index is opened, it is checked against the store and
 * whatever it lacks is added (all of it on a first run or after damage, a few items after a
 * crash, usually nothing). Until the index holds the library, searches are answered with the
 * progress of that build instead of results that would silently miss items.
 */
export class SearchIndexFeeder {
  private readonly store: LibraryStore;
  private readonly index: SearchIndex;
  private readonly batchSize: number;
  private readonly onBackgroundError: (error: unknown) => void;
  private state: SearchIndexState = { state: 'building', indexed: 0, total: 0 };
  private opening: Promise<void> | null = null;
  private filling: Promise<void> | null = null;
  /** Writes of store changes not yet acknowledged by the index. */
  private readonly writes = new Set<Promise<void>>();
  private readonly unsubscribes: (() => void)[] = [];
  private closed = false;

  constructor(
    dependencies: { store: LibraryStore; index: SearchIndex },
    options: SearchIndexFeederOptions = {},
  ) {
    this.store = dependencies.store;
    this.index = dependencies.index;
    this.batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
    this.onBackgroundError =
      options.onBackgroundError ??
      ((error) => console.error('[rounds] the search index could not be updated', error));
    this.unsubscribes.push(
      this.store.onItemsChanged((change) => this.follow(change)),
      this.index.onDamaged(() => this.fillInBackground('rebuilding')),
    );
    options.scheduleOpen?.(() => void this.opened().catch(this.onBackgroundError));
  }

  /** Where the index stands: ready, or being built (first run) or rebuilt (after damage). */
  status(): SearchIndexState {
    return this.state;
  }

  /**
   * Searches the index once it holds the library; before that, says how far it has come. The
   * index answers calls in the order they were made, so every change already reported by the
   * store is in what it searches.
   */
  async search(request: SearchRequest): Promise<SearchOutcome> {
    await this.opened();
    if (this.state.state !== 'ready') return { index: this.state };
    try {
      return { index: { state: 'ready' }, hits: await this.index.search(request) };
    } catch (error) {
      // The index met damage during this search and is being rebuilt: say so, as for any rebuild.
      if (error instanceof SearchIndexDamagedError && this.state.state !== 'ready') {
        return { index: this.state };
      }
      throw error;
    }
  }

  /** Resolves once the index holds the whole library (for tests and tools). */
  async whenReady(): Promise<void> {
    await this.opened();
    while (this.filling !== null && !this.closed) await this.filling;
  }

  /** Stops following the store and waits for writes in flight; the index is closed by its owner. */
  async close(): Promise<void> {
    this.closed = true;
    for (const unsubscribe of this.unsubscribes.splice(0)) unsubscribe();
    await Promise.allSettled([...this.writes, this.opening, this.filling]);
  }

  /**
   * Opens the index once, and starts filling in what it lacks in the background: a new or
   * replaced index is searched only once that is done, a sound one at once (a crash can have
   * kept a few items from it, which are added quietly).
   */
  private opened(): Promise<void> {
    this.opening ??= this.index.open().then((opening) => {
      if (opening !== 'kept') {
        this.fillInBackground(opening === 'replaced' ? 'rebuilding' : 'building');
        return;
      }
      this.state = { state: 'ready' };
      // The check of a sound index waits a turn, so the search that opened it goes first.
      setImmediate(() => this.fillInBackground(null));
    });
    return this.opening;
  }

  /** Fills in the index after any fill already running; `state` is what searches say meanwhile. */
  private fillInBackground(state: 'building' | 'rebuilding' | null): void {
    if (this.closed) return;
    if (state !== null) this.state = { state, indexed: 0, total: 0 };
    const filling = (this.filling ?? Promise.resolve())
      .catch(() => undefined)
      .then(() => this.fillIn())
      .then(() => {
        if (this.filling === filling) {
          this.filling = null;
          this.state = { state: 'ready' };
        }
      });
    this.filling = filling;
    filling.catch(this.onBackgroundError);
  }

  /** Adds what the index lacks and removes what the library no longer has, in batches. */
  private async fillIn(): Promise<void> {
    // One after the other: the index is asked only once the store has its items, so a search
    // made meanwhile is not queued behind the list of every id.
    const stored = await this.store.itemIds();
    const indexed = await this.index.ids();
    const inIndex = new Set(indexed);
    const inStore = new Set(stored);
    const missing = stored.filter((id) => !inIndex.has(id));
    await this.index.remove(indexed.filter((id) => !inStore.has(id)));
    // A sound index missing a few items (a crash) keeps answering; one missing many would give
    // answers that look complete and are not, so it says it is building instead.
    if (this.state.state === 'ready' && missing.length > Math.max(100, stored.length / 100)) {
      this.state = { state: 'building', indexed: 0, total: missing.length };
    }
    this.progress(0, missing.length);
    for (let start = 0; start < missing.length && !this.closed; start += this.batchSize) {
      const items = await this.store.searchableItems(missing.slice(start, start + this.batchSize));
      // Only what is still missing: a change the store made meanwhile has already been written.
      await this.index.insertMissing(items.map((item) => this.documentOf(item)));
      this.progress(Math.min(missing.length, start + this.batchSize), missing.length);
    }
  }

  private progress(indexed: number, total: number): void {
    if (this.state.state !== 'ready') this.state = { state: this.state.state, indexed, total };
  }

  private follow(change: ItemsChange): void {
    if (this.closed) return;
    // A change opens the index if nothing has yet; the check that follows finds it already done.
    const documents = change.upserted.map((item) => this.documentOf(item));
    // Both sent at once, so that a search made after this change cannot overtake either.
    const write = this.opened().then(async () => {
      await Promise.all([this.index.upsert(documents), this.index.remove(change.removed)]);
    });
    this.writes.add(write);
    write.catch(this.onBackgroundError).finally(() => this.writes.delete(write));
  }

  private documentOf({ record, contentHtml, place }: SearchableItem): SearchDocument {
    const feed = this.store.getFeed(record.feedId);
    return {
      id: record.id,
      feedId: record.feedId,
      title: record.title,
      authors: record.authors,
      journal: record.journal,
      contentHtml,
      excerpt: record.excerpt,
      doi: record.paperIds.doi,
      pmid: record.paperIds.pmid,
      arxiv: record.paperIds.arxiv,
      feedTitle: feed ? feedDisplayTitle(feed) : '',
      // As lists sort: an undated item counts as dated when it was fetched.
      datedAt: record.publishedAt ?? record.fetchedAt,
      // Records built by hand (tests, older callers) may lack paper fields: they are not papers.
      paperKey: (record.paperIds && paperKeyOf(record.paperIds)) ?? `item:${record.id}`,
      place,
      notes: '',
      annotations: '',
    };
  }
}
