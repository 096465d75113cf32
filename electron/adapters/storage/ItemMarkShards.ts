import type { StorageNotice } from '@shared/contract';
import {
  LIBRARY_SCHEMA_VERSION,
  type ItemStateRecord,
  type StateShardDocument,
} from '@shared/domain/library/libraryDocuments';
import { repairStateShard } from '@shared/domain/library/repairStateShard';
import type { LibraryDocument } from './LibraryDocument';
import type { CreateLibraryDocument } from './libraryDocumentFactory';
import { markShardOf, STATE_SHARD_COUNT } from './markShardOf';
import { shardFileName } from './shardFileName';

const UNMARKED: ItemStateRecord = { read: false, starred: false };

/** What loading the marks found: recovery notices and shards to rewrite. */
export interface LoadedMarks {
  recovered: StorageNotice[];
  /** Shards that held or should hold a record stored in the wrong file. */
  misplaced: Set<number>;
}

/**
 * Read and starred marks in `state/state-NNN.json`, kept apart from fetched content so a click
 * never rewrites articles. Unmarked items are left out of the files.
 */
export class ItemMarkShards {
  private readonly shards: Map<string, ItemStateRecord>[];
  readonly documents: readonly LibraryDocument<StateShardDocument>[];

  constructor(createDocument: CreateLibraryDocument) {
    this.shards = Array.from({ length: STATE_SHARD_COUNT }, () => new Map());
    this.documents = this.shards.map((shard, number) =>
      createDocument<StateShardDocument>({
        relativePath: `state/${shardFileName('state', number, STATE_SHARD_COUNT)}`,
        subject: 'some of your read and starred marks',
        remedy: '',
        backup: 'last-good',
        repair: repairStateShard,
        empty: () => ({ schemaVersion: LIBRARY_SCHEMA_VERSION, states: {} }),
        serialize: () => ({
          schemaVersion: LIBRARY_SCHEMA_VERSION,
          states: Object.fromEntries(shard),
        }),
      }),
    );
  }

  marksOf(itemId: string): ItemStateRecord {
    return this.shards[markShardOf(itemId)]?.get(itemId) ?? UNMARKED;
  }

  /** Keeps an item's marks in memory; returns the shard to write. */
  set(itemId: string, marks: ItemStateRecord): number {
    const shard = markShardOf(itemId);
    if (marks.read || marks.starred) this.shards[shard]?.set(itemId, { ...marks });
    else this.shards[shard]?.delete(itemId);
    return shard;
  }

  /** Forgets an item's marks; returns the shard to write, or null when it had none. */
  delete(itemId: string): number | null {
    const shard = markShardOf(itemId);
    return this.shards[shard]?.delete(itemId) ? shard : null;
  }

  write(shards: Iterable<number>): Promise<void> {
    return Promise.all([...shards].map((shard) => this.document(shard).write())).then(() => {});
  }

  /** Resolves once earlier writes of these items' shards are on disk. */
  settled(itemIds: readonly string[]): Promise<void> {
    return Promise.all(itemIds.map((id) => this.document(markShardOf(id)).settled())).then(
      () => {},
    );
  }

  async load(): Promise<LoadedMarks> {
    const loads = await Promise.all(this.documents.map((document) => document.load()));
    // A record found in another shard than its hash says (files copied around by hand) is moved
    // to its proper shard, and both files are rewritten.
    const misplaced = new Set<number>();
    loads.forEach(({ document }, number) => {
      for (const [itemId, marks] of Object.entries(document.states)) {
        const shard = markShardOf(itemId);
        this.shards[shard]?.set(itemId, marks);
        if (shard !== number) misplaced.add(shard).add(number);
      }
    });
    return { recovered: loads.flatMap((load) => (load.notice ? [load.notice] : [])), misplaced };
  }

  private document(number: number): LibraryDocument<StateShardDocument> {
    return this.documents[number] as LibraryDocument<StateShardDocument>;
  }
}
