import type { ItemPage, ItemSearchInfo, ItemSummary, Result } from '@shared/contract';
import type { RowRange } from '../../ui/visibleRange';

/** Fetches `limit` items from `offset` of one list query (in the app: `api.library.list`). */
export type PageLoader = (offset: number, limit: number) => Promise<Result<ItemPage, string>>;

/** What the list renders from; a new object whenever anything in it changes. */
export interface ItemPagerSnapshot {
  /** Rows in the list; null until the first page has arrived. */
  total: number | null;
  /** Loaded pages by page number. */
  pages: ReadonlyMap<number, readonly ItemSummary[]>;
  pageSize: number;
  /** Why the last load failed, until a load succeeds. */
  error: string | null;
  /** How the last page's search was answered (words to highlight, index state); null unsearched. */
  search: ItemSearchInfo | null;
  /** How many items mute rules hide from this list (0 for a search, which does not count them). */
  hiddenByMute: number;
}

/** The item at a row of a snapshot, or undefined while its page is not loaded. */
export function itemAtIndex(snapshot: ItemPagerSnapshot, index: number): ItemSummary | undefined {
  return snapshot.pages.get(Math.floor(index / snapshot.pageSize))?.[index % snapshot.pageSize];
}

/** The row of an item among the loaded pages, or -1. */
export function indexOfItem(snapshot: ItemPagerSnapshot, id: string): number {
  for (const [page, items] of snapshot.pages) {
    const position = items.findIndex((item) => item.id === id);
    if (position >= 0) return page * snapshot.pageSize + position;
  }
  return -1;
}

/**
 * Loads one list query a page at a time, as the user scrolls, and keeps the rows stable while the
 * user works through them.
 *
 * Stability is the subtle part. In the Unread view, reading an item removes it from the server's
 * list, so asking for "offset 100" afterwards would skip as many unread items as were read. The
 * pager instead keeps the list as it was loaded (read items stay, dimmed) and remembers which of
 * its rows have left the server's list, translating each row offset into the server's offset.
 * A reload starts a fresh list.
 */
export class ItemPager {
  private snapshot: ItemPagerSnapshot;
  private readonly listeners = new Set<() => void>();
  private readonly inFlight = new Map<number, Promise<void>>();
  /** Rows (ascending) whose items no longer match the query on the server. */
  private departedRows: number[] = [];
  /** Bumped with every change to `departedRows`, so a load that raced one can be retried. */
  private departedVersion = 0;
  /** Bumped by reload; answers to older requests are dropped. */
  private generation = 0;
  private reloading = false;
  private wanted: RowRange = { start: 0, end: 1 };

  constructor(
    private readonly loadPage: PageLoader,
    pageSize = 100,
  ) {
    this.snapshot = {
      total: null,
      pages: new Map(),
      pageSize,
      error: null,
      search: null,
      hiddenByMute: 0,
    };
  }

  /** For useSyncExternalStore. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** For useSyncExternalStore. */
  readonly getSnapshot = (): ItemPagerSnapshot => this.snapshot;

  /** Makes sure the pages under rows `span` are loaded or loading. */
  request(span: RowRange): void {
    this.wanted = span;
    if (this.reloading) return;
    for (const page of this.pagesCovering(span)) {
      if (!this.snapshot.pages.has(page)) void this.fetch(page);
    }
  }

  /** The item at `index`, loading its page first when needed. */
  async loadItemAt(index: number): Promise<ItemSummary | undefined> {
    const page = Math.floor(index / this.snapshot.pageSize);
    if (!this.snapshot.pages.has(page) && !this.reloading) await this.fetch(page);
    return itemAtIndex(this.snapshot, index);
  }

