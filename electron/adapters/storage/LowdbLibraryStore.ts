import { join } from 'node:path';
import type { RuleSet, StorageNotice } from '@shared/contract';
import { compileSearchQuery } from '@shared/domain/library/compileSearchQuery';
import type { ItemRecord } from '@shared/domain/library/libraryDocuments';
import { repairItemRecord } from '@shared/domain/library/repairItemShard';
import type {
  ItemDetailRow,
  ItemQuery,
  ItemRow,
  ItemState,
  LibraryStore,
  StoredFeed,
  StoredItem,
} from '../../services/library/LibraryStore';
import { FoldedItemText } from './FoldedItemText';
import { ItemContentShards } from './ItemContentShards';
import { ItemIndexShards } from './ItemIndexShards';
import { ItemMarkShards } from './ItemMarkShards';
import { itemShardOf } from './itemShardOf';
import type { LibraryDocument } from './LibraryDocument';
import { libraryDocumentFactory } from './libraryDocumentFactory';
import { MuteRuleMatcher } from './MuteRuleMatcher';
import { indexedItem, NewestFirstItemIndex, type IndexedItem } from './NewestFirstItemIndex';
import { PaperMarks } from './PaperMarks';
import { PaperRows } from './PaperRows';
import { prepareLibraryFolders } from './prepareLibraryFolders';
import { removeLeftoverTemporaryFiles } from './removeLeftoverTemporaryFiles';
import { sameItemRecord } from './sameItemRecord';
import { SavedRules } from './SavedRules';
import { StorageNotices } from './StorageNotices';
import { SubscribedFeeds } from './SubscribedFeeds';

export { ITEM_SHARD_COUNT } from './itemShardOf';
export { STATE_SHARD_COUNT } from './markShardOf';

const DEFAULT_BACKUP_INTERVAL_MS = 5 * 60_000;
const DEFAULT_CACHED_CONTENT_SHARDS = 8;

/** Tuning and observation hooks; the defaults suit the app. */
export interface LowdbLibraryStoreOptions {
  /** Clock for notice times and the names of set-aside files. */
  now?: () => Date;
  /** Minimum time between two backup refreshes of one document while writing (default 5 min). */
  backupIntervalMs?: number;
  /** Content shards kept in memory, least recently used dropped first (default 8). */
  cachedContentShards?: number;
  /** Called after each document file is durably written, with its path inside `library/`. */
  onDocumentWritten?: (relativePath: string) => void;
}

