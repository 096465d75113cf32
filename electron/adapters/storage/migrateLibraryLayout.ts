import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { StorageNotice } from '@shared/contract';
import {
  LIBRARY_LAYOUT_VERSION,
  LIBRARY_SCHEMA_VERSION,
  type ContentShardDocument,
  type ItemRecord,
  type LayoutDocument,
  type Repaired,
} from '@shared/domain/library/libraryDocuments';
import { repairContentShard } from '@shared/domain/library/repairContentShard';
import { repairItemShard } from '@shared/domain/library/repairItemShard';
import { repairLayoutDocument } from '@shared/domain/library/repairLayoutDocument';
import { AtomicJsonFileAdapter, UnreadableJsonFileError } from './AtomicJsonFileAdapter';
import { ITEM_SHARD_COUNT } from './itemShardOf';
import { feedFolderName, ITEMS_PER_PIECE, pieceFileName } from './ItemPieces';
import { createOwnerOnlyFolder } from './prepareLibraryFolders';
import { shardFileName } from './shardFileName';
import { writeFileDurably } from './writeFileDurably';

/** How far a migration has come: `done` of `of` steps. */
export interface MigrationProgress {
  done: number;
  of: number;
}

/** Options of {@link migrateLibraryLayout}. */
export interface MigrationOptions {
  /**
   * Told after each step (awaited, so a caller may pace it). Only called when there is
   * something to migrate.
   */
  onProgress?: ((progress: MigrationProgress) => void | Promise<void>) | undefined;
  now: () => Date;
}

/** What a migration could not bring over. */
export interface MigrationOutcome {
  /** Notices for the user about layout-1 files that could not be read, even from a backup. */
  notices: StorageNotice[];
  /**
   * Layout-1 item shards whose records or HTML were lost: the feeds hashed to them must be
   * fetched again (see itemShardOf).
   */
  lostShards: Set<number>;
}

/** The library was written by a newer Rounds, whose layout this one cannot read. */
export class NewerLibraryLayoutError extends Error {
  override readonly name = 'NewerLibraryLayoutError';

  constructor(readonly layoutVersion: number) {
    super(
      `This library was written by a newer version of Rounds (layout ${layoutVersion}; this ` +
        `version reads layout ${LIBRARY_LAYOUT_VERSION}). Update Rounds to open it; nothing was changed.`,
    );
  }
}

const LAYOUT_FILE = 'layout.json';
const PLAIN_PIECE = /^(?:content|records)-\d+\.json$/;
const gzipped = promisify(gzip);

/**
 * Brings a library to the current layout, once, before the store opens it. Layout 1 kept every
 * item record in 64 index shards and all HTML in 64 content shards (`items/`), each with a backup;
 * layout 2 keeps them in small pieces per feed (see ItemPieces) without backups; layout 3
 * compresses the pieces (see compressPieces). Marks, subscriptions, rules and notices
 * keep their files.
 *
 * Crash-safe: the new pieces are written first (an interrupted run's pieces are cleared and
 * written again), then `layout.json` is written in one atomic step, and only then are the old
 * files removed; a start that finds `layout.json` finishes that removal.
 */
export async function migrateLibraryLayout(
  libraryDir: string,
  options: MigrationOptions,
): Promise<MigrationOutcome> {
  const layout = await readLayout(libraryDir);
  if (layout !== null && layout.layoutVersion > LIBRARY_LAYOUT_VERSION) {
    throw new NewerLibraryLayoutError(layout.layoutVersion);
  }
  const hasLayout1 = existsSync(join(libraryDir, 'items'));
  let outcome: MigrationOutcome = { notices: [], lostShards: new Set() };
  if (layout === null && hasLayout1) outcome = await moveItemsIntoPieces(libraryDir, options);
  else if (layout === null || layout.layoutVersion < 3) {
    await compressPieces(libraryDir, options);
  }
  if (layout === null || layout.layoutVersion < LIBRARY_LAYOUT_VERSION) {
    const current: LayoutDocument = { layoutVersion: LIBRARY_LAYOUT_VERSION };
    await writeFileDurably(join(libraryDir, LAYOUT_FILE), `${JSON.stringify(current)}\n`);
  }
  if (hasLayout1) {
    await rm(join(libraryDir, 'items'), { recursive: true, force: true });
    await rm(join(libraryDir, 'backups', 'items'), { recursive: true, force: true });
  }
  return outcome;
}

async function readLayout(libraryDir: string): Promise<LayoutDocument | null> {
  const adapter = new AtomicJsonFileAdapter(join(libraryDir, LAYOUT_FILE), {
    repair: repairLayoutDocument,
    withinFolder: libraryDir,
  });
  try {
    return await adapter.read();
  } catch (error) {
    // A damaged layout file says nothing: the files themselves tell (items/ only in layout 1).
    if (error instanceof UnreadableJsonFileError) return null;
    throw error;
  }
}

