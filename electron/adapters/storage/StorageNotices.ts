import type { StorageNotice } from '@shared/contract';
import {
  LIBRARY_SCHEMA_VERSION,
  type NoticesDocument,
} from '@shared/domain/library/libraryDocuments';
import { repairNoticesDocument } from '@shared/domain/library/repairNoticesDocument';
import type { LibraryDocument } from './LibraryDocument';
import type { CreateLibraryDocument } from './libraryDocumentFactory';

/**
 * `notices.json`: what recovery of damaged files told the user and they have not dismissed yet,
 * kept across restarts so a notice is not lost when the app closes before it is read.
 */
export class StorageNotices {
  private stored: StorageNotice[] = [];
  readonly document: LibraryDocument<NoticesDocument>;

  constructor(createDocument: CreateLibraryDocument) {
    this.document = createDocument<NoticesDocument>({
      relativePath: 'notices.json',
      subject: 'the list of storage notices',
      remedy: '',
      backup: 'last-good',
      repair: repairNoticesDocument,
      empty: () => ({ schemaVersion: LIBRARY_SCHEMA_VERSION, notices: [] }),
      serialize: () => ({ schemaVersion: LIBRARY_SCHEMA_VERSION, notices: this.stored }),
      indent: 2,
    });
  }

  list(): StorageNotice[] {
    return this.stored.map((notice) => ({ ...notice }));
  }

  async dismiss(id: string): Promise<boolean> {
    const remaining = this.stored.filter((notice) => notice.id !== id);
    if (remaining.length === this.stored.length) return false;
    this.stored = remaining;
    await this.document.write();
    return true;
  }

  /** Adds notices and resolves once they are saved. */
  async add(notices: readonly StorageNotice[]): Promise<void> {
    if (notices.length === 0) return;
    this.stored.push(...notices);
    await this.document.write();
  }

  /** Adds a notice without waiting: for callers that cannot wait, such as a synchronous read. */
  addLater(notice: StorageNotice): void {
    this.stored.push(notice);
    this.document.write().catch((error: unknown) => {
      console.error('[rounds] could not save a storage notice', error);
    });
  }

  /** Loads the saved notices; returns the notice about this very file if it had to be recovered. */
  async load(): Promise<StorageNotice | null> {
    const { document, notice } = await this.document.load();
    this.stored = [...document.notices];
    return notice;
  }
}
