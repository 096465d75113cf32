import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { MuteRule, RuleSet, StorageNotice } from '@shared/contract';
import {
  compileSearchQuery,
  searchableFieldsText,
} from '@shared/domain/library/compileSearchQuery';
import {
  LIBRARY_SCHEMA_VERSION,
  type ContentShardDocument,
  type FeedRecord,
  type FeedsDocument,
  type ItemRecord,
  type ItemShardDocument,
  type ItemStateRecord,
  type NoticesDocument,
  type RulesDocument,
  type StateShardDocument,
} from '@shared/domain/library/libraryDocuments';
import { repairContentShard } from '@shared/domain/library/repairContentShard';
import { repairFeedRecord, repairFeedsDocument } from '@shared/domain/library/repairFeedsDocument';
import { repairItemRecord, repairItemShard } from '@shared/domain/library/repairItemShard';
import { matchesMuteRule } from '@shared/domain/library/matchesMuteRule';
import { repairNoticesDocument } from '@shared/domain/library/repairNoticesDocument';
import { repairRulesDocument } from '@shared/domain/library/repairRulesDocument';
import { searchableText } from '@shared/domain/library/searchableText';
import { repairStateShard } from '@shared/domain/library/repairStateShard';
import type {
  ItemDetailRow,
  ItemQuery,
  ItemRow,
  ItemState,
  LibraryStore,
  LinkedVersion,
  StoredFeed,
  StoredItem,
} from '../../services/library/LibraryStore';
import { LibraryDocument, type LibraryDocumentOptions } from './LibraryDocument';
import { indexedItem, NewestFirstItemIndex, type IndexedItem } from './NewestFirstItemIndex';
import { shardNumberOf } from './shardNumberOf';

/**
 * Item records and their HTML are sharded by feed: a refresh adds items to one feed, and
 * removing a feed empties one shard pair, so each touches two files instead of rewriting the
 * whole library. 64 shards keep a file near 1/64 of the library (about 2 MB of HTML at 100,000
 * items); a single very large feed makes its shard grow with that feed alone.
 */
export const ITEM_SHARD_COUNT = 64;
/**
 * The user's marks are sharded by item id, and only marked items are stored, so marking one item
 * rewrites about 1/256 of the marks (under 30 KB even with 100,000 items all read): the cost of
 * a click hardly grows with the library. Measured: 128 shards made a click at 100,000 items
 * about 30% slower than at 10,000; 256 shards about 10%.
 */
export const STATE_SHARD_COUNT = 256;

const DEFAULT_BACKUP_INTERVAL_MS = 5 * 60_000;
const DEFAULT_CACHED_CONTENT_SHARDS = 8;
const UNMARKED: ItemStateRecord = { read: false, starred: false };
const ITEMS_REMEDY = 'Refreshing your feeds fetches their articles again.';

// write-file-atomic's temporary files (`name.json.<number>`) and ours (`name.<pid>-<n>.tmp`)
// are orphaned only when a process died mid-write; the folder lock guarantees none is live.
const LEFTOVER_TEMPORARY_FILE = /\.(json|bak)\.(\d+|\d+-\d+\.tmp)$/;

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

function shardName(prefix: string, shard: number, count: number): string {
  return `${prefix}-${String(shard).padStart(String(count - 1).length, '0')}.json`;
}

function itemShardOf(feedId: string): number {
  return shardNumberOf(feedId, ITEM_SHARD_COUNT);
}

function stateShardOf(itemId: string): number {
  return shardNumberOf(itemId, STATE_SHARD_COUNT);
}

