import type { Api, ItemSummary } from '@shared/contract';

/** The user's own state of an item. */
export interface ItemFlags {
  read: boolean;
  starred: boolean;
}

/** Saves flags; in the app this is `api.library`. */
export type FlagWriter = Pick<Api['library'], 'setRead' | 'setStarred'>;

/**
 * The item a change is about, as far as counts and lists care; its sources say which feeds'
 * counts a change of a paper's marks touches.
 */
export type FlaggedItem = Pick<
  ItemSummary,
  'id' | 'feedId' | 'title' | 'read' | 'starred' | 'sources'
>;

/**
 * A change of flags as the UI should show it: applied optimistically, and applied in reverse
 * (`before` and `after` swapped) when saving failed.
 */
export interface FlagTransition {
  item: FlaggedItem;
  before: ItemFlags;
  after: ItemFlags;
}

/** Told of every transition, so counts and lists stay in step with what the user sees. */
export type TransitionListener = (transition: FlagTransition) => void;

/** Told when a change could not be saved and has been rolled back. */
export type FailureListener = (failure: { item: FlaggedItem; message: string }) => void;

/** Told when the last change waiting to be saved has been saved or rolled back. */
export type IdleListener = () => void;

/** An item's flags: the store's record when it has one, otherwise the loaded copy's. */
export function flagsIn(flags: ReadonlyMap<string, ItemFlags>, item: FlaggedItem): ItemFlags {
  return flags.get(item.id) ?? { read: item.read, starred: item.starred };
}

/**
 * The one place that knows an item's current read and starred state in the renderer. The list
 * and the reader may hold copies of an item loaded at different times (the reader's copy can even
 * be fetched before "mark as read" lands); both ask the store, so they never disagree.
 *
 * Changes are optimistic: the screen changes at once, and if saving fails the change is undone,
 * unless the user has changed the same flag again meanwhile, in which case the newer intent wins.
 */
export class ItemFlagStore {
  private flags: ReadonlyMap<string, ItemFlags> = new Map();
  private readonly listeners = new Set<() => void>();
  private readonly transitionListeners = new Set<TransitionListener>();
  private readonly failureListeners = new Set<FailureListener>();
  private readonly idleListeners = new Set<IdleListener>();
  private savesInFlight = 0;

  constructor(private readonly writer: FlagWriter) {}

  /** For useSyncExternalStore. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** For useSyncExternalStore: changes identity whenever any flag changes. */
  readonly getSnapshot = (): ReadonlyMap<string, ItemFlags> => this.flags;

  /** Subscribes to transitions; returns the unsubscribe function. */
  onTransition(listener: TransitionListener): () => void {
    this.transitionListeners.add(listener);
    return () => this.transitionListeners.delete(listener);
  }

  /** Subscribes to rolled-back failures; returns the unsubscribe function. */
  onFailure(listener: FailureListener): () => void {
    this.failureListeners.add(listener);
    return () => this.failureListeners.delete(listener);
  }

  /**
   * Subscribes to the moments no change is waiting to be saved: what the backend counts then
   * includes every change the user made. Returns the unsubscribe function.
   */
  onIdle(listener: IdleListener): () => void {
    this.idleListeners.add(listener);
    return () => this.idleListeners.delete(listener);
  }

  /** The current flags of an item, given any loaded copy of it. */
  flagsOf(item: FlaggedItem): ItemFlags {
    return flagsIn(this.flags, item);
  }

  /** Marks an item read or unread; does nothing when it already is. */
  async setRead(item: FlaggedItem, read: boolean): Promise<void> {
    const before = this.flagsOf(item);
    if (before.read === read) return;
    await this.change(item, { ...before, read }, () => this.writer.setRead({ id: item.id, read }));
  }

  /** Stars or unstars an item; does nothing when it already is. */
  async setStarred(item: FlaggedItem, starred: boolean): Promise<void> {
    const before = this.flagsOf(item);
    if (before.starred === starred) return;
    await this.change(item, { ...before, starred }, () =>
      this.writer.setStarred({ id: item.id, starred }),
    );
  }

  /**
   * Forgets every flag the window has recorded, so the copies loaded next (the backend's truth)
   * are believed: after a change made in the backend for many items at once, such as "mark all
   * as read" or its undo. Changes still being saved land on the backend as usual.
   */
  forgetAll(): void {
    if (this.flags.size === 0) return;
    this.flags = new Map();
    for (const listener of this.listeners) listener();
  }

  /** Takes a freshly loaded copy's flags as the item's own (the reader's item after `forgetAll`). */
  adopt(item: FlaggedItem): void {
    const flags = new Map(this.flags);
    flags.set(item.id, { read: item.read, starred: item.starred });
    this.flags = flags;
    for (const listener of this.listeners) listener();
  }

  private async change(
    item: FlaggedItem,
    after: ItemFlags,
    save: () => Promise<{ ok: true } | { ok: false; message: string }>,
  ): Promise<void> {
    const before = this.flagsOf(item);
    this.apply(item, before, after);
    this.savesInFlight += 1;
    try {
      const result = await save();
      if (!result.ok) this.rollBack(item, before, after, result.message);
    } finally {
      this.savesInFlight -= 1;
      if (this.savesInFlight === 0) for (const listener of this.idleListeners) listener();
    }
  }

  private rollBack(item: FlaggedItem, before: ItemFlags, after: ItemFlags, message: string): void {
    const current = this.flagsOf(item);
    // Undo only the flag this call changed, and only if nothing has changed it since.
    const undone: ItemFlags = {
      read: before.read !== after.read && current.read === after.read ? before.read : current.read,
      starred:
        before.starred !== after.starred && current.starred === after.starred
          ? before.starred
          : current.starred,
    };
    if (undone.read !== current.read || undone.starred !== current.starred) {
      this.apply(item, current, undone);
    }
    for (const listener of this.failureListeners) listener({ item, message });
  }

  private apply(item: FlaggedItem, before: ItemFlags, after: ItemFlags): void {
    const flags = new Map(this.flags);
    flags.set(item.id, after);
    this.flags = flags;
    for (const listener of this.listeners) listener();
    for (const listener of this.transitionListeners) listener({ item, before, after });
  }
}
