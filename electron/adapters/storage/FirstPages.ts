import {
  LIBRARY_SCHEMA_VERSION,
  type FirstPageFilter,
  type FirstPagesDocument,
} from '@shared/domain/library/libraryDocuments';
import { repairFirstPagesDocument } from '@shared/domain/library/repairFirstPagesDocument';
import type { ItemQuery, ItemRow } from '../../services/library/LibraryStore';
import { AtomicJsonFileAdapter, UnreadableJsonFileError } from './AtomicJsonFileAdapter';
import type { LibraryDocument } from './LibraryDocument';
import type { CreateLibraryDocument } from './libraryDocumentFactory';

/** Rows kept per overall list: the window's first page (its page size is 100). */
export const FIRST_PAGE_ROWS = 100;

/** The overall lists the opening view keeps. */
export const FIRST_PAGE_FILTERS: readonly FirstPageFilter[] = ['all', 'unread', 'starred'];

/**
 * `first-pages.json`: the opening view. At open it answers the first page of each overall list
 * and every count, so the window is usable before the library's records are loaded; its size is
 * fixed whatever the library's. Once the records are loaded the store answers from them, and this
 * document follows every change (written in the background: it is derived, so a crash before a
 * rewrite only leaves it stale until the next full load rebuilds it). No backup.
 */
export class FirstPages {
  readonly document: LibraryDocument<FirstPagesDocument>;
  private readonly reader: AtomicJsonFileAdapter<FirstPagesDocument>;
  private view: FirstPagesDocument | null = null;
  private rowsById = new Map<string, ItemRow>();
  private build: (() => FirstPagesDocument) | null = null;

  constructor(libraryDir: string, createDocument: CreateLibraryDocument) {
    this.document = createDocument<FirstPagesDocument>({
      relativePath: 'first-pages.json',
      subject: 'the first page of your article list',
      remedy: '',
      backup: 'none',
      repair: repairFirstPagesDocument,
      empty: () => ({
        schemaVersion: LIBRARY_SCHEMA_VERSION,
        lists: { all: [], unread: [], starred: [] },
        rows: [],
        overall: { all: 0, unread: 0, starred: 0 },
        feeds: {},
      }),
      serialize: () => {
        if (!this.build)
          throw new Error('The opening view is written only once the library is loaded.');
        return this.build();
      },
    });
    this.reader = new AtomicJsonFileAdapter(this.document.path, {
      repair: repairFirstPagesDocument,
      withinFolder: libraryDir,
    });
  }

  /**
   * Reads the view saved by the last session. Resolves false when there is none to trust
   * (missing, damaged, a link): the store then loads the whole library before answering.
   */
  async load(): Promise<boolean> {
    try {
      this.view = await this.reader.read();
    } catch (error) {
      if (!(error instanceof UnreadableJsonFileError)) throw error;
      console.warn(`[rounds] ${error.message} It will be rebuilt from the library.`);
      this.view = null;
    }
    this.rowsById = new Map(this.view?.rows.map((row) => [row.id, row]));
    return this.view !== null;
  }

  /**
   * A page of an overall list from the saved view, or null when the view cannot answer it (a
   * feed's list, a search, a page past the saved rows).
   */
  answer(query: ItemQuery): { rows: ItemRow[]; total: number } | null {
    const { view } = this;
    if (
      view === null ||
      query.feedId !== undefined ||
      query.query !== undefined ||
      query.oldestFirst === true
    ) {
      return null;
    }
    const ids = view.lists[query.filter];
    const total = view.overall[query.filter];
    const end = Math.max(0, query.offset) + Math.max(0, query.limit);
    if (end > ids.length && ids.length < total) return null;
    const rows = ids
      .slice(Math.max(0, query.offset), end)
      .flatMap((id) => this.rowsById.get(id) ?? []);
    return { rows: rows.map((row) => structuredClone(row)), total };
  }

  /** The overall counts saved with the view. */
  overall(): { all: number; unread: number; starred: number } {
    return { ...(this.view?.overall ?? { all: 0, unread: 0, starred: 0 }) };
  }

  /** One feed's counts saved with the view. */
  countsOf(feedId: string): { total: number; unread: number } {
    const counts =
      this.view && Object.hasOwn(this.view.feeds, feedId) ? this.view.feeds[feedId] : undefined;
    return { ...(counts ?? { total: 0, unread: 0 }) };
  }

  /**
   * From now on the view is built from the loaded library by `build`; writes it now, which also
   * repairs a saved view that was stale.
   */
  follow(build: () => FirstPagesDocument): Promise<void> {
    this.build = build;
    this.view = null;
    this.rowsById.clear();
    return this.document.write();
  }

  /** Rewrites the view after a change, in the background. */
  changed(): void {
    if (!this.build) return;
    this.document.write().catch((error: unknown) => {
      console.error('[rounds] could not save the first page of the article list', error);
    });
  }
}
