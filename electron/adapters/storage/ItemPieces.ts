import { createHash } from 'node:crypto';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { StorageNotice } from '@shared/contract';
import {
  LIBRARY_SCHEMA_VERSION,
  type ContentShardDocument,
  type ItemRecord,
  type RecordsPieceDocument,
} from '@shared/domain/library/libraryDocuments';
import { repairContentShard } from '@shared/domain/library/repairContentShard';
import { repairRecordsPiece } from '@shared/domain/library/repairRecordsPiece';
import { AtomicJsonFileAdapter } from './AtomicJsonFileAdapter';
import type { LibraryDocument } from './LibraryDocument';
import type { CreateLibraryDocument } from './libraryDocumentFactory';
import { fsyncDirectory } from './fsyncDirectory';
import { ITEMS_REMEDY } from './itemsRemedy';
import { createOwnerOnlyFolder } from './prepareLibraryFolders';
import { LEFTOVER_TEMPORARY_FILE } from './temporaryFileName';

/**
 * Items per piece. A piece holds items of one feed that arrived together, so adding a 1,000-item
 * feed writes about 60 small files whatever the library's size, and opening an item reads one
 * content piece of some 30–100 KB. One file per item would cost a 4 KB disk block for a 2 KB
 * abstract, and ten thousands of files per folder.
 */
export const ITEMS_PER_PIECE = 32;

/** Where an item's record and HTML are kept. */
export interface PieceAddress {
  feedId: string;
  piece: number;
}

/** The records of one feed's folder, as loaded. */
export interface LoadedFeedPieces {
  feedId: string;
  records: ItemRecord[];
}

/** The folder name of a feed: a hash, since feed ids are not necessarily valid file names. */
export function feedFolderName(feedId: string): string {
  return createHash('sha256').update(feedId).digest('hex').slice(0, 24);
}

/**
 * A piece's file name. Pieces are gzip-compressed: HTML shrinks about sixfold and records about
 * fivefold, and inflating is cheaper than the JSON parsing that follows it.
 */
export function pieceFileName(kind: 'records' | 'content', piece: number): string {
  return `${kind}-${String(piece).padStart(4, '0')}.json.gz`;
}

const RECORDS_PIECE = /^records-(\d+)\.json\.gz$/;

/** The pieces of one feed: which items each holds. */
interface FeedPieces {
  folder: string;
  members: Map<number, Set<string>>;
  /** The folder exists (created, or found at load). */
  folderReady: Promise<void> | null;
}

/**
 * Fetched items in small pieces per feed under `pieces/<feed>/`: `records-NNNN.json.gz` holds the
 * records (without HTML) of up to {@link ITEMS_PER_PIECE} items, `content-NNNN.json.gz` their
 * HTML, both gzip-compressed.
 * Records are kept in memory by the store once loaded; HTML is read from disk when an item is
 * opened. Neither has a backup: a damaged piece is set aside, reported, and its feed fetched
 * again (see `onDamaged`).
 *
 * The HTML of a piece is written before its records, so an item that is listed has its text on
 * disk (or, after a crash in between, shows an empty body until the next refresh).
 */
export class ItemPieces {
  private readonly feeds = new Map<string, FeedPieces>();
  private readonly addresses = new Map<string, PieceAddress>();
  private readonly recordDocuments = new Map<string, LibraryDocument<RecordsPieceDocument>>();
  private readonly contentDocuments = new Map<string, LibraryDocument<ContentShardDocument>>();
  /** HTML being written, by content piece: what its document serialises. */
  private readonly contentBeingWritten = new Map<string, Map<string, string>>();
  /** One read-change-write of a content piece at a time. */
  private readonly contentWork = new Map<string, Promise<void>>();

  /**
   * @param recordOf the store's current record of an item, written into its records piece.
   * @param onDamaged told, with the notice for the user, when a piece had to be set aside: its
   *   feed's items must be fetched again (null: a folder of no known feed).
   */
  constructor(
    private readonly libraryDir: string,
    private readonly createDocument: CreateLibraryDocument,
    private readonly recordOf: (itemId: string) => ItemRecord | undefined,
    private readonly onDamaged: (feedId: string | null, notice: StorageNotice) => void,
  ) {}

  /** Where an item is kept, or undefined for an item not placed. */
  addressOf(itemId: string): PieceAddress | undefined {
    return this.addresses.get(itemId);
  }

  /** Every item id in a feed's pieces. */
  itemsOf(feedId: string): string[] {
    const feed = this.feeds.get(feedId);
    return feed ? [...feed.members.values()].flatMap((members) => [...members]) : [];
  }

