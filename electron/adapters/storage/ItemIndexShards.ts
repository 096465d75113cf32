import type { StorageNotice } from '@shared/contract';
import {
  LIBRARY_SCHEMA_VERSION,
  type ItemRecord,
  type ItemShardDocument,
} from '@shared/domain/library/libraryDocuments';
import { repairItemShard } from '@shared/domain/library/repairItemShard';
import type { LibraryDocument } from './LibraryDocument';
import type { CreateLibraryDocument } from './libraryDocumentFactory';
import { ITEM_SHARD_COUNT, itemShardOf } from './itemShardOf';
import { ITEMS_REMEDY } from './itemsRemedy';
import { shardFileName } from './shardFileName';

/** What loading the item index found. */
export interface LoadedItemIndex {
  /** Each item once, first occurrence kept. */
  records: ItemRecord[];
  recovered: StorageNotice[];
  /** Shards that held or should hold a record stored in the wrong file. */
  misplaced: Set<number>;
}

/**
 * Item records without their HTML in `items/index-NN.json`: small enough to load whole at open,
 * which every list and count needs.
 */
export class ItemIndexShards {
  private readonly shards: Map<string, ItemRecord>[];
  readonly documents: readonly LibraryDocument<ItemShardDocument>[];

  constructor(createDocument: CreateLibraryDocument) {
    this.shards = Array.from({ length: ITEM_SHARD_COUNT }, () => new Map());
    this.documents = this.shards.map((shard, number) =>
      createDocument<ItemShardDocument>({
        relativePath: `items/${shardFileName('index', number, ITEM_SHARD_COUNT)}`,
        subject: 'part of your article list',
        remedy: ITEMS_REMEDY,
        repair: repairItemShard,
        empty: () => ({ schemaVersion: LIBRARY_SCHEMA_VERSION, items: [] }),
        serialize: () => ({ schemaVersion: LIBRARY_SCHEMA_VERSION, items: [...shard.values()] }),
      }),
    );
  }

  /** Keeps a record in its feed's shard; returns that shard. */
  set(record: ItemRecord): number {
    const shard = itemShardOf(record.feedId);
    this.shards[shard]?.set(record.id, record);
    return shard;
  }

  delete(shard: number, itemId: string): void {
    this.shards[shard]?.delete(itemId);
  }

  write(shard: number): Promise<void> {
    return this.document(shard).write();
  }

  settled(shard: number): Promise<void> {
    return this.document(shard).settled();
  }

  async load(): Promise<LoadedItemIndex> {
    const loads = await Promise.all(this.documents.map((document) => document.load()));
    // A record found in another shard than its hash says (files copied around by hand) is moved
    // to its proper shard, and both files are rewritten.
    const misplaced = new Set<number>();
    const seen = new Set<string>();
    const records: ItemRecord[] = [];
    loads.forEach(({ document }, number) => {
      for (const record of document.items) {
        const shard = itemShardOf(record.feedId);
        if (shard !== number) misplaced.add(shard).add(number);
        if (seen.has(record.id)) continue;
        seen.add(record.id);
        this.shards[shard]?.set(record.id, record);
        records.push(record);
      }
    });
    return {
      records,
      recovered: loads.flatMap((load) => (load.notice ? [load.notice] : [])),
      misplaced,
    };
  }

  private document(number: number): LibraryDocument<ItemShardDocument> {
    return this.documents[number] as LibraryDocument<ItemShardDocument>;
  }
}
