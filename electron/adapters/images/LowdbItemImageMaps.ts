import { join } from 'node:path';
import type { StorageNotice } from '@shared/contract';
import {
  type ItemImagesRecord,
  type ItemImageShardDocument,
  repairItemImageShard,
} from '@shared/domain/images/itemImageDocuments';
import { LIBRARY_SCHEMA_VERSION } from '@shared/domain/library/libraryDocuments';
import type { ItemImageMaps } from '../../services/images/ports';
import type { LibraryDocument } from '../storage/LibraryDocument';
import { libraryDocumentFactory } from '../storage/libraryDocumentFactory';
import { createOwnerOnlyFolder } from '../storage/prepareLibraryFolders';
import { shardFileName } from '../storage/shardFileName';
import { shardNumberOf } from '../storage/shardNumberOf';

/** Where the maps live inside the library folder. */
export const IMAGE_MAP_FOLDER = join('images', 'maps');
/**
 * Maps are sharded by item id, so storing one paper's images rewrites about 1/32 of them; a
 * shard of a large library with images on is still a few hundred KB.
 */
export const IMAGE_MAP_SHARD_COUNT = 32;

const DEFAULT_BACKUP_INTERVAL_MS = 5 * 60_000;

interface Shard {
  items: Map<string, ItemImagesRecord>;
  document: LibraryDocument<ItemImageShardDocument>;
}

/**
 * Which stored image each item's HTML names, as lowdb JSON documents in
 * `<library>/images/maps/image-map-NN.json`. The images themselves can be fetched again, but
 * only with the network, and offline reading is the point of keeping them: so each shard has a
 * last good copy in `backups/images/maps/` and is restored from it when damaged, with a notice.
 * All of it is held in memory (a hundred bytes or so per image).
 */
export class LowdbItemImageMaps implements ItemImageMaps {
  private readonly shards: Shard[];
  private closing: Promise<void> | null = null;

  private constructor(libraryDir: string, now: () => Date) {
    const createDocument = libraryDocumentFactory({
      libraryDir,
      backupIntervalMs: DEFAULT_BACKUP_INTERVAL_MS,
      now,
    });
    this.shards = Array.from({ length: IMAGE_MAP_SHARD_COUNT }, (_, number) => {
      const shard: Shard = {
        items: new Map(),
        document: createDocument<ItemImageShardDocument>({
          relativePath: join(
            IMAGE_MAP_FOLDER,
            shardFileName('image-map', number, IMAGE_MAP_SHARD_COUNT),
          ),
          subject: 'which saved images belong to which papers',
          remedy: 'Refreshing a feed whose images are saved fetches any that are missing again.',
          backup: 'last-good',
          repair: repairItemImageShard,
          empty: () => ({ schemaVersion: LIBRARY_SCHEMA_VERSION, items: [] }),
          serialize: () => ({
            schemaVersion: LIBRARY_SCHEMA_VERSION,
            items: [...shard.items.values()],
          }),
        }),
      };
      return shard;
    });
  }

  /**
   * Opens the maps of the library in `libraryDir` (the caller holds the data folder's lock).
   * Damaged shards are restored from their last good copy; the notices say so.
   */
  static async open(
    libraryDir: string,
    options: { now?: () => Date } = {},
  ): Promise<{ maps: LowdbItemImageMaps; notices: StorageNotice[] }> {
    for (const folder of [
      '',
      'images',
      IMAGE_MAP_FOLDER,
      'backups',
      join('backups', 'images'),
      join('backups', IMAGE_MAP_FOLDER),
    ]) {
      await createOwnerOnlyFolder(join(libraryDir, folder));
    }
    const maps = new LowdbItemImageMaps(libraryDir, options.now ?? (() => new Date()));
    const notices = await maps.load();
    return { maps, notices };
  }

  get(itemId: string): ItemImagesRecord | undefined {
    const found = this.shardOf(itemId).items.get(itemId);
    return found && copyRecord(found);
  }

  withFailures(feedId: string): ItemImagesRecord[] {
    const found: ItemImagesRecord[] = [];
    for (const shard of this.shards) {
      for (const record of shard.items.values()) {
        if (record.feedId === feedId && record.images.some((image) => image.failure !== null)) {
          found.push(copyRecord(record));
        }
      }
    }
    return found;
  }

  async put(record: ItemImagesRecord): Promise<void> {
    this.assertOpen();
    const shard = this.shardOf(record.id);
    shard.items.set(record.id, copyRecord(record));
    await shard.document.write();
  }

  async forget(itemIds: readonly string[]): Promise<void> {
    this.assertOpen();
    const touched = new Set<Shard>();
    for (const id of itemIds) {
      const shard = this.shardOf(id);
      if (shard.items.delete(id)) touched.add(shard);
    }
    await Promise.all([...touched].map((shard) => shard.document.write()));
  }

  /** Waits for pending writes and brings the backups up to date. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      const documents = this.shards.map((shard) => shard.document);
      await Promise.allSettled(documents.map((document) => document.settled()));
      await Promise.all(documents.map((document) => document.finish()));
    })();
    return this.closing;
  }

  private async load(): Promise<StorageNotice[]> {
    const notices: StorageNotice[] = [];
    const loads = await Promise.all(this.shards.map((shard) => shard.document.load()));
    // A record found in another shard than its id's (files copied around by hand) is moved to
    // its own shard, and both are rewritten.
    const misplaced = new Set<Shard>();
    loads.forEach(({ document, notice }, number) => {
      if (notice) notices.push(notice);
      const here = this.shards[number] as Shard;
      for (const record of document.items) {
        const shard = this.shardOf(record.id);
        shard.items.set(record.id, record);
        if (shard !== here) misplaced.add(shard).add(here);
      }
    });
    await Promise.all([...misplaced].map((shard) => shard.document.write()));
    return notices;
  }

  private shardOf(itemId: string): Shard {
    return this.shards[shardNumberOf(itemId, IMAGE_MAP_SHARD_COUNT)] as Shard;
  }

  private assertOpen(): void {
    if (this.closing) throw new Error('Rounds is closing; the image could not be recorded.');
  }
}

function copyRecord(record: ItemImagesRecord): ItemImagesRecord {
  return {
    ...record,
    images: record.images.map((image) => ({
      ...image,
      failure: image.failure && { ...image.failure },
    })),
  };
}