  /**
   * Gives a new item a place: the feed's newest piece while it has room, else a new one. Returns
   * the address, whose records and content pieces the caller then writes.
   */
  place(itemId: string, feedId: string): PieceAddress {
    const feed = this.feedPieces(feedId);
    const newest = Math.max(-1, ...feed.members.keys());
    const members = feed.members.get(newest);
    const piece = members && members.size < ITEMS_PER_PIECE ? newest : newest + 1;
    let target = feed.members.get(piece);
    if (!target) feed.members.set(piece, (target = new Set()));
    target.add(itemId);
    const address = { feedId, piece };
    this.addresses.set(itemId, address);
    return address;
  }

  /** Forgets an item's place; returns it, for the caller to rewrite that piece. */
  unplace(itemId: string): PieceAddress | undefined {
    const address = this.addresses.get(itemId);
    if (!address) return undefined;
    this.addresses.delete(itemId);
    this.feeds.get(address.feedId)?.members.get(address.piece)?.delete(itemId);
    return address;
  }

  /** Writes the records pieces at these addresses from the store's records. */
  async writeRecords(addresses: Iterable<PieceAddress>): Promise<void> {
    await Promise.all(
      uniqueAddresses(addresses).map(async (address) => {
        await this.folderOf(address.feedId);
        await this.recordsDocument(address).write();
      }),
    );
  }

  /** Resolves once earlier writes of these records pieces are on disk. */
  async recordsSettled(addresses: Iterable<PieceAddress>): Promise<void> {
    await Promise.all(
      uniqueAddresses(addresses).map((address) => this.recordsDocument(address).settled()),
    );
  }

  /**
   * Sets (or, for null, deletes) the HTML of items of one piece, writing it only when that
   * changed something; resolves once the piece is on disk either way.
   */
  editContent(address: PieceAddress, edits: ReadonlyMap<string, string | null>): Promise<void> {
    const key = this.keyOf(address);
    const work = (this.contentWork.get(key) ?? Promise.resolve()).then(async () => {
      await this.folderOf(address.feedId);
      const document = this.contentDocument(address);
      const html = new Map(Object.entries((await this.readContent(address)).html));
      let changed = false;
      for (const [itemId, value] of edits) {
        if (value === null) changed = html.delete(itemId) || changed;
        else if (html.get(itemId) !== value) {
          html.set(itemId, value);
          changed = true;
        }
      }
      if (!changed) return;
      this.contentBeingWritten.set(key, html);
      try {
        await document.write();
      } finally {
        this.contentBeingWritten.delete(key);
      }
    });
    const settled = work.catch(() => {});
    this.contentWork.set(key, settled);
    void settled.then(() => {
      if (this.contentWork.get(key) === settled) this.contentWork.delete(key);
    });
    return work;
  }

  /** An item's HTML from its content piece: the only file opening an item reads. */
  async htmlOf(itemId: string): Promise<string | undefined> {
    const address = this.addresses.get(itemId);
    if (!address) return undefined;
    await this.contentWork.get(this.keyOf(address));
    return (await this.readContent(address)).html[itemId];
  }

  /** The HTML of every item in the piece holding this item (empty when it has none). */
  async htmlOfPiece(itemId: string): Promise<Map<string, string>> {
    const address = this.addresses.get(itemId);
    if (!address) return new Map();
    await this.contentWork.get(this.keyOf(address));
    return new Map(Object.entries((await this.readContent(address)).html));
  }

  /**
   * The records of these items read straight from their records pieces, without placing them:
   * for answering a search before the library has loaded. A piece that cannot be read is left
   * out (the load reports it); so is an item its piece does not hold.
   */
  async peekRecords(
    wanted: readonly { id: string; feedId: string; place: number | null }[],
  ): Promise<Map<string, ItemRecord>> {
    const pieces = new Map<string, { feedId: string; piece: number }>();
    for (const { feedId, place } of wanted) {
      if (place !== null) pieces.set(`${feedId}\n${place}`, { feedId, piece: place });
    }
    const found = new Map<string, ItemRecord>();
    await Promise.all(
      [...pieces.values()].map(async ({ feedId, piece }) => {
        const folder = this.feeds.get(feedId)?.folder ?? feedFolderName(feedId);
        const adapter = new AtomicJsonFileAdapter(
          join(this.libraryDir, 'pieces', folder, pieceFileName('records', piece)),
          { repair: (raw) => repairRecordsPiece(raw, feedId), withinFolder: this.libraryDir },
        );
        const document = await adapter.read().catch(() => null);
        for (const record of document?.items ?? []) found.set(record.id, record);
      }),
    );
    return found;
  }

