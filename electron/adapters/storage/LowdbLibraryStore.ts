import { join } from 'node:path';
import type { ItemFilter, RuleSet, StorageNotice } from '@shared/contract';
import { normalizeDoi } from '@shared/domain/feeds/paperIdentity';
import type { RetentionCandidate, RetentionFacts } from '@shared/domain/retention/retentionRules';
import { compileSearchQuery } from '@shared/domain/library/compileSearchQuery';
import {
  LIBRARY_SCHEMA_VERSION,
  type FirstPageRow,
  type FirstPagesDocument,
  type ItemRecord,
} from '@shared/domain/library/libraryDocuments';
import { repairItemRecord } from '@shared/domain/library/repairItemShard';
import type {
  ItemDetailRow,
  ItemQuery,
  ItemRow,
  ItemsChange,
  ItemState,
  LibraryStore,
  SearchableItem,
  StoredFeed,
  StoredItem,
  UnreadScope,
} from '../../services/library/LibraryStore';
import type { SearchHit } from '../../services/library/SearchIndex';
import { feedGroupRows, feedGroupSearchRows, passesFilter } from './feedGroupRows';
import { FIRST_PAGE_FILTERS, FIRST_PAGE_ROWS, FirstPages } from './FirstPages';
import { FoldedItemText } from './FoldedItemText';
import { ItemMarkShards } from './ItemMarkShards';
import { feedFolderName, ItemPieces, type PieceAddress } from './ItemPieces';
import { itemShardOf } from './itemShardOf';
import type { LibraryDocument } from './LibraryDocument';
import { libraryDocumentFactory } from './libraryDocumentFactory';
import { migrateLibraryLayout, type MigrationProgress } from './migrateLibraryLayout';
import { MuteRuleMatcher } from './MuteRuleMatcher';
import { indexedItem, NewestFirstItemIndex, type IndexedItem } from './NewestFirstItemIndex';
import { PaperMarks } from './PaperMarks';
import { PaperRows } from './PaperRows';
import { prepareLibraryFolders } from './prepareLibraryFolders';
import { removeLeftoverTemporaryFiles } from './removeLeftoverTemporaryFiles';
import { sameItemRecord } from './sameItemRecord';
import { SavedRules } from './SavedRules';
import { citableKeysOf } from './citableKeysOf';
import { StorageNotices } from './StorageNotices';
import { SubscribedFeeds } from './SubscribedFeeds';

export { STATE_SHARD_COUNT } from './markShardOf';
export type { MigrationProgress } from './migrateLibraryLayout';

const DEFAULT_BACKUP_INTERVAL_MS = 5 * 60_000;
/**
 * Most rows of a search answered before the library has loaded (see searchRows): each is read
 * from its piece (a millisecond or two apiece while the load competes), so the first screenful
 * comes at once and the rest with the full answer the window asks for next.
 */
export const PROVISIONAL_ROWS = 30;
/** Retention candidates described between two pauses: a few milliseconds of work. */
const RETENTION_FACTS_PER_TURN = 1_000;

/** Tuning and observation hooks; the defaults suit the app. */
export interface LowdbLibraryStoreOptions {
  /** Clock for notice times and the names of set-aside files. */
  now?: () => Date;
  /** Minimum time between two backup refreshes of one document while writing (default 5 min). */
  backupIntervalMs?: number;
  /** Called after each document file is durably written, with its path inside `library/`. */
  onDocumentWritten?: (relativePath: string) => void;
  /**
   * Told how far the one-time update of a library written by an earlier version has come, for
   * the window to show ("Updating your library… 40%"); awaited.
   */
  onMigrationProgress?: (progress: MigrationProgress) => void | Promise<void>;
  /**
   * Called (and awaited) before each feed folder is loaded in the background, so a test can hold
   * the load at a chosen point; the app leaves it out.
   */
  beforeLoadingFeedFolder?: (folder: string) => Promise<void>;
}