  /**
   * Records whether an item (by id, among loaded rows) still matches the query on the server,
   * after the user changed its read or starred state. The row itself stays where it is.
   */
  setMembership(id: string, matchesQuery: boolean): void {
    const row = indexOfItem(this.snapshot, id);
    if (row < 0) return;
    const position = this.departedRows.indexOf(row);
    if (!matchesQuery && position < 0) {
      this.departedRows = [...this.departedRows, row].sort((a, b) => a - b);
      this.departedVersion += 1;
    } else if (matchesQuery && position >= 0) {
      this.departedRows = this.departedRows.filter((departed) => departed !== row);
      this.departedVersion += 1;
    }
  }

  /**
   * Fetches the list afresh (after a refresh brought new items), keeping the current rows on
   * screen until the new pages have all arrived so the list does not flash empty.
   */
  async reload(): Promise<void> {
    this.generation += 1;
    const generation = this.generation;
    this.inFlight.clear();
    this.reloading = true;
    const pageNumbers = [...new Set([0, ...this.pagesCovering(this.wanted)])];
    const size = this.snapshot.pageSize;
    const results = await Promise.all(pageNumbers.map((page) => this.loadPage(page * size, size)));
    if (generation !== this.generation) return;
    this.reloading = false;
    const failure = results.find((result) => !result.ok);
    if (failure && !failure.ok) {
      this.publish({ ...this.snapshot, error: failure.message });
      return;
    }
    const pages = new Map<number, readonly ItemSummary[]>();
    let total = 0;
    let search: ItemSearchInfo | null = null;
    let hiddenByMute = 0;
    results.forEach((result, position) => {
      if (!result.ok) return;
      pages.set(pageNumbers[position] ?? 0, result.value.items);
      total = result.value.total;
      search = result.value.search ?? null;
      hiddenByMute = result.value.hiddenByMute ?? 0;
    });
    this.departedRows = [];
    this.departedVersion += 1;
    this.publish({ ...this.snapshot, total, pages, error: null, search, hiddenByMute });
    this.request(this.wanted);
  }

  private fetch(page: number): Promise<void> {
    const existing = this.inFlight.get(page);
    if (existing) return existing;
    const loading = this.fetchPage(page, this.generation).finally(() => {
      if (this.inFlight.get(page) === loading) this.inFlight.delete(page);
    });
    this.inFlight.set(page, loading);
    return loading;
  }

  private async fetchPage(page: number, generation: number): Promise<void> {
    const size = this.snapshot.pageSize;
    for (;;) {
      const departedVersion = this.departedVersion;
      const result = await this.loadPage(this.serverOffset(page * size), size);
      if (generation !== this.generation) return;
      if (!result.ok) {
        this.publish({ ...this.snapshot, error: result.message });
        return;
      }
      // The user read or starred something while this page was on its way: its offset is stale.
      if (departedVersion !== this.departedVersion) continue;
      const pages = new Map(this.snapshot.pages);
      pages.set(page, result.value.items);
      const total = result.value.total + this.departedRows.length;
      const search = result.value.search ?? null;
      const hiddenByMute = result.value.hiddenByMute ?? 0;
      this.publish({ ...this.snapshot, total, pages, error: null, search, hiddenByMute });
      return;
    }
  }

  /** The server's offset of a row: rows above it that left the server's list no longer count. */
  private serverOffset(row: number): number {
    let departedAbove = 0;
    for (const departed of this.departedRows) {
      if (departed >= row) break;
      departedAbove += 1;
    }
    return row - departedAbove;
  }

  private pagesCovering(span: RowRange): number[] {
    const size = this.snapshot.pageSize;
    const total = this.snapshot.total;
    const end = total === null ? Math.max(span.end, 1) : Math.min(span.end, total);
    const first = Math.floor(Math.max(0, span.start) / size);
    const last = Math.floor(Math.max(0, end - 1) / size);
    const pages: number[] = [];
    for (let page = first; page <= last; page += 1) pages.push(page);
    if (total !== null && total === 0) return [];
    return pages;
  }

  private publish(snapshot: ItemPagerSnapshot): void {
    this.snapshot = snapshot;
    for (const listener of this.listeners) listener();
  }
}
