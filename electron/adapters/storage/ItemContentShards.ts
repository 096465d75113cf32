import type { StorageNotice } from '@shared/contract';
import {
  LIBRARY_SCHEMA_VERSION,
  type ContentShardDocument,
} from '@shared/domain/library/libraryDocuments';
import { repairContentShard } from '@shared/domain/library/repairContentShard';
import type { LibraryDocument } from './LibraryDocument';
import type { CreateLibraryDocument } from './libraryDocumentFactory';
import { ITEM_SHARD_COUNT } from './itemShardOf';
import { ITEMS_REMEDY } from './itemsRemedy';
import { shardFileName } from './shardFileName';

/**
 * Article HTML in `items/content-NN.json`, the bulk of the library: a shard is read only when an
 * item of it is opened or changed, and only a few stay in memory.
 */
export class ItemContentShards {
  /** Loaded shards in least-recently-used order. */
  private readonly shards = new Map<number, Map<string, string>>();
  readonly documents: readonly LibraryDocument<ContentShardDocument>[];

  /**
   * @param cachedShards shards kept in memory, least recently used dropped first.
   * @param onRecovered told when a shard read on demand had to be recovered.
   */
  constructor(
    createDocument: CreateLibraryDocument,
    private readonly cachedShards: number,
    private readonly onRecovered: (notice: StorageNotice) => void,
  ) {
    this.documents = Array.from({ length: ITEM_SHARD_COUNT }, (_, number) =>
      createDocument<ContentShardDocument>({
        relativePath: `items/${shardFileName('content', number, ITEM_SHARD_COUNT)}`,
        subject: 'the text of some articles',
        remedy: ITEMS_REMEDY,
        repair: repairContentShard,
        empty: () => ({ schemaVersion: LIBRARY_SCHEMA_VERSION, html: {} }),
        serialize: () => {
          const shard = this.shards.get(number);
          // A shard with unsaved changes is never evicted; writing an empty one here would erase it.
          if (!shard) throw new Error(`Content shard ${number} is not in memory.`);
          return { schemaVersion: LIBRARY_SCHEMA_VERSION, html: Object.fromEntries(shard) };
        },
      }),
    );
  }

  htmlOf(shard: number, itemId: string): string | undefined {
    return this.shard(shard).get(itemId);
  }

  /**
   * Sets (or, for null, deletes) the HTML of items in one shard, writing it only if that changed
   * anything; resolves once the shard is on disk either way.
   */
  apply(number: number, edits: ReadonlyMap<string, string | null>): Promise<void> {
    // Edit and write request happen in one synchronous step, so the shard cannot be evicted
    // between them.
    const document = this.document(number);
    const html = this.shard(number);
    let changed = false;
    for (const [itemId, value] of edits) {
      if (value === null) {
        changed = html.delete(itemId) || changed;
      } else if (html.get(itemId) !== value) {
        html.set(itemId, value);
        changed = true;
      }
    }
    return changed ? document.write() : document.settled();
  }

  /** Loads a shard on demand (synchronously: reading an item is synchronous) and marks it recently used. */
  private shard(number: number): Map<string, string> {
    const cached = this.shards.get(number);
    if (cached) {
      this.shards.delete(number);
      this.shards.set(number, cached);
      return cached;
    }
    const { document, notice } = this.document(number).loadSync();
    const shard = new Map(Object.entries(document.html));
    this.shards.set(number, shard);
    if (notice) this.onRecovered(notice);
    this.evictExcept(number);
    return shard;
  }

  private evictExcept(keep: number): void {
    for (const number of this.shards.keys()) {
      if (this.shards.size <= this.cachedShards) return;
      if (number !== keep && this.document(number).isIdle) this.shards.delete(number);
    }
  }

  private document(number: number): LibraryDocument<ContentShardDocument> {
    return this.documents[number] as LibraryDocument<ContentShardDocument>;
  }
}