/** Gives pending calls a turn between two steps of a long background load. */
function yieldToOtherCalls(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * The library on disk as lowdb JSON documents under `<dataDir>/library/` (layout 2, see
 * migrateLibraryLayout for the layout before it):
 *
 * - `feeds.json`: subscriptions; `notices.json`: storage notices not yet dismissed;
 *   `rules.json`: mute rules and saved searches; `state/state-NNN.json`: read and starred marks.
 *   These are what only the user can make, and each has a last good copy in `backups/`.
 * - `pieces/<feed>/records-NNNN.json.gz` and `content-NNNN.json.gz`: fetched item records and their
 *   HTML, a few dozen items of one feed per piece (see ItemPieces). No backup: a damaged piece is
 *   reported and its feed fetched again.
 * - `first-pages.json`: the first page of each overall list and every count (see FirstPages), so
 *   opening reads a few small files whatever the library's size. The records load after that,
 *   in the background, one feed at a time, while calls are answered.
 * - `layout.json`: which layout the files follow.
 *
 * Every write is atomic and durable, coalesced per document, and resolves once on disk. A change
 * spanning several documents is not one transaction; writes are ordered so that a crash in
 * between leaves something the next load accepts (an item's HTML is written before its record;
 * a feed's items are removed before the feed, so a removal that did not finish leaves the feed
 * listed, to be removed again).
 *
 * Each file family has its own collaborator; this class keeps them consistent with the
 * in-memory item index, which spans them all.
 */
export class LowdbLibraryStore implements LibraryStore {
  private readonly items = new Map<string, IndexedItem>();
  private readonly list = new NewestFirstItemIndex();
  private readonly rows = new PaperRows(this.list);
  private readonly foldedText = new FoldedItemText();
  private readonly feeds: SubscribedFeeds;
  private readonly storedNotices: StorageNotices;
  private readonly savedRules: SavedRules;
  private readonly muting: MuteRuleMatcher;
  private readonly pieces: ItemPieces;
  private readonly marks: ItemMarkShards;
  private readonly paperMarks: PaperMarks;
  private readonly firstPages: FirstPages;
  /** Feeds being marked for fetching again, after a piece of theirs was damaged. */
  private readonly refetching = new Set<Promise<void>>();
  private loading: Promise<void> = Promise.resolve();
  /** The marks, read first by the background load (searches before the load need them). */
  private marksLoaded: Promise<unknown> = Promise.resolve();
  private loaded = false;
  private closing: Promise<void> | null = null;
  private readonly itemsChangedListeners = new Set<(change: ItemsChange) => void>();

  private constructor(
    libraryDir: string,
    private readonly options: LowdbLibraryStoreOptions,
  ) {
    const createDocument = libraryDocumentFactory({
      libraryDir,
      backupIntervalMs: options.backupIntervalMs ?? DEFAULT_BACKUP_INTERVAL_MS,
      now: options.now ?? (() => new Date()),
      onWritten: options.onDocumentWritten,
    });
    this.feeds = new SubscribedFeeds(createDocument);
    this.storedNotices = new StorageNotices(createDocument);
    this.savedRules = new SavedRules(createDocument);
    this.muting = new MuteRuleMatcher(() => this.savedRules.muteRules, this.foldedText);
    this.pieces = new ItemPieces(
      libraryDir,
      createDocument,
      (itemId) => this.items.get(itemId)?.record,
      (feedId, notice) => this.pieceDamaged(feedId, notice),
    );
    this.marks = new ItemMarkShards(createDocument);
    this.paperMarks = new PaperMarks(this.list, this.marks);
    this.firstPages = new FirstPages(libraryDir, createDocument);
  }

  /**
   * Opens (or creates) the library in `<dataDir>/library/`, first updating a library written in
   * an earlier layout (see {@link LowdbLibraryStoreOptions.onMigrationProgress}). The caller must
   * hold the data folder's lock. Resolves once the first page and the counts can be answered;
   * the items load in the background (see {@link whenLoaded}). Damaged files (and files that are
   * links) are recovered, never fatal: see {@link notices}. A library folder that is a link, or
   * not a folder, is refused with an error naming it (see {@link prepareLibraryFolders}).
   */
  static async open(
    dataDir: string,
    options: LowdbLibraryStoreOptions = {},
  ): Promise<LowdbLibraryStore> {
    const libraryDir = join(dataDir, 'library');
    await prepareLibraryFolders(libraryDir);
    await removeLeftoverTemporaryFiles(libraryDir);
    const migration = await migrateLibraryLayout(libraryDir, {
      onProgress: options.onMigrationProgress,
      now: options.now ?? (() => new Date()),
    });
    const store = new LowdbLibraryStore(libraryDir, options);
    await store.openQuickly(migration.notices, migration.lostShards);
    return store;
  }

  /** Resolves once every item is loaded; rejects if the library was closed before that. */
  whenLoaded(): Promise<void> {
    return this.loading;
  }

  listFeeds(): StoredFeed[] {
    return this.feeds.list();
  }

  getFeed(id: string): StoredFeed | undefined {
    return this.feeds.get(id);
  }

  findFeedByUrl(url: string): StoredFeed | undefined {
    return this.feeds.findByUrl(url);
  }

  async saveFeed(feed: StoredFeed): Promise<void> {
    this.assertOpen();
    await this.feeds.save(feed);
  }

  async removeFeed(id: string): Promise<boolean> {
    await this.loadedForChange();
    if (!this.feeds.has(id)) return false;
    const removed = this.list.removeFeed(id);
    const touchedMarkShards = new Set<number>();
    for (const item of removed) {
      const itemId = item.record.id;
      this.items.delete(itemId);
      const markShard = this.marks.delete(itemId);
      if (markShard !== null) touchedMarkShards.add(markShard);
    }
    // The feed goes last: if the process dies before its items are gone, the feed is still
    // listed and can be removed again, instead of leaving items no feed owns.
    await Promise.all([this.marks.write(touchedMarkShards), this.pieces.removeFeed(id)]);
    await this.feeds.remove(id);
    this.firstPages.changed();
    this.tellItemsChanged({ upserted: [], removed: removed.map((item) => item.record.id) });
    return true;
  }

  // For the retention policy (services/retention).

  async retentionCandidates(
    cutoffOf: (feedId: string) => number | null,
    pause: () => Promise<void> = yieldToOtherCalls,
  ): Promise<RetentionCandidate[]> {
    await this.loading;
    // What a colleague's post may cite: every key of every item that is not itself a post.
    const citable = new Set<string>();
    const old: IndexedItem[] = [];
    for (const feedId of this.list.feedIds()) {
      const cutoff = cutoffOf(feedId);
      for (const itemId of this.pieces.itemsOf(feedId)) {
        const item = this.items.get(itemId);
        if (!item) continue;
        if (!item.record.citations?.length) {
          for (const key of citableKeysOf(item.record)) citable.add(key);
        }
        if (cutoff !== null && item.read && item.newestKey < cutoff) old.push(item);
      }
      await pause();
    }
    // Facts as they are now (items may have changed or gone during the pauses), a slice at a
    // time: each needs the paper's copies and discussions.
    const candidates: RetentionCandidate[] = [];
    for (let start = 0; start < old.length; start += RETENTION_FACTS_PER_TURN) {
      for (const item of old.slice(start, start + RETENTION_FACTS_PER_TURN)) {
        if (this.items.get(item.record.id) !== item || !item.read) continue;
        candidates.push({
          ...this.retentionFactsOf(item),
          citesStoredPaper: (item.record.citations ?? []).some((key) => citable.has(key)),
        });
      }
      await pause();
    }
    return candidates;
  }

  async removeItems(
    ids: readonly string[],
    stillExpires?: (facts: RetentionFacts) => boolean,
  ): Promise<string[]> {
    await this.loadedForChange();
    const removed: IndexedItem[] = [];
    for (const id of new Set(ids)) {
      const item = this.items.get(id);
      if (!item || (stillExpires && !stillExpires(this.retentionFactsOf(item)))) continue;
      removed.push(item);
    }
    if (removed.length === 0) return [];
    const removedIds = removed.map((item) => item.record.id);
    this.list.remove(removed);
    for (const id of removedIds) this.items.delete(id);
    // Records go first: an item still listed after a crash keeps its text and its marks, so
    // nothing comes back unread. The marks are forgotten only once the records are gone, since
    // a mark shard written meanwhile (another item's click) would otherwise lose them early.
    await this.pieces.removeItems(removedIds);
    const touchedMarkShards = new Set<number>();
    for (const id of removedIds) {
      const shard = this.marks.delete(id);
      if (shard !== null) touchedMarkShards.add(shard);
    }
    await this.marks.write(touchedMarkShards);
    this.firstPages.changed();
    this.tellItemsChanged({ upserted: [], removed: removedIds });
    return removedIds;
  }

  /** What the retention rules ask of an item, as the library has it now. */
  private retentionFactsOf(item: IndexedItem): RetentionFacts {
    const copies = this.list.copiesOf(item);
    return {
      id: item.record.id,
      feedId: item.record.feedId,
      read: item.read,
      starred: item.starred,
      datedAt: item.record.publishedAt ?? item.record.fetchedAt,
      copies: copies.map(({ record }) => ({ itemId: record.id, feedId: record.feedId })),
      hasPdf: copies.some(({ record }) => Boolean(record.pdf)),
      discussedBy: this.list.colleaguesDiscussing(item),
    };
  }

  async putItems(items: StoredItem[]): Promise<number> {
    this.assertOpen();
    const incoming = new Map<string, { record: ItemRecord; html: string }>();
    for (const item of items) {
      const record = repairItemRecord(item);
      if (record === null) throw new TypeError('An item needs an id and a feed id to be stored.');
      incoming.set(record.id, {
        record,
        html: typeof item.contentHtml === 'string' ? item.contentHtml : '',
      });
    }
    await this.loadedForChange();

    const added: IndexedItem[] = [];
    const changed: { item: IndexedItem; record: ItemRecord }[] = [];
    const recordsToWrite: PieceAddress[] = [];
    const recordsToWaitFor: PieceAddress[] = [];
    const contentEdits = new Map<
      string,
      { address: PieceAddress; edits: Map<string, string | null> }
    >();
    const edit = (address: PieceAddress, itemId: string, html: string | null): void => {
      const key = `${address.feedId}\n${address.piece}`;
      let entry = contentEdits.get(key);
      if (!entry) contentEdits.set(key, (entry = { address, edits: new Map() }));
      entry.edits.set(itemId, html);
    };

    for (const { record, html } of incoming.values()) {
      const existing = this.items.get(record.id);
      const known = existing && this.pieces.addressOf(record.id);
      let address: PieceAddress;
      if (!existing || !known) {
        if (!existing) {
          const item = this.indexedItemOf(record);
          this.items.set(record.id, item);
          added.push(item);
        }
        address = this.pieces.place(record.id, record.feedId);
        recordsToWrite.push(address);
      } else if (sameItemRecord(existing.record, record)) {
        address = known;
        recordsToWaitFor.push(address);
      } else {
        address = known;
        if (known.feedId !== record.feedId) {
          this.pieces.unplace(record.id);
          recordsToWrite.push(known);
          edit(known, record.id, null);
          address = this.pieces.place(record.id, record.feedId);
        }
        changed.push({ item: existing, record });
        recordsToWrite.push(address);
      }
      edit(address, record.id, html);
    }

    // Dates or feed may have changed: take the items out of the order before changing them.
    this.list.remove(changed.map(({ item }) => item));
    const repositioned = changed.map(({ item, record }) => {
      const fresh = indexedItem(record, item, this.muting.isMuted(record));
      return Object.assign(item, fresh);
    });
    this.list.add([...added, ...repositioned]);
    // A paper arriving from one more feed takes the marks it already has in the others.
    const markedShards = this.paperMarks.shareAmongCopies(
      [...added, ...repositioned].map((item) => this.list.copiesOf(item)),
    );

    // HTML before records: an item that is listed has its text on disk.
    const marksWritten = this.marks.write(markedShards);
    await Promise.all(
      [...contentEdits.values()].map(({ address, edits }) =>
        this.pieces.editContent(address, edits),
      ),
    );
    await Promise.all([
      this.pieces.writeRecords(recordsToWrite),
      this.pieces.recordsSettled(recordsToWaitFor),
      marksWritten,
    ]);
    if (added.length > 0 || changed.length > 0) this.firstPages.changed();
    this.tellItemsChanged({
      upserted: [...added, ...repositioned].map(({ record }) => ({
        record,
        contentHtml: incoming.get(record.id)?.html ?? '',
        place: this.pieces.addressOf(record.id)?.piece ?? null,
      })),
      removed: [],
    });
    return added.length;
  }

  async getItem(id: string): Promise<ItemDetailRow | undefined> {
    await this.loading;
    if (!this.items.has(id)) return undefined;
    // An item whose HTML was lost (a crash between the two writes, a damaged piece) shows an
    // empty body until the next refresh stores its content again.
    const contentHtml = (await this.pieces.htmlOf(id)) ?? '';
    // Read again: the item may have changed or gone while its piece was read.
    const item = this.items.get(id);
    return item && this.rows.detailOf(item, contentHtml);
  }

  async queryItems(query: ItemQuery): Promise<{ rows: ItemRow[]; total: number }> {
    if (query.feedIds !== undefined)
      return this.queryFeedGroup({ ...query, feedIds: query.feedIds });
    if (!this.loaded) {
      const early = this.firstPages.answer(query);
      if (early) return early;
      await this.loading;
    }
    const search = query.query === undefined ? null : compileSearchQuery(query.query);
    const { items, total } = this.list.query({
      feedId: query.feedId,
      filter: query.filter,
      offset: query.offset,
      limit: query.limit,
      matches: search === null ? undefined : (item) => search(this.foldedText.of(item.record)),
      oldestFirst: query.oldestFirst,
    });
    return { rows: items.map((item) => this.rows.rowOf(item)), total };
  }

  countItems(feedId: string): { total: number; unread: number } {
    return this.loaded ? this.list.countsOf(feedId) : this.firstPages.countsOf(feedId);
  }

  countOverall(): { all: number; unread: number; starred: number } {
    return this.loaded ? this.list.overallCounts() : this.firstPages.overall();
  }

  mutedCount(feedId?: string): number {
    // Before the library has loaded, mute rules have not been applied yet: nothing is hidden.
    return this.loaded ? this.list.mutedIn(feedId) : 0;
  }

  async setItemState(id: string, patch: Partial<ItemState>): Promise<boolean> {
    await this.loadedForChange();
    const item = this.items.get(id);
    if (!item) return false;
    const written = this.paperMarks.change(item, patch);
    this.firstPages.changed();
    await written;
    return true;
  }

  async unreadItemIds(scope: UnreadScope): Promise<string[]> {
    await this.loading;
    const among = scope.among === undefined ? null : new Set(scope.among);
    const before = scope.olderThanMs;
    const keep = (item: IndexedItem) =>
      (among === null || among.has(item.record.id)) &&
      (before === undefined || item.newestKey < before) &&
      (scope.filter !== 'starred' || item.starred);
    const feeds = scope.feedIds ?? [undefined];
    const found: string[] = [];
    // A paper carried by several of the feeds is one item to mark (its copies follow it).
    const papers = new Set<string>();
    for (const feedId of feeds) {
      for (const item of this.list.unreadIn(feedId, keep)) {
        if (item.paperKey !== null) {
          if (papers.has(item.paperKey)) continue;
          papers.add(item.paperKey);
        }
        found.push(item.record.id);
      }
    }
    return found;
  }

  async setReadOfItems(ids: readonly string[], read: boolean): Promise<string[]> {
    await this.loadedForChange();
    const items: IndexedItem[] = [];
    for (const id of ids) {
      const item = this.items.get(id);
      if (item) items.push(item);
    }
    const written = this.paperMarks.changeMany(items, { read });
    this.firstPages.changed();
    return written;
  }

  rules(): RuleSet {
    return this.savedRules.current();
  }

  async saveRules(rules: RuleSet): Promise<void> {
    await this.loadedForChange();
    this.savedRules.replace(rules);
    for (const item of this.items.values()) {
      this.list.setMuted(item, this.muting.isMuted(item.record));
    }
    this.firstPages.changed();
    await this.savedRules.write();
  }

  notices(): StorageNotice[] {
    return this.storedNotices.list();
  }

  async dismissNotice(id: string): Promise<boolean> {
    this.assertOpen();
    return this.storedNotices.dismiss(id);
  }

  close(): Promise<void> {
    this.closing ??= this.flushAll();
    return this.closing;
  }

  // For the search index (services/library/SearchIndexFeeder.ts).

  async itemIds(): Promise<string[]> {
    await this.loading;
    return [...this.items.keys()];
  }

  async searchableItems(ids: readonly string[]): Promise<SearchableItem[]> {
    await this.loading;
    // Items of one piece are read together, so each content piece is read once.
    const byPiece = new Map<string, string[]>();
    for (const id of new Set(ids)) {
      const address = this.pieces.addressOf(id);
      if (!address) continue;
      const key = `${address.feedId}\n${address.piece}`;
      const pieceIds = byPiece.get(key);
      if (pieceIds) pieceIds.push(id);
      else byPiece.set(key, [id]);
    }
    const found: SearchableItem[] = [];
    for (const pieceIds of byPiece.values()) {
      const html = await this.pieces.htmlOfPiece(pieceIds[0] as string);
      for (const id of pieceIds) {
        const item = this.items.get(id);
        if (item) {
          const place = this.pieces.addressOf(id)?.piece ?? null;
          found.push({ record: item.record, contentHtml: html.get(id) ?? '', place });
        }
      }
    }
    return found;
  }

  onItemsChanged(listener: (change: ItemsChange) => void): () => void {
    this.itemsChangedListeners.add(listener);
    return () => this.itemsChangedListeners.delete(listener);
  }

  async recordOf(id: string): Promise<ItemRecord | undefined> {
    await this.loading;
    return this.items.get(id)?.record;
  }

  async itemIdForSource(source: string): Promise<string | undefined> {
    await this.loading;
    const local = /^urn:rounds:item:(.+)$/.exec(source);
    if (local?.[1] !== undefined) {
      const id = decodeURIComponent(local[1]);
      return this.items.has(id) ? id : undefined;
    }
    const doi = /^https?:\/\/(?:dx\.)?doi\.org\/(.+)$/i.exec(source);
    if (doi?.[1] !== undefined) {
      const found = this.list.paperWithDoi(normalizeDoi(decodeURIComponent(doi[1])) ?? '');
      if (found) return found.record.id;
    }
    for (const item of this.items.values()) if (item.record.link === source) return item.record.id;
    return undefined;
  }

  /** Adds notices found by a collaborator opened beside the store (annotations). */
  async addNotices(notices: readonly StorageNotice[]): Promise<void> {
    await this.storedNotices.add([...notices]);
  }

  async searchRows(
    hits: readonly SearchHit[],
    scope: Parameters<LibraryStore['searchRows']>[1],
  ): Promise<{ rows: ItemRow[]; total: number; provisional: boolean }> {
    if (scope.feedIds !== undefined) {
      return this.searchRowsInFeedGroup(hits, { ...scope, feedIds: scope.feedIds });
    }
    if (!this.loaded && this.savedRules.muteRules.length === 0) {
      const early = await this.searchRowsBeforeLoad(hits, scope);
      if (early) return early;
    }
    await this.loading;
    const listed: IndexedItem[] = [];
    const seen = new Set<IndexedItem>();
    for (const hit of hits) {
      const item = this.items.get(hit.id);
      if (!item || (scope.feedId !== undefined && item.record.feedId !== scope.feedId)) continue;
      // Overall, a paper is listed once, as the copy that stands for it, at its best hit.
      const row = scope.feedId === undefined ? (this.list.copiesOf(item)[0] ?? item) : item;
      if (seen.has(row) || row.muted) continue;
      seen.add(row);
      if (scope.filter === 'unread' ? row.read : scope.filter === 'starred' && !row.starred)
        continue;
      listed.push(row);
    }
    return {
      rows: listed
        .slice(scope.offset, scope.offset + scope.limit)
        .map((row) => this.rows.rowOf(row)),
      total: listed.length,
      provisional: false,
    };
  }

  /** A folder's or a tag's list (see feedGroupRows); it needs every item, so it waits for them. */
  private async queryFeedGroup(
    query: ItemQuery & { feedIds: readonly string[] },
  ): Promise<{ rows: ItemRow[]; total: number }> {
    await this.loading;
    const search = query.query === undefined ? null : compileSearchQuery(query.query);
    const listed = feedGroupRows(this.list, query.feedIds).filter(
      (item) =>
        passesFilter(item, query.filter) &&
        (search === null || search(this.foldedText.of(item.record))),
    );
    if (query.oldestFirst) listed.reverse();
    const page = listed.slice(query.offset, query.offset + query.limit);
    return { rows: page.map((item) => this.rows.rowOf(item)), total: listed.length };
  }

  /** A search within a folder's or a tag's feeds, a paper once as in their list. */
  private async searchRowsInFeedGroup(
    hits: readonly SearchHit[],
    scope: { feedIds: readonly string[]; filter: ItemFilter; offset: number; limit: number },
  ): Promise<{ rows: ItemRow[]; total: number; provisional: boolean }> {
    await this.loading;
    const listed = feedGroupSearchRows(this.list, (id) => this.items.get(id), hits, scope);
    const page = listed.slice(scope.offset, scope.offset + scope.limit);
    return {
      rows: page.map((row) => this.rows.rowOf(row)),
      total: listed.length,
      provisional: false,
    };
  }

  /**
   * A search answered while the records are still loading: papers told apart by the hits' paper
   * keys, marks from the mark shards (loaded first), and only the rows shown read from their
   * pieces. Undefined when a hit's piece does not hold it (the index is behind the library, or a
   * piece is damaged): the caller then waits for the load.
   */
  private async searchRowsBeforeLoad(
    hits: readonly SearchHit[],
    scope: { feedId?: string | undefined; filter: ItemFilter; offset: number; limit: number },
  ): Promise<{ rows: ItemRow[]; total: number; provisional: boolean } | undefined> {
    await this.marksLoaded;
    const listed: SearchHit[] = [];
    const papers = new Set<string>();
    for (const hit of hits) {
      if (scope.feedId !== undefined && hit.feedId !== scope.feedId) continue;
      if (scope.feedId === undefined) {
        if (papers.has(hit.paperKey)) continue;
        papers.add(hit.paperKey);
      }
      const marks = this.marks.marksOf(hit.id);
      if (scope.filter === 'unread' ? marks.read : scope.filter === 'starred' && !marks.starred)
        continue;
      listed.push(hit);
    }
    // A screenful: each row is read from its piece, and the full answer follows.
    const shown = listed.slice(
      scope.offset,
      scope.offset + Math.min(scope.limit, PROVISIONAL_ROWS),
    );
    const records = await this.pieces.peekRecords(shown);
    const rows: ItemRow[] = [];
    for (const hit of shown) {
      const record = records.get(hit.id);
      if (!record) return undefined;
      rows.push({
        ...record,
        ...this.marks.marksOf(hit.id),
        copies: [{ itemId: record.id, feedId: record.feedId, link: record.link }],
        discussedBy: 0,
      });
    }
    return { rows, total: listed.length, provisional: true };
  }

  private tellItemsChanged(change: ItemsChange): void {
    if (change.upserted.length === 0 && change.removed.length === 0) return;
    for (const listener of [...this.itemsChangedListeners]) {
      // The change is on disk already: a failing listener must not fail the write.
      try {
        listener(change);
      } catch (error) {
        console.error('[rounds] a listener to item changes failed', error);
      }
    }
  }

  private indexedItemOf(record: ItemRecord): IndexedItem {
    return indexedItem(record, this.marks.marksOf(record.id), this.muting.isMuted(record));
  }

  /** Changes need every item loaded: a paper's copies and the counts span the whole library. */
  private async loadedForChange(): Promise<void> {
    this.assertOpen();
    await this.loading;
    this.assertOpen();
  }

  private async flushAll(): Promise<void> {
    // The background load stops at its next step; what it loaded so far was not changed.
    await this.loading.catch(() => {});
    await this.pieces.contentSettled();
    await Promise.all(this.refetching);
    const documents = this.allDocuments();
    // settled() also retries changes a failed write left unsaved: the last chance to keep them.
    const outcomes = await Promise.allSettled(documents.map((document) => document.settled()));
    outcomes.forEach((outcome, index) => {
      if (outcome.status === 'rejected') {
        console.error(
          `[rounds] could not save ${documents[index]?.path} before closing`,
          outcome.reason,
        );
      }
    });
    await Promise.all(documents.map((document) => document.finish()));
  }

  /**
   * Reads what the window needs first: subscriptions, rules, notices and the opening view. The
   * items load in the background; without an opening view to answer from, this waits for them.
   */
  private async openQuickly(
    migrationNotices: StorageNotice[],
    lostShards: Set<number>,
  ): Promise<void> {
    // Notices first: the others' recovery notices are added to them.
    const noticesRecovered = await this.storedNotices.load();
    const [rulesRecovered, feedsRecovered, hasOpeningView] = await Promise.all([
      this.savedRules.load(),
      this.feeds.load(),
      this.firstPages.load(),
    ]);
    const recovered = [noticesRecovered, rulesRecovered, feedsRecovered, ...migrationNotices];
    await this.storedNotices.add(recovered.filter((notice) => notice !== null));
    for (const feed of this.feeds.list()) {
      if (lostShards.has(itemShardOf(feed.id))) this.fetchAgain(feed.id);
    }
    this.loading = this.loadItems();
    // Nobody may be waiting yet: a failure is reported to whoever waits, and logged here.
    this.loading.catch((error: unknown) => {
      if (!this.closing) console.error('[rounds] could not load the library', error);
    });
    // The view was built under the saved rules: rules restored or reset differ, and mute others.
    if (!hasOpeningView || rulesRecovered !== null) await this.loading;
  }

  /** Loads marks, then every feed's records one feed at a time, letting calls in between. */
  private async loadItems(): Promise<void> {
    const marks = this.marks.load();
    this.marksLoaded = marks.catch(() => undefined);
    const loadedMarks = await marks;
    const feedOfFolder = new Map(
      this.feeds.list().map((feed) => [feedFolderName(feed.id), feed.id]),
    );
    for (const folder of await this.pieces.feedFolders()) {
      await this.options.beforeLoadingFeedFolder?.(folder);
      if (this.closing) throw new Error('The library was closed while it was loading.');
      const loaded = await this.pieces.loadFeedFolder(
        folder,
        feedOfFolder.get(folder) ?? null,
        yieldToOtherCalls,
      );
      const records = loaded?.records ?? [];
      this.list.add(
        records.map((record) => {
          const item = this.indexedItemOf(record);
          this.items.set(record.id, item);
          return item;
        }),
      );
      await yieldToOtherCalls();
    }
    // Copies of a paper whose marks differ: a crash between two mirrored writes, or files from
    // a build that kept marks per copy. The union is what the reader last saw on some copy.
    const markShardsToWrite = new Set(loadedMarks.misplaced);
    for (const shard of this.paperMarks.shareAmongCopies(this.list.papersWithSeveralCopies())) {
      markShardsToWrite.add(shard);
    }
    this.loaded = true;
    await Promise.all([
      this.marks.write(markShardsToWrite),
      this.storedNotices.add(loadedMarks.recovered),
      // Rewritten from the records now loaded: a view left stale by a crash is repaired here.
      this.firstPages.follow(() => this.openingView()),
    ]);
  }

  /** The opening view of the loaded library (see FirstPages). */
  private openingView(): FirstPagesDocument {
    const rows = new Map<string, FirstPageRow>();
    const lists = { all: [] as string[], unread: [] as string[], starred: [] as string[] };
    for (const filter of FIRST_PAGE_FILTERS) {
      const { items } = this.list.query({ filter, offset: 0, limit: FIRST_PAGE_ROWS });
      lists[filter] = items.map((item) => {
        if (!rows.has(item.record.id)) rows.set(item.record.id, this.rows.rowOf(item));
        return item.record.id;
      });
    }
    const feeds = this.list
      .feedIds()
      .map((feedId) => [feedId, this.list.countsOf(feedId)] as const);
    return {
      schemaVersion: LIBRARY_SCHEMA_VERSION,
      lists,
      rows: [...rows.values()],
      overall: this.list.overallCounts(),
      feeds: Object.fromEntries(feeds),
    };
  }

  /** A piece was set aside: tell the user, and fetch the feed again at its next refresh. */
  private pieceDamaged(feedId: string | null, notice: StorageNotice): void {
    this.storedNotices.addLater(notice);
    if (feedId !== null) this.fetchAgain(feedId);
  }

  /**
   * Forgets what makes a feed's next fetch conditional or skipped (validators, body hash), so its
   * next refresh parses it and stores its items again.
   */
  private fetchAgain(feedId: string): void {
    const feed = this.feeds.get(feedId);
    if (!feed) return;
    const work = this.feeds
      .save({ ...feed, etag: null, lastModified: null, bodyHash: null })
      .catch((error: unknown) => {
        console.error(`[rounds] could not mark feed ${feedId} to be fetched again`, error);
      })
      .finally(() => this.refetching.delete(work));
    this.refetching.add(work);
  }

  private assertOpen(): void {
    if (this.closing) throw new Error('The library has been closed; no more changes can be saved.');
  }

  private allDocuments(): LibraryDocument<unknown>[] {
    return [
      this.feeds.document,
      this.storedNotices.document,
      this.savedRules.document,
      this.firstPages.document,
      ...this.marks.documents,
      ...this.pieces.documents(),
    ] as LibraryDocument<unknown>[];
  }
}
