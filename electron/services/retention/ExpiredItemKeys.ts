import type { ExpiredItemsGate } from '../feeds/FeedMainService';
import type { RetentionFiles } from './ports';

const NONE: ReadonlySet<string> = new Set();

/**
 * Per feed, the ids of items the retention policy removed while the feed still lists them, so
 * a refresh does not store them again as new and unread. An id is an item's stable key (a hash
 * of its feed and guid or link), so the record stays small, and it is trimmed to what the feed
 * lists at each refresh.
 *
 * Removing a feed's items and storing its refreshed items take turns, feed by feed: otherwise a
 * refresh could check the record just before a removal and write just after it.
 */
export class ExpiredItemKeys implements ExpiredItemsGate {
  private readonly byFeed = new Map<string, Set<string>>();
  /** The last piece of work queued for each feed. */
  private readonly turns = new Map<string, Promise<unknown>>();

  constructor(private readonly files: Pick<RetentionFiles, 'expiredItems' | 'saveExpiredItems'>) {
    for (const [feedId, ids] of Object.entries(files.expiredItems())) {
      if (ids.length > 0) this.byFeed.set(feedId, new Set(ids));
    }
  }

  /** The feeds with recorded ids. */
  feedIds(): string[] {
    return [...this.byFeed.keys()];
  }

  /** The ids recorded for a feed. */
  of(feedId: string): string[] {
    return [...(this.byFeed.get(feedId) ?? [])];
  }

  admit<T>(
    feedId: string,
    itemIds: readonly string[],
    store: (expired: ReadonlySet<string>) => Promise<T>,
  ): Promise<T> {
    return this.inTurn(feedId, async () => {
      const recorded = this.byFeed.get(feedId);
      if (!recorded) return store(NONE);
      const listed = new Set(itemIds);
      const stillListed = new Set([...recorded].filter((id) => listed.has(id)));
      const trimmed = stillListed.size !== recorded.size;
      if (trimmed) this.replace(feedId, stillListed);
      const stored = await store(stillListed);
      if (trimmed) await this.save();
      return stored;
    });
  }

  /**
   * Records `ids` as expired (on disk first: a crash after the removal must not let them come
   * back), runs `remove`, and takes back the ids it did not remove, which stay in the library.
   * Resolves with what `remove` removed.
   */
  expire(
    feedId: string,
    ids: readonly string[],
    remove: () => Promise<string[]>,
  ): Promise<string[]> {
    return this.inTurn(feedId, async () => {
      const recorded = new Set(this.byFeed.get(feedId));
      const before = recorded.size;
      for (const id of ids) recorded.add(id);
      this.replace(feedId, recorded);
      if (recorded.size !== before) await this.save();
      let removed: Set<string>;
      try {
        removed = new Set(await remove());
      } catch (error) {
        await this.forgetNow(feedId, ids);
        throw error;
      }
      const kept = ids.filter((id) => !removed.has(id));
      if (kept.length > 0) await this.forgetNow(feedId, kept);
      return [...removed];
    });
  }

  /**
   * Forgets ids of items that are in the library after all (a crash between recording and
   * removing them): recorded, a refresh would never update them.
   */
  forget(feedId: string, ids: readonly string[]): Promise<void> {
    if (ids.length === 0 || !this.byFeed.has(feedId)) return Promise.resolve();
    return this.inTurn(feedId, () => this.forgetNow(feedId, ids));
  }

  /** Forgets the feeds no longer subscribed (and so never refreshed again). */
  async forgetFeedsExcept(subscribed: ReadonlySet<string>): Promise<void> {
    const gone = [...this.byFeed.keys()].filter((feedId) => !subscribed.has(feedId));
    if (gone.length === 0) return;
    for (const feedId of gone) this.byFeed.delete(feedId);
    await this.save();
  }

  private async forgetNow(feedId: string, ids: readonly string[]): Promise<void> {
    const recorded = new Set(this.byFeed.get(feedId));
    const before = recorded.size;
    for (const id of ids) recorded.delete(id);
    if (recorded.size === before) return;
    this.replace(feedId, recorded);
    await this.save();
  }

  private replace(feedId: string, ids: Set<string>): void {
    if (ids.size === 0) this.byFeed.delete(feedId);
    else this.byFeed.set(feedId, ids);
  }

  private save(): Promise<void> {
    return this.files.saveExpiredItems(
      Object.fromEntries([...this.byFeed].map(([feedId, ids]) => [feedId, [...ids]])),
    );
  }

  /** Runs `work` once the feed's earlier work has finished, whether it failed or not. */
  private inTurn<T>(feedId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.turns.get(feedId) ?? Promise.resolve();
    const mine = previous.catch(() => undefined).then(work);
    const settled = mine.catch(() => undefined);
    this.turns.set(feedId, settled);
    void settled.then(() => {
      if (this.turns.get(feedId) === settled) this.turns.delete(feedId);
    });
    return mine;
  }
}