function sameItemRecord(a: ItemRecord, b: ItemRecord): boolean {
  return (
    a.feedId === b.feedId &&
    a.guid === b.guid &&
    a.title === b.title &&
    a.link === b.link &&
    a.author === b.author &&
    a.publishedAt === b.publishedAt &&
    a.excerpt === b.excerpt &&
    a.fetchedAt === b.fetchedAt &&
    a.journal === b.journal &&
    a.relatedDoi === b.relatedDoi &&
    a.paperIds.doi === b.paperIds.doi &&
    a.paperIds.pmid === b.paperIds.pmid &&
    a.paperIds.arxiv === b.paperIds.arxiv &&
    sameList(a.authors, b.authors) &&
    sameList(a.citations, b.citations) &&
    sameList(a.media.map(mediaKey), b.media.map(mediaKey))
  );
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

function mediaKey(media: ItemRecord['media'][number]): string {
  return `${media.url}\n${media.type ?? ''}\n${media.medium ?? ''}`;
}

function copyFeed(feed: FeedRecord): StoredFeed {
  return { ...feed, lastError: feed.lastError && { ...feed.lastError } };
}

async function removeLeftoverTemporaryFiles(libraryDir: string): Promise<void> {
  const folders = ['', 'items', 'state', 'backups', 'backups/items', 'backups/state'];
  await Promise.all(
    folders.map(async (folder) => {
      const dir = join(libraryDir, folder);
      for (const name of await readdir(dir)) {
        if (LEFTOVER_TEMPORARY_FILE.test(name)) await rm(join(dir, name), { force: true });
      }
    }),
  );
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
 */
export class LowdbLibraryStore implements LibraryStore {
  private readonly feeds = new Map<string, FeedRecord>();
  private readonly items = new Map<string, IndexedItem>();
  private readonly list = new NewestFirstItemIndex();
  private readonly itemShards: Map<string, ItemRecord>[];
  private readonly stateShards: Map<string, ItemStateRecord>[];
  /** Loaded content shards in least-recently-used order. */
  private readonly contentShards = new Map<number, Map<string, string>>();
  private storedNotices: StorageNotice[] = [];
  private ruleSet: RuleSet = { muteRules: [], savedSearches: [] };
  /**
   * Folded search text by record, built on first search or mute check. Folding the whole
   * library takes about a second at 100,000 items; searching folded text takes milliseconds.
   * Keyed by record so a refreshed item (a new record) is folded afresh.
   */
  private readonly foldedText = new WeakMap<ItemRecord, string>();

  private readonly feedsDocument: LibraryDocument<FeedsDocument>;
  private readonly noticesDocument: LibraryDocument<NoticesDocument>;
  private readonly rulesDocument: LibraryDocument<RulesDocument>;
  private readonly itemDocuments: LibraryDocument<ItemShardDocument>[];
  private readonly contentDocuments: LibraryDocument<ContentShardDocument>[];
  private readonly stateDocuments: LibraryDocument<StateShardDocument>[];
  private readonly cachedContentShards: number;
  private closing: Promise<void> | null = null;

  private constructor(libraryDir: string, options: LowdbLibraryStoreOptions) {
    this.cachedContentShards = Math.max(
      1,
      options.cachedContentShards ?? DEFAULT_CACHED_CONTENT_SHARDS,
    );
    const common = {
      libraryDir,
      backupIntervalMs: options.backupIntervalMs ?? DEFAULT_BACKUP_INTERVAL_MS,
      now: options.now ?? (() => new Date()),
      onWritten: options.onDocumentWritten,
    };
    const documentFor = <T>(
      specific: Omit<LibraryDocumentOptions<T>, keyof typeof common>,
    ): LibraryDocument<T> => new LibraryDocument<T>({ ...common, ...specific });

    this.feedsDocument = documentFor<FeedsDocument>({
      relativePath: 'feeds.json',
      subject: 'your feed subscriptions',
      remedy: '',
      repair: repairFeedsDocument,
      empty: () => ({ schemaVersion: LIBRARY_SCHEMA_VERSION, feeds: [] }),
      serialize: () => ({ schemaVersion: LIBRARY_SCHEMA_VERSION, feeds: [...this.feeds.values()] }),
      indent: 2,
    });
    this.noticesDocument = documentFor<NoticesDocument>({
      relativePath: 'notices.json',
      subject: 'the list of storage notices',
      remedy: '',
      repair: repairNoticesDocument,
      empty: () => ({ schemaVersion: LIBRARY_SCHEMA_VERSION, notices: [] }),
      serialize: () => ({ schemaVersion: LIBRARY_SCHEMA_VERSION, notices: this.storedNotices }),
      indent: 2,
    });
    this.rulesDocument = documentFor<RulesDocument>({
      relativePath: 'rules.json',
      subject: 'your mute rules and saved searches',
      remedy: '',
      repair: repairRulesDocument,
      empty: () => ({ schemaVersion: LIBRARY_SCHEMA_VERSION, muteRules: [], savedSearches: [] }),
      serialize: () => ({ schemaVersion: LIBRARY_SCHEMA_VERSION, ...this.ruleSet }),
      indent: 2,
    });
    this.itemShards = Array.from({ length: ITEM_SHARD_COUNT }, () => new Map());
    this.itemDocuments = this.itemShards.map((shard, number) =>
      documentFor<ItemShardDocument>({
        relativePath: `items/${shardName('index', number, ITEM_SHARD_COUNT)}`,
        subject: 'part of your article list',
        remedy: ITEMS_REMEDY,
        repair: repairItemShard,
        empty: () => ({ schemaVersion: LIBRARY_SCHEMA_VERSION, items: [] }),
        serialize: () => ({ schemaVersion: LIBRARY_SCHEMA_VERSION, items: [...shard.values()] }),
      }),
    );
    this.contentDocuments = Array.from({ length: ITEM_SHARD_COUNT }, (_, number) =>
      documentFor<ContentShardDocument>({
        relativePath: `items/${shardName('content', number, ITEM_SHARD_COUNT)}`,
        subject: 'the text of some articles',
        remedy: ITEMS_REMEDY,
        repair: repairContentShard,
        empty: () => ({ schemaVersion: LIBRARY_SCHEMA_VERSION, html: {} }),
        serialize: () => {
          const shard = this.contentShards.get(number);
          // A shard with unsaved changes is never evicted; writing an empty one here would erase it.
          if (!shard) throw new Error(`Content shard ${number} is not in memory.`);
          return { schemaVersion: LIBRARY_SCHEMA_VERSION, html: Object.fromEntries(shard) };
        },
      }),
    );
    this.stateShards = Array.from({ length: STATE_SHARD_COUNT }, () => new Map());
    this.stateDocuments = this.stateShards.map((shard, number) =>
      documentFor<StateShardDocument>({
        relativePath: `state/${shardName('state', number, STATE_SHARD_COUNT)}`,
        subject: 'some of your read and starred marks',
        remedy: '',
        repair: repairStateShard,
        empty: () => ({ schemaVersion: LIBRARY_SCHEMA_VERSION, states: {} }),
        serialize: () => ({
          schemaVersion: LIBRARY_SCHEMA_VERSION,
          states: Object.fromEntries(shard),
        }),
      }),
    );
  }

  /**
   * Opens (or creates) the library in `<dataDir>/library/`. The caller must hold the data
   * folder's lock. Damaged files are recovered, never fatal: see {@link notices}.
   */
  static async open(
    dataDir: string,
    options: LowdbLibraryStoreOptions = {},
  ): Promise<LowdbLibraryStore> {
    const libraryDir = join(dataDir, 'library');
    for (const folder of ['items', 'state', 'backups/items', 'backups/state']) {
      await mkdir(join(libraryDir, folder), { recursive: true });
    }
    await removeLeftoverTemporaryFiles(libraryDir);
    const store = new LowdbLibraryStore(libraryDir, options);
    await store.load();
    return store;
  }

  listFeeds(): StoredFeed[] {
    return [...this.feeds.values()].map(copyFeed);
  }

  getFeed(id: string): StoredFeed | undefined {
    const feed = this.feeds.get(id);
    return feed && copyFeed(feed);
  }

  findFeedByUrl(url: string): StoredFeed | undefined {
    for (const feed of this.feeds.values()) if (feed.url === url) return copyFeed(feed);
    return undefined;
  }

  async saveFeed(feed: StoredFeed): Promise<void> {
    this.assertOpen();
    const record = repairFeedRecord(feed);
    if (record === null) throw new TypeError('A feed needs an id and a URL to be stored.');
    this.feeds.set(record.id, record);
    await this.feedsDocument.write();
  }

  async removeFeed(id: string): Promise<boolean> {
    this.assertOpen();
    if (!this.feeds.has(id)) return false;
    const removed = this.list.removeFeed(id);
    const itemShard = itemShardOf(id);
    const removedIds = new Set<string>();
    const touchedStateShards = new Set<number>();
    for (const item of removed) {
      const itemId = item.record.id;
      removedIds.add(itemId);
      this.items.delete(itemId);
      this.itemShards[itemShard]?.delete(itemId);
      const stateShard = stateShardOf(itemId);
      if (this.stateShards[stateShard]?.delete(itemId)) touchedStateShards.add(stateShard);
    }
    const writes: Promise<void>[] = [...touchedStateShards].map((shard) =>
      this.stateDocument(shard).write(),
    );
    if (removed.length > 0) {
      writes.push(
        this.itemDocument(itemShard).write(),
        this.editContent(itemShard, (html) => {
          let changed = false;
          for (const itemId of removedIds) changed = html.delete(itemId) || changed;
          return changed;
        }),
      );
    }
    // The feed goes last: if the process dies before its items are gone, the feed is still
    // listed and can be removed again, instead of leaving items no feed owns.
    await Promise.all(writes);
    this.feeds.delete(id);
    await this.feedsDocument.write();
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
    const itemShardsTouched = new Map<number, boolean>();
    const contentEdits = new Map<number, Map<string, string | null>>();
    const touch = (shard: number, isChanged: boolean): void => {
      itemShardsTouched.set(shard, (itemShardsTouched.get(shard) ?? false) || isChanged);
    };
    const editsOf = (shard: number): Map<string, string | null> => {
      let edits = contentEdits.get(shard);
      if (!edits) contentEdits.set(shard, (edits = new Map()));
      return edits;
    };

    for (const { record, html } of incoming.values()) {
      const shard = itemShardOf(record.feedId);
      const existing = this.items.get(record.id);
      if (!existing) {
        const item = indexedItem(
          record,
          this.stateShards[stateShardOf(record.id)]?.get(record.id) ?? UNMARKED,
          this.isMuted(record),
        );
        this.items.set(record.id, item);
        this.itemShards[shard]?.set(record.id, record);
        added.push(item);
        touch(shard, true);
      } else if (sameItemRecord(existing.record, record)) {
        touch(shard, false);
      } else {
        const previousShard = itemShardOf(existing.record.feedId);
        if (previousShard !== shard) {
          this.itemShards[previousShard]?.delete(record.id);
          touch(previousShard, true);
          editsOf(previousShard).set(record.id, null);
        }
        this.itemShards[shard]?.set(record.id, record);
        changed.push({ item: existing, record });
        touch(shard, true);
      }
      editsOf(shard).set(record.id, html);
    }

    // Dates or feed may have changed: take the items out of the order before changing them.
    this.list.remove(changed.map(({ item }) => item));
    const repositioned = changed.map(({ item, record }) => {
      const fresh = indexedItem(record, item, this.isMuted(record));
      return Object.assign(item, fresh);
    });
    this.list.add([...added, ...repositioned]);
    // A paper arriving from one more feed takes the marks it already has in the others.
    const markedShards = this.shareMarksAmongCopies(
      [...added, ...repositioned].map((item) => this.list.copiesOf(item)),
    );

    const writes: Promise<void>[] = [...markedShards].map((shard) =>
      this.stateDocument(shard).write(),
    );
    for (const [shard, isChanged] of itemShardsTouched) {
      writes.push(
        isChanged ? this.itemDocument(shard).write() : this.itemDocument(shard).settled(),
      );
    }
    for (const [shard, edits] of contentEdits) {
      writes.push(
        this.editContent(shard, (html) => {
          let contentChanged = false;
          for (const [itemId, value] of edits) {
            if (value === null) {
              contentChanged = html.delete(itemId) || contentChanged;
            } else if (html.get(itemId) !== value) {
              html.set(itemId, value);
              contentChanged = true;
            }
          }
          return contentChanged;
        }),
      );
    }
    await Promise.all(writes);
    return added.length;
  }

  getItem(id: string): ItemDetailRow | undefined {
    const item = this.items.get(id);
    if (!item) return undefined;
    // An item whose HTML was lost (a crash between the two writes, a reset shard) shows an empty
    // body until the next refresh stores its content again.
    const contentHtml = this.contentShard(itemShardOf(item.record.feedId)).get(id) ?? '';
    return {
      ...this.rowOf(item),
      contentHtml,
      discussions: this.list.discussionsOf(item).map((post) => this.rowOf(post)),
      linkedVersion: this.linkedVersionOf(item),
    };
  }

  queryItems(query: ItemQuery): { rows: ItemRow[]; total: number } {
    const search = query.query === undefined ? null : compileSearchQuery(query.query);
    const { items, total } = this.list.query({
      feedId: query.feedId,
      filter: query.filter,
      offset: query.offset,
      limit: query.limit,
      matches: search === null ? undefined : (item) => search(this.foldedTextOf(item.record)),
    });
    return { rows: items.map((item) => this.rowOf(item)), total };
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
    // Marks are mirrored to every feed's copy of a paper rather than kept once under the paper's
    // key: each feed's unread count stays a plain count of its own items, the marks file keeps
    // its layout, and removing one feed never takes the paper's marks away from the others.
    const copies = this.list.copiesOf(item);
    const changedShards = new Set<number>();
    for (const copy of copies) {
      const after: ItemStateRecord = {
        read: patch.read ?? copy.read,
        starred: patch.starred ?? copy.starred,
      };
      const shard = this.applyMarks(copy, after);
      if (shard !== null) changedShards.add(shard);
    }
    if (changedShards.size === 0) {
      // Nothing to change, but an earlier call may still be writing this very value.
      await Promise.all(
        copies.map((copy) => this.stateDocument(stateShardOf(copy.record.id)).settled()),
      );
      return true;
    }
    await Promise.all([...changedShards].map((shard) => this.stateDocument(shard).write()));
    return true;
  }

  rules(): RuleSet {
    return {
      muteRules: this.ruleSet.muteRules.map((rule) => ({ ...rule })),
      savedSearches: this.ruleSet.savedSearches.map((search) => ({ ...search })),
    };
  }

  async saveRules(rules: RuleSet): Promise<void> {
    this.assertOpen();
    const { document } = repairRulesDocument(rules);
    this.ruleSet = { muteRules: document.muteRules, savedSearches: document.savedSearches };
    for (const item of this.items.values()) this.list.setMuted(item, this.isMuted(item.record));
    await this.rulesDocument.write();
  }

  notices(): StorageNotice[] {
    return this.storedNotices.map((notice) => ({ ...notice }));
  }

  async dismissNotice(id: string): Promise<boolean> {
    this.assertOpen();
    const remaining = this.storedNotices.filter((notice) => notice.id !== id);
    if (remaining.length === this.storedNotices.length) return false;
    this.storedNotices = remaining;
    await this.noticesDocument.write();
    return true;
  }

  close(): Promise<void> {
    this.closing ??= this.flushAll();
    return this.closing;
  }

  /** True when one of the mute rules hides this item. */
  private isMuted(record: ItemRecord): boolean {
    const rules: readonly MuteRule[] = this.ruleSet.muteRules;
    if (rules.length === 0) return false;
    const text = {
      feedId: record.feedId,
      title: rules.some((rule) => rule.field === 'title') ? searchableText(record.title) : ' ',
      everything: this.foldedTextOf(record),
    };
    return rules.some((rule) => matchesMuteRule(rule, text));
  }

  private foldedTextOf(record: ItemRecord): string {
    let folded = this.foldedText.get(record);
    if (folded === undefined) {
      folded = searchableFieldsText(record);
      this.foldedText.set(record, folded);
    }
    return folded;
  }

  /** An item as lists show it: record, marks, the paper's copies and its discussion count. */
  private rowOf(item: IndexedItem): ItemRow {
    return {
      ...item.record,
      read: item.read,
      starred: item.starred,
      copies: this.list.copiesOf(item).map(({ record }) => ({
        itemId: record.id,
        feedId: record.feedId,
        link: record.link,
      })),
      discussedBy: this.list.colleaguesDiscussing(item),
    };
  }

  /** The preprint or published version a publisher names for any copy of this paper. */
  private linkedVersionOf(item: IndexedItem): LinkedVersion | null {
    const copies = this.list.copiesOf(item);
    for (const { record } of copies) {
      if (record.relatedDoi === null) continue;
      const published = this.list.paperWithDoi(record.relatedDoi);
      return {
        relation: 'published-version',
        doi: record.relatedDoi,
        row: published ? this.rowOf(published) : null,
      };
    }
    for (const { record } of copies) {
      const preprint =
        record.paperIds.doi === null
          ? undefined
          : this.list.preprintsPublishedAs(record.paperIds.doi)[0];
      if (preprint) {
        return {
          relation: 'preprint',
          doi: preprint.record.paperIds.doi,
          row: this.rowOf(preprint),
        };
      }
    }
    return null;
  }

  /**
   * Gives every copy of each paper the union of the copies' marks. Returns the state shards that
   * changed, for the caller to write.
   */
  private shareMarksAmongCopies(papers: Iterable<IndexedItem[]>): Set<number> {
    const changed = new Set<number>();
    for (const copies of papers) {
      if (copies.length < 2) continue;
      const union: ItemStateRecord = {
        read: copies.some((copy) => copy.read),
        starred: copies.some((copy) => copy.starred),
      };
      for (const copy of copies) {
        const shard = this.applyMarks(copy, union);
        if (shard !== null) changed.add(shard);
      }
    }
    return changed;
  }

  /** Sets an item's marks in memory; returns its state shard when they changed, else null. */
  private applyMarks(item: IndexedItem, after: ItemStateRecord): number | null {
    if (item.read === after.read && item.starred === after.starred) return null;
    const before: ItemStateRecord = { read: item.read, starred: item.starred };
    item.read = after.read;
    item.starred = after.starred;
    this.list.marksChanged(item, before);
    const shard = stateShardOf(item.record.id);
    const marks = this.stateShards[shard];
    if (after.read || after.starred) marks?.set(item.record.id, { ...after });
    else marks?.delete(item.record.id);
    return shard;
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
    const noticesLoad = await this.noticesDocument.load();
    this.storedNotices = [...noticesLoad.document.notices];
    const [rulesLoad, feedsLoad, itemLoads, stateLoads] = await Promise.all([
      this.rulesDocument.load(),
      this.feedsDocument.load(),
      Promise.all(this.itemDocuments.map((document) => document.load())),
      Promise.all(this.stateDocuments.map((document) => document.load())),
    ]);
    const { muteRules, savedSearches } = rulesLoad.document;
    this.ruleSet = { muteRules: [...muteRules], savedSearches: [...savedSearches] };
    const recovered = [noticesLoad, rulesLoad, feedsLoad, ...itemLoads, ...stateLoads].flatMap(
      (load) => (load.notice ? [load.notice] : []),
    );

    for (const feed of feedsLoad.document.feeds) this.feeds.set(feed.id, feed);

    // A record found in another shard than its hash says (files copied around by hand) is moved
    // to its proper shard, and both files are rewritten.
    const misplacedStateShards = new Set<number>();
    stateLoads.forEach(({ document }, number) => {
      for (const [itemId, marks] of Object.entries(document.states)) {
        const shard = stateShardOf(itemId);
        this.stateShards[shard]?.set(itemId, marks);
        if (shard !== number) misplacedStateShards.add(shard).add(number);
      }
    });
    const misplacedItemShards = new Set<number>();
    const loaded: IndexedItem[] = [];
    itemLoads.forEach(({ document }, number) => {
      for (const record of document.items) {
        const shard = itemShardOf(record.feedId);
        if (shard !== number) misplacedItemShards.add(shard).add(number);
        if (this.items.has(record.id)) continue;
        const item = indexedItem(
          record,
          this.stateShards[stateShardOf(record.id)]?.get(record.id) ?? UNMARKED,
          this.isMuted(record),
        );
        this.items.set(record.id, item);
        this.itemShards[shard]?.set(record.id, record);
        loaded.push(item);
      }
    });
    this.list.add(loaded);
    // Copies of a paper whose marks differ: a crash between two mirrored writes, or files from
    // a build that kept marks per copy. The union is what the reader last saw on some copy.
    for (const shard of this.shareMarksAmongCopies(this.list.papersWithSeveralCopies())) {
      misplacedStateShards.add(shard);
    }

    const writes: Promise<void>[] = [
      ...[...misplacedStateShards].map((shard) => this.stateDocument(shard).write()),
      ...[...misplacedItemShards].map((shard) => this.itemDocument(shard).write()),
    ];
    if (recovered.length > 0) {
      this.storedNotices.push(...recovered);
      writes.push(this.noticesDocument.write());
    }
    await Promise.all(writes);
  }

  /** Loads a content shard on demand (synchronously: `getItem` is synchronous) and marks it recently used. */
  private contentShard(number: number): Map<string, string> {
    const cached = this.contentShards.get(number);
    if (cached) {
      this.contentShards.delete(number);
      this.contentShards.set(number, cached);
      return cached;
    }
    const { document, notice } = this.contentDocument(number).loadSync();
    const shard = new Map(Object.entries(document.html));
    this.contentShards.set(number, shard);
    if (notice) this.recordNoticeLater(notice);
    this.evictContentShards(number);
    return shard;
  }

  /** Applies an edit to a content shard and writes it if the edit changed anything. */
  private editContent(number: number, edit: (html: Map<string, string>) => boolean): Promise<void> {
    // Edit and write request happen in one synchronous step, so the shard cannot be evicted
    // between them.
    const document = this.contentDocument(number);
    return edit(this.contentShard(number)) ? document.write() : document.settled();
  }

  private evictContentShards(keep: number): void {
    for (const number of this.contentShards.keys()) {
      if (this.contentShards.size <= this.cachedContentShards) return;
      if (number !== keep && this.contentDocument(number).isIdle) this.contentShards.delete(number);
    }
  }

  private recordNoticeLater(notice: StorageNotice): void {
    this.storedNotices.push(notice);
    this.noticesDocument.write().catch((error: unknown) => {
      console.error('[rounds] could not save a storage notice', error);
    });
  }

  private assertOpen(): void {
    if (this.closing) throw new Error('The library has been closed; no more changes can be saved.');
  }

  private allDocuments(): LibraryDocument<unknown>[] {
    return [
      this.feedsDocument,
      this.noticesDocument,
      this.rulesDocument,
      ...this.itemDocuments,
      ...this.contentDocuments,
      ...this.stateDocuments,
    ] as LibraryDocument<unknown>[];
  }

  private itemDocument(number: number): LibraryDocument<ItemShardDocument> {
    return this.itemDocuments[number] as LibraryDocument<ItemShardDocument>;
  }

  private contentDocument(number: number): LibraryDocument<ContentShardDocument> {
    return this.contentDocuments[number] as LibraryDocument<ContentShardDocument>;
  }

  private stateDocument(number: number): LibraryDocument<StateShardDocument> {
    return this.stateDocuments[number] as LibraryDocument<StateShardDocument>;
  }
}