  /** Deletes a feed's folder once writes to it are done. */
  async removeFeed(feedId: string): Promise<void> {
    const feed = this.feeds.get(feedId);
    if (!feed) return;
    const keys = [...feed.members.keys()].map((piece) => this.keyOf({ feedId, piece }));
    await Promise.all(
      keys.flatMap((key) => [
        this.recordDocuments.get(key)?.finish(),
        this.contentWork.get(key),
        this.contentDocuments.get(key)?.finish(),
      ]),
    );
    for (const id of this.itemsOf(feedId)) this.addresses.delete(id);
    for (const key of keys) {
      this.recordDocuments.delete(key);
      this.contentDocuments.delete(key);
    }
    this.feeds.delete(feedId);
    await rm(join(this.libraryDir, 'pieces', feed.folder), { recursive: true, force: true });
  }

  /**
   * Takes items out of their pieces (the retention policy's removal). Records are rewritten
   * first, so once an item is no longer listed only its HTML may be left behind by a crash,
   * never a listed item without its text; then the HTML goes. A piece left empty is deleted,
   * except a feed's newest one, which new items fill next: no piece number is ever reused.
   */
  async removeItems(itemIds: Iterable<string>): Promise<void> {
    const pieces = new Map<string, { address: PieceAddress; html: Map<string, null> }>();
    for (const itemId of itemIds) {
      const address = this.unplace(itemId);
      if (!address) continue;
      const key = this.keyOf(address);
      let piece = pieces.get(key);
      if (!piece) pieces.set(key, (piece = { address, html: new Map() }));
      piece.html.set(itemId, null);
    }
    const emptied: PieceAddress[] = [];
    const edited: { address: PieceAddress; html: Map<string, null> }[] = [];
    for (const piece of pieces.values()) {
      const { feedId, piece: number } = piece.address;
      const feed = this.feeds.get(feedId);
      const newest = Math.max(-1, ...(feed?.members.keys() ?? []));
      if (feed && feed.members.get(number)?.size === 0 && number !== newest) {
        // Forgotten at once, so nothing is placed in it while its files are deleted.
        feed.members.delete(number);
        emptied.push(piece.address);
      } else {
        edited.push(piece);
      }
    }
    await this.writeRecords(edited.map((piece) => piece.address));
    await Promise.all([
      ...edited.map((piece) => this.editContent(piece.address, piece.html)),
      ...emptied.map((address) => this.deletePiece(address)),
    ]);
  }

