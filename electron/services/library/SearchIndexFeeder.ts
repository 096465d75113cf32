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

/**
 * The text of the PDFs attached to items (see PapersMainService), read so that a word on page 3
 * of a paper finds it. Resolves null when the text is not (or no longer) kept.
 */
export interface PdfTextSource {
  searchableTextOf(hash: string): Promise<string | null>;
}

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
  /**
   * The text of an item's notes and highlights, indexed with it so a search finds what the user
   * wrote (see {@link SearchIndexFeeder.annotationsChanged}). Default: none.
   */
  annotationText?: (itemId: string) => { notes: string; annotations: string };
}

const DEFAULT_BATCH_SIZE = 250;
/**
 * Most characters of a PDF's text indexed: a long paper with its supplement is 200,000–400,000;
 * a scanned book's OCR layer could be tens of megabytes, which would bloat the index for little.
 */
export const MAX_INDEXED_PDF_TEXT_LENGTH = 1_000_000;

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
  private readonly pdfTexts: PdfTextSource | null;
  private readonly batchSize: number;
  private readonly onBackgroundError: (error: unknown) => void;
  private readonly annotationText: (itemId: string) => { notes: string; annotations: string };
  private state: SearchIndexState = { state: 'building', indexed: 0, total: 0 };
  private opening: Promise<void> | null = null;
  private filling: Promise<void> | null = null;
  /** Writes of store changes not yet acknowledged by the index. */
  private readonly writes = new Set<Promise<void>>();
  /** The last write of changed annotations (see annotationsChanged). */
  private annotationWrites: Promise<void> = Promise.resolve();
  /**
   * Resolves once the last change that had to wait for a PDF's text has been handed to the
   * index; later changes queue behind it so the index still receives changes in order. Null when
   * none is waiting.
   */
  private handedOver: Promise<void> | null = null;
  private readonly unsubscribes: (() => void)[] = [];
  private closed = false;

  constructor(
    dependencies: { store: LibraryStore; index: SearchIndex; pdfTexts?: PdfTextSource },
    options: SearchIndexFeederOptions = {},
  ) {
    this.store = dependencies.store;
    this.index = dependencies.index;
    this.pdfTexts = dependencies.pdfTexts ?? null;
    this.batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
    this.annotationText = options.annotationText ?? (() => ({ notes: '', annotations: '' }));
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
    // A change still reading a PDF's text was made before this search, which must see it.
    if (this.handedOver !== null) await this.handedOver.catch(() => undefined);
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
      await this.index.insertMissing(await this.documentsOf(items));
      this.progress(Math.min(missing.length, start + this.batchSize), missing.length);
    }
  }

  /**
   * Indexes these items again, with what their notes and highlights now say; resolves once the
   * index has them (searches made after that see the change).
   */
  annotationsChanged(itemIds: readonly string[]): void {
    if (this.closed || itemIds.length === 0) return;
    // One after another: each reads the annotations as they are when it runs, so a later change
    // is never overwritten by an earlier one that finished reading the store last.
    const write = this.annotationWrites
      .catch(() => undefined)
      .then(() => this.opened())
      .then(async () => {
        const items = await this.store.searchableItems(itemIds);
        await this.index.upsert(await this.documentsOf(items));
      });
    this.annotationWrites = write;
    this.writes.add(write);
    write.catch(this.onBackgroundError).finally(() => this.writes.delete(write));
  }

  /** Resolves once every change told so far is in the index (for tests and tools). */
  async settled(): Promise<void> {
    while (this.writes.size > 0) await Promise.allSettled([...this.writes]);
  }

  private progress(indexed: number, total: number): void {
    if (this.state.state !== 'ready') this.state = { state: this.state.state, indexed, total };
  }

  private follow(change: ItemsChange): void {
    if (this.closed) return;
    const write =
      this.handedOver === null && !change.upserted.some((item) => this.hasPdfText(item))
        ? this.send(
            change.upserted.map((item) => this.documentOf(item, null)),
            change.removed,
          )
        : this.sendAfterReadingPdfText(change);
    this.writes.add(write);
    write.catch(this.onBackgroundError).finally(() => this.writes.delete(write));
  }

  private send(documents: SearchDocument[], removed: readonly string[]): Promise<void> {
    // A change opens the index if nothing has yet; the check that follows finds it already done.
    // Both sent at once, so that a search made after this change cannot overtake either.
    return this.opened().then(async () => {
      await Promise.all([this.index.upsert(documents), this.index.remove(removed)]);
    });
  }

  /**
   * Sends a change once its PDFs' text is read, after every change queued before it; searches
   * wait for the hand-over (see {@link search}), not for the index to finish writing.
   */
  private sendAfterReadingPdfText(change: ItemsChange): Promise<void> {
    let written: Promise<void> = Promise.resolve();
    const handedOver = (this.handedOver ?? Promise.resolve())
      .catch(() => undefined)
      .then(async () => {
        const documents = await this.documentsOf(change.upserted);
        await this.opened();
        written = Promise.all([
          this.index.upsert(documents),
          this.index.remove(change.removed),
        ]).then(() => undefined);
      });
    this.handedOver = handedOver;
    void handedOver
      .catch(() => undefined)
      .then(() => {
        if (this.handedOver === handedOver) this.handedOver = null;
      });
    return handedOver.then(() => written);
  }

  private hasPdfText(item: SearchableItem): boolean {
    return this.pdfTexts !== null && Boolean(item.record.pdf);
  }

  /** The documents of these items, with the text of their PDFs. */
  private async documentsOf(items: readonly SearchableItem[]): Promise<SearchDocument[]> {
    return Promise.all(
      items.map(async (item) => this.documentOf(item, await this.pdfTextOf(item))),
    );
  }

  /** A PDF's text, or null; an unreadable text file costs the item its PDF's words, not its place. */
  private async pdfTextOf(item: SearchableItem): Promise<string | null> {
    const hash = item.record.pdf?.hash;
    if (this.pdfTexts === null || !hash) return null;
    try {
      return await this.pdfTexts.searchableTextOf(hash);
    } catch (error) {
      this.onBackgroundError(error);
      return null;
    }
  }

  private documentOf(
    { record, contentHtml, place }: SearchableItem,
    pdfText: string | null,
  ): SearchDocument {
    const feed = this.store.getFeed(record.feedId);
    return {
      id: record.id,
      feedId: record.feedId,
      title: record.title,
      authors: record.authors,
      journal: record.journal,
      // The index reads the body as HTML and searches it as the abstract; the PDF's text joins it
      // escaped, so its words are found and a "<" in it is never read as markup.
      contentHtml: pdfText === null ? contentHtml : contentHtml + pdfTextAsHtml(pdfText),
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
      ...this.annotationText(record.id),
    };
  }
}

function pdfTextAsHtml(text: string): string {
  const escaped = text
    .slice(0, MAX_INDEXED_PDF_TEXT_LENGTH)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
  return `<section>${escaped}</section>`;
}
