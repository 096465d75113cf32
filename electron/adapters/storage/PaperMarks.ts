import type { ItemStateRecord } from '@shared/domain/library/libraryDocuments';
import type { ItemState } from '../../services/library/LibraryStore';
import type { ItemMarkShards } from './ItemMarkShards';
import type { IndexedItem, NewestFirstItemIndex } from './NewestFirstItemIndex';

/**
 * Keeps the read and starred marks of every copy of a paper alike, in the index and in the
 * marks files.
 *
 * Marks are mirrored to every feed's copy of a paper rather than kept once under the paper's
 * key: each feed's unread count stays a plain count of its own items, the marks file keeps
 * its layout, and removing one feed never takes the paper's marks away from the others.
 */
export class PaperMarks {
  constructor(
    private readonly list: NewestFirstItemIndex,
    private readonly marks: ItemMarkShards,
  ) {}

  /** Marks a paper through one of its copies; resolves once the marks are on disk. */
  async change(item: IndexedItem, patch: Partial<ItemState>): Promise<void> {
    const copies = this.list.copiesOf(item);
    const changedShards = new Set<number>();
    for (const copy of copies) {
      const after: ItemStateRecord = {
        read: patch.read ?? copy.read,
        starred: patch.starred ?? copy.starred,
      };
      const shard = this.apply(copy, after);
      if (shard !== null) changedShards.add(shard);
    }
    if (changedShards.size === 0) {
      // Nothing to change, but an earlier call may still be writing this very value.
      await this.marks.settled(copies.map((copy) => copy.record.id));
      return;
    }
    await this.marks.write(changedShards);
  }

  /**
   * Marks many papers at once through one of their copies each, writing every changed marks file
   * once. Returns the ids of the items (copies included) whose marks changed, once on disk.
   */
  async changeMany(items: Iterable<IndexedItem>, patch: Partial<ItemState>): Promise<string[]> {
    const changedShards = new Set<number>();
    const changedIds: string[] = [];
    for (const item of items) {
      for (const copy of this.list.copiesOf(item)) {
        const after: ItemStateRecord = {
          read: patch.read ?? copy.read,
          starred: patch.starred ?? copy.starred,
        };
        const shard = this.apply(copy, after);
        if (shard === null) continue;
        changedShards.add(shard);
        changedIds.push(copy.record.id);
      }
    }
    await this.marks.write(changedShards);
    return changedIds;
  }

  /**
   * Gives every copy of each paper the union of the copies' marks. Returns the state shards that
   * changed, for the caller to write.
   */
  shareAmongCopies(papers: Iterable<IndexedItem[]>): Set<number> {
    const changed = new Set<number>();
    for (const copies of papers) {
      if (copies.length < 2) continue;
      const union: ItemStateRecord = {
        read: copies.some((copy) => copy.read),
        starred: copies.some((copy) => copy.starred),
      };
      for (const copy of copies) {
        const shard = this.apply(copy, union);
        if (shard !== null) changed.add(shard);
      }
    }
    return changed;
  }

  /** Sets an item's marks in memory; returns its state shard when they changed, else null. */
  private apply(item: IndexedItem, after: ItemStateRecord): number | null {
    if (item.read === after.read && item.starred === after.starred) return null;
    const before: ItemStateRecord = { read: item.read, starred: item.starred };
    item.read = after.read;
    item.starred = after.starred;
    this.list.marksChanged(item, before);
    return this.marks.set(item.record.id, after);
  }
}