/**
 * The library on disk as lowdb JSON documents under `<dataDir>/library/`:
 *
 * - `feeds.json`: subscriptions; `notices.json`: storage notices not yet dismissed;
 *   `rules.json`: mute rules and saved searches.
 * - `items/index-NN.json`: item records without HTML, all loaded at open to build the lists.
 * - `items/content-NN.json`: item HTML, read only when an item of that shard is opened or changed.
 * - `state/state-NNN.json`: read and starred marks, apart from fetched content.
 * - `backups/<same path>.bak`: the last good copy of each document.
 *
 * Reads are served from memory. Every write is atomic and durable, coalesced per document, and
 * resolves once on disk. A change spanning several documents is not one transaction; writes are
 * ordered so that a crash in between leaves something the next load accepts (an item without
 * its HTML shows an empty body until the next refresh brings it back; a feed removal that did not
 * finish leaves the feed listed, to be removed again).
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
  private readonly index: ItemIndexShards;
  private readonly content: ItemContentShards;
  private readonly marks: ItemMarkShards;
  private readonly paperMarks: PaperMarks;
  private closing: Promise<void> | null = null;

  private constructor(libraryDir: string, options: LowdbLibraryStoreOptions) {
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
    this.index = new ItemIndexShards(createDocument);
    this.content = new ItemContentShards(
      createDocument,
      Math.max(1, options.cachedContentShards ?? DEFAULT_CACHED_CONTENT_SHARDS),
      (notice) => this.storedNotices.addLater(notice),
    );
    this.marks = new ItemMarkShards(createDocument);
    this.paperMarks = new PaperMarks(this.list, this.marks);
  }

  /**
   * Opens (or creates) the library in `<dataDir>/library/`. The caller must hold the data
   * folder's lock. Damaged files (and files that are links) are recovered, never fatal: see
   * {@link notices}. A library folder that is a link, or not a folder, is refused with an error
   * naming it (see {@link prepareLibraryFolders}).
   */
  static async open(
    dataDir: string,
    options: LowdbLibraryStoreOptions = {},
  ): Promise<LowdbLibraryStore> {
    const libraryDir = join(dataDir, 'library');
    await prepareLibraryFolders(libraryDir);
    await removeLeftoverTemporaryFiles(libraryDir);
    const store = new LowdbLibraryStore(libraryDir, options);
    await store.load();
    return store;
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
    this.assertOpen();
    if (!this.feeds.has(id)) return false;
    const removed = this.list.removeFeed(id);
    const itemShard = itemShardOf(id);
    const removedHtml = new Map<string, null>();
    const touchedMarkShards = new Set<number>();
    for (const item of removed) {
      const itemId = item.record.id;
      removedHtml.set(itemId, null);
      this.items.delete(itemId);
      this.index.delete(itemShard, itemId);
      const markShard = this.marks.delete(itemId);
      if (markShard !== null) touchedMarkShards.add(markShard);
    }
    const writes: Promise<void>[] = [this.marks.write(touchedMarkShards)];
    if (removed.length > 0) {
      writes.push(this.index.write(itemShard), this.content.apply(itemShard, removedHtml));
    }
    // The feed goes last: if the process dies before its items are gone, the feed is still
    // listed and can be removed again, instead of leaving items no feed owns.
    await Promise.all(writes);
    await this.feeds.remove(id);
    return true;
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

    const added: IndexedItem[] = [];
    const changed: { item: IndexedItem; record: ItemRecord }[] = [];
    // Shards this batch touches, and whether it changed them: unchanged ones are only waited on.
    const indexShardsTouched = new Map<number, boolean>();
    const contentEdits = new Map<number, Map<string, string | null>>();
    const touch = (shard: number, isChanged: boolean): void => {
      indexShardsTouched.set(shard, (indexShardsTouched.get(shard) ?? false) || isChanged);
    };
    const editsOf = (shard: number): Map<string, string | null> => {
      let edits = contentEdits.get(shard);
      if (!edits) contentEdits.set(shard, (edits = new Map()));
      return edits;
    };

    for (const { record, html } of incoming.values()) {
      const existing = this.items.get(record.id);
      let shard: number;
      if (!existing) {
        const item = this.indexedItemOf(record);
        this.items.set(record.id, item);
        shard = this.index.set(record);
        added.push(item);
        touch(shard, true);
      } else if (sameItemRecord(existing.record, record)) {
        shard = itemShardOf(record.feedId);
        touch(shard, false);
      } else {
        const previousShard = itemShardOf(existing.record.feedId);
        shard = itemShardOf(record.feedId);
        if (previousShard !== shard) {
          this.index.delete(previousShard, record.id);
          touch(previousShard, true);
          editsOf(previousShard).set(record.id, null);
        }
        this.index.set(record);
        changed.push({ item: existing, record });
        touch(shard, true);
      }
      editsOf(shard).set(record.id, html);
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

    const writes: Promise<void>[] = [this.marks.write(markedShards)];
    for (const [shard, isChanged] of indexShardsTouched) {
      writes.push(isChanged ? this.index.write(shard) : this.index.settled(shard));
    }
    for (const [shard, edits] of contentEdits) writes.push(this.content.apply(shard, edits));
    await Promise.all(writes);
    return added.length;
  }

  getItem(id: string): ItemDetailRow | undefined {
    const item = this.items.get(id);
    if (!item) return undefined;
    // An item whose HTML was lost (a crash between the two writes, a reset shard) shows an empty
    // body until the next refresh stores its content again.
    const contentHtml = this.content.htmlOf(itemShardOf(item.record.feedId), id) ?? '';
    return this.rows.detailOf(item, contentHtml);
  }

  queryItems(query: ItemQuery): { rows: ItemRow[]; total: number } {
    const search = query.query === undefined ? null : compileSearchQuery(query.query);
    const { items, total } = this.list.query({
      feedId: query.feedId,
      filter: query.filter,
      offset: query.offset,
      limit: query.limit,
      matches: search === null ? undefined : (item) => search(this.foldedText.of(item.record)),
    });
    return { rows: items.map((item) => this.rows.rowOf(item)), total };
  }

  countItems(feedId: string): { total: number; unread: number } {
    return this.list.countsOf(feedId);
  }

  countOverall(): { all: number; unread: number; starred: number } {
    return this.list.overallCounts();
  }

  async setItemState(id: string, patch: Partial<ItemState>): Promise<boolean> {
    this.assertOpen();
    const item = this.items.get(id);
    if (!item) return false;
    await this.paperMarks.change(item, patch);
    return true;
  }

  rules(): RuleSet {
    return this.savedRules.current();
  }

  async saveRules(rules: RuleSet): Promise<void> {
    this.assertOpen();
    this.savedRules.replace(rules);
    for (const item of this.items.values()) {
      this.list.setMuted(item, this.muting.isMuted(item.record));
    }
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

  private indexedItemOf(record: ItemRecord): IndexedItem {
    return indexedItem(record, this.marks.marksOf(record.id), this.muting.isMuted(record));
  }

  private async flushAll(): Promise<void> {
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

  private async load(): Promise<void> {
    // Notices first: the others' recovery notices are added to them.
    const noticesRecovered = await this.storedNotices.load();
    const [rulesRecovered, feedsRecovered, loadedIndex, loadedMarks] = await Promise.all([
      this.savedRules.load(),
      this.feeds.load(),
      this.index.load(),
      this.marks.load(),
    ]);
    const recovered = [
      noticesRecovered,
      rulesRecovered,
      feedsRecovered,
      ...loadedIndex.recovered,
      ...loadedMarks.recovered,
    ].filter((notice) => notice !== null);

    const loaded = loadedIndex.records.map((record) => {
      const item = this.indexedItemOf(record);
      this.items.set(record.id, item);
      return item;
    });
    this.list.add(loaded);
    // Copies of a paper whose marks differ: a crash between two mirrored writes, or files from
    // a build that kept marks per copy. The union is what the reader last saw on some copy.
    const markShardsToWrite = new Set(loadedMarks.misplaced);
    for (const shard of this.paperMarks.shareAmongCopies(this.list.papersWithSeveralCopies())) {
      markShardsToWrite.add(shard);
    }

    await Promise.all([
      this.marks.write(markShardsToWrite),
      ...[...loadedIndex.misplaced].map((shard) => this.index.write(shard)),
      this.storedNotices.add(recovered),
    ]);
  }

  private assertOpen(): void {
    if (this.closing) throw new Error('The library has been closed; no more changes can be saved.');
  }

  private allDocuments(): LibraryDocument<unknown>[] {
    return [
      this.feeds.document,
      this.storedNotices.document,
      this.savedRules.document,
      ...this.index.documents,
      ...this.content.documents,
      ...this.marks.documents,
    ] as LibraryDocument<unknown>[];
  }
}