  /** Deletes an emptied piece's two files, records first, once writes to them are done. */
  private async deletePiece(address: PieceAddress): Promise<void> {
    const key = this.keyOf(address);
    await this.recordDocuments.get(key)?.finish();
    await this.contentWork.get(key);
    await this.contentDocuments.get(key)?.finish();
    this.recordDocuments.delete(key);
    this.contentDocuments.delete(key);
    const folder = join(this.libraryDir, 'pieces', this.feedPieces(address.feedId).folder);
    await rm(join(folder, pieceFileName('records', address.piece)), { force: true });
    await rm(join(folder, pieceFileName('content', address.piece)), { force: true });
    // The folder is gone when the feed was unsubscribed meanwhile: nothing left to make durable.
    await fsyncDirectory(folder).catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException | null)?.code !== 'ENOENT') throw error;
    });
  }

  /**
   * The feed folders under `pieces/`, for loading one at a time. Listing folders costs the same
   * whatever the number of items.
   */
  async feedFolders(): Promise<string[]> {
    const entries = await readdir(join(this.libraryDir, 'pieces'), { withFileTypes: true });
    return entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  }

  /**
   * Loads the records of one feed folder and places its items. Leftovers of interrupted writes
   * are removed; a damaged piece is set aside and reported, and its feed fetched again.
   *
   * @param subscribedFeedId the subscribed feed this folder's name belongs to, if any: it names
   *   the feed even when every piece is damaged.
   * @param pause awaited after each piece, to let other calls in.
   */
  async loadFeedFolder(
    folder: string,
    subscribedFeedId: string | null,
    pause: () => Promise<void> = () => Promise.resolve(),
  ): Promise<LoadedFeedPieces | null> {
    const dir = join(this.libraryDir, 'pieces', folder);
    // Tightens a folder (and its files) that was left open; refuses one that became a link.
    await createOwnerOnlyFolder(dir);
    const names = await readdir(dir);
    await Promise.all(
      names
        .filter((name) => LEFTOVER_TEMPORARY_FILE.test(name))
        .map((name) => rm(join(dir, name), { force: true })),
    );
    const pieces = names.flatMap((name) => {
      const match = RECORDS_PIECE.exec(name);
      return match ? [Number(match[1])] : [];
    });
    // One piece at a time, with `pause` between them: each step is a millisecond or two of
    // parsing, so a call arriving meanwhile waits for one piece, not for a whole feed.
    const loads = [];
    for (const piece of pieces) {
      const { document, notice } = await this.createRecordsDocument(
        folder,
        piece,
        subscribedFeedId,
      ).load();
      loads.push({ piece, document, notice });
      await pause();
    }
    const feedId =
      subscribedFeedId ?? loads.find((load) => load.document.feedId !== '')?.document.feedId;
    if (feedId === undefined) {
      for (const { notice } of loads) if (notice) this.onDamaged(null, notice);
      return null;
    }
    const feed = this.feedPieces(feedId, folder);
    feed.folderReady = Promise.resolve();
    const records: ItemRecord[] = [];
    for (const { piece, document, notice } of loads) {
      const members = new Set<string>();
      feed.members.set(piece, members);
      for (const record of document.items) {
        if (this.addresses.has(record.id)) continue;
        members.add(record.id);
        this.addresses.set(record.id, { feedId, piece });
        records.push(record);
      }
      if (notice) this.onDamaged(feedId, notice);
    }
    return { feedId, records };
  }

  /** Every document in use, for the store to flush at close. */
  documents(): LibraryDocument<unknown>[] {
    return [
      ...this.recordDocuments.values(),
      ...this.contentDocuments.values(),
    ] as LibraryDocument<unknown>[];
  }

  /** Waits for content pieces being changed. */
  async contentSettled(): Promise<void> {
    await Promise.all(this.contentWork.values());
  }

  private async readContent(address: PieceAddress): Promise<ContentShardDocument> {
    const { document, notice } = await this.contentDocument(address).load();
    if (notice) this.onDamaged(address.feedId, notice);
    return document;
  }

  private feedPieces(feedId: string, folder = feedFolderName(feedId)): FeedPieces {
    let feed = this.feeds.get(feedId);
    if (!feed) this.feeds.set(feedId, (feed = { folder, members: new Map(), folderReady: null }));
    return feed;
  }

  private folderOf(feedId: string): Promise<void> {
    const feed = this.feedPieces(feedId);
    feed.folderReady ??= createOwnerOnlyFolder(join(this.libraryDir, 'pieces', feed.folder));
    return feed.folderReady;
  }

  private keyOf({ feedId, piece }: PieceAddress): string {
    return `${this.feedPieces(feedId).folder}/${piece}`;
  }

  private recordsDocument(address: PieceAddress): LibraryDocument<RecordsPieceDocument> {
    const key = this.keyOf(address);
    let document = this.recordDocuments.get(key);
    if (!document) {
      const folder = this.feedPieces(address.feedId).folder;
      document = this.createRecordsDocument(folder, address.piece, address.feedId);
      this.recordDocuments.set(key, document);
    }
    return document;
  }

  private createRecordsDocument(
    folder: string,
    piece: number,
    feedId: string | null,
  ): LibraryDocument<RecordsPieceDocument> {
    return this.createDocument<RecordsPieceDocument>({
      relativePath: `pieces/${folder}/${pieceFileName('records', piece)}`,
      compressed: true,
      subject: 'part of your article list',
      remedy: ITEMS_REMEDY,
      backup: 'none',
      repair: (raw) => repairRecordsPiece(raw, feedId),
      empty: () => ({ schemaVersion: LIBRARY_SCHEMA_VERSION, feedId: feedId ?? '', items: [] }),
      serialize: () => {
        if (feedId === null) throw new Error(`Records piece ${folder}/${piece} has no feed.`);
        const members = this.feeds.get(feedId)?.members.get(piece) ?? new Set<string>();
        return {
          schemaVersion: LIBRARY_SCHEMA_VERSION,
          feedId,
          items: [...members].flatMap((id) => this.recordOf(id) ?? []),
        };
      },
    });
  }

  private contentDocument(address: PieceAddress): LibraryDocument<ContentShardDocument> {
    const key = this.keyOf(address);
    let document = this.contentDocuments.get(key);
    if (!document) {
      const folder = this.feedPieces(address.feedId).folder;
      document = this.createDocument<ContentShardDocument>({
        relativePath: `pieces/${folder}/${pieceFileName('content', address.piece)}`,
        subject: 'the text of some articles',
        remedy: ITEMS_REMEDY,
        backup: 'none',
        compressed: true,
        repair: repairContentShard,
        empty: () => ({ schemaVersion: LIBRARY_SCHEMA_VERSION, html: {} }),
        serialize: () => {
          const html = this.contentBeingWritten.get(key);
          // Only editContent writes a content piece, and it sets the HTML first.
          if (!html) throw new Error(`Content piece ${key} has nothing to write.`);
          return { schemaVersion: LIBRARY_SCHEMA_VERSION, html: Object.fromEntries(html) };
        },
      });
      this.contentDocuments.set(key, document);
    }
    return document;
  }
}

function uniqueAddresses(addresses: Iterable<PieceAddress>): PieceAddress[] {
  const unique = new Map<string, PieceAddress>();
  for (const address of addresses) unique.set(`${address.feedId}\n${address.piece}`, address);
  return [...unique.values()];
}