async function moveItemsIntoPieces(
  libraryDir: string,
  options: MigrationOptions,
): Promise<MigrationOutcome> {
  const piecesDir = join(libraryDir, 'pieces');
  // Pieces of an interrupted run are incomplete: start again from the old files, still intact.
  await rm(piecesDir, { recursive: true, force: true });
  await createOwnerOnlyFolder(piecesDir);
  const notices: StorageNotice[] = [];
  const lostShards = new Set<number>();
  const seen = new Set<string>();
  const nextPiece = new Map<string, number>();
  for (let shard = 0; shard < ITEM_SHARD_COUNT; shard += 1) {
    const index = await readLayout1Shard(libraryDir, 'index', shard, repairItemShard, options);
    const content = await readLayout1Shard(
      libraryDir,
      'content',
      shard,
      repairContentShard,
      options,
    );
    for (const { notice, lost } of [index, content]) {
      if (notice) notices.push(notice);
      if (lost) lostShards.add(shard);
    }
    const byFeed = new Map<string, ItemRecord[]>();
    for (const record of index.document?.items ?? []) {
      if (seen.has(record.id)) continue;
      seen.add(record.id);
      let records = byFeed.get(record.feedId);
      if (!records) byFeed.set(record.feedId, (records = []));
      records.push(record);
    }
    const html = content.document?.html ?? {};
    for (const [feedId, records] of byFeed) {
      await writeFeedPieces(piecesDir, feedId, records, html, nextPiece);
    }
    await options.onProgress?.({ done: shard + 1, of: ITEM_SHARD_COUNT });
  }
  return { notices, lostShards };
}

async function writeFeedPieces(
  piecesDir: string,
  feedId: string,
  records: ItemRecord[],
  html: ContentShardDocument['html'],
  nextPiece: Map<string, number>,
): Promise<void> {
  const folder = join(piecesDir, feedFolderName(feedId));
  await createOwnerOnlyFolder(folder);
  for (let start = 0; start < records.length; start += ITEMS_PER_PIECE) {
    const piece = nextPiece.get(feedId) ?? 0;
    nextPiece.set(feedId, piece + 1);
    const members = records.slice(start, start + ITEMS_PER_PIECE);
    const pieceHtml = members.flatMap((record) =>
      Object.hasOwn(html, record.id) ? [[record.id, html[record.id] as string]] : [],
    );
    // Content before records, as the store writes them: a listed item has its text.
    await writeFileDurably(
      join(folder, pieceFileName('content', piece)),
      await gzipped(
        JSON.stringify({
          schemaVersion: LIBRARY_SCHEMA_VERSION,
          html: Object.fromEntries(pieceHtml),
        }),
      ),
    );
    await writeFileDurably(
      join(folder, pieceFileName('records', piece)),
      await gzipped(
        JSON.stringify({ schemaVersion: LIBRARY_SCHEMA_VERSION, feedId, items: members }),
      ),
    );
  }
}

/**
 * Layout 2 to 3: every plain piece (records and content) is written again gzip-compressed beside itself, then
 * removed. A piece found in both forms was compressed by a run that stopped before removing the
 * plain one (the compressed file is complete: it was renamed into place whole). The bytes are
 * compressed as they are, so a damaged piece stays damaged and is reported when it is read.
 */
async function compressPieces(libraryDir: string, options: MigrationOptions): Promise<void> {
  const piecesDir = join(libraryDir, 'pieces');
  const folders = existsSync(piecesDir)
    ? (await readdir(piecesDir, { withFileTypes: true })).filter((entry) => entry.isDirectory())
    : [];
  const plain: string[] = [];
  for (const folder of folders) {
    for (const name of await readdir(join(piecesDir, folder.name))) {
      if (PLAIN_PIECE.test(name)) plain.push(join(piecesDir, folder.name, name));
    }
  }
  for (const [done, path] of plain.entries()) {
    if (!existsSync(`${path}.gz`))
      await writeFileDurably(`${path}.gz`, await gzipped(await readFile(path)));
    await rm(path, { force: true });
    await options.onProgress?.({ done: done + 1, of: plain.length });
  }
}

/** A layout-1 shard, from its file or else its backup; null with a notice when neither reads. */
async function readLayout1Shard<T>(
  libraryDir: string,
  kind: 'index' | 'content',
  shard: number,
  repair: (raw: unknown) => Repaired<T>,
  options: MigrationOptions,
): Promise<{ document: T | null; notice: StorageNotice | null; lost: boolean }> {
  const name = shardFileName(kind, shard, ITEM_SHARD_COUNT);
  const candidates = [join('items', name), join('backups', 'items', `${name}.bak`)];
  for (const candidate of candidates) {
    const adapter = new AtomicJsonFileAdapter(join(libraryDir, candidate), {
      repair,
      withinFolder: libraryDir,
    });
    try {
      const document = await adapter.read();
      if (document !== null) return { document, notice: null, lost: false };
    } catch (error) {
      if (!(error instanceof UnreadableJsonFileError)) throw error;
      console.warn(`[rounds] ${error.message}`);
    }
  }
  // A shard never written is simply empty; one that vanished with its backup lost its items.
  if (!existsSync(join(libraryDir, candidates[0] as string))) {
    return { document: null, notice: null, lost: false };
  }
  const what = kind === 'index' ? 'part of your article list' : 'the text of some articles';
  return {
    document: null,
    lost: true,
    notice: {
      id: randomUUID(),
      kind: 'reset-to-empty',
      message:
        `Rounds could not read ${what} (items/${name}) while updating your library, nor its ` +
        'backup, so those articles were left out. Refreshing your feeds fetches them again.',
      keptAt: '',
      at: options.now().toISOString(),
    },
  };
}
