import { join } from 'node:path';
import type { StorageNotice } from '@shared/contract';
import {
  emptyRetentionSettings,
  type ExpiredItemsDocument,
  repairExpiredItemsDocument,
  repairRetentionSettings,
  RETENTION_SCHEMA_VERSION,
  type RetentionSettingsDocument,
} from '@shared/domain/retention/retentionDocuments';
import type { RetentionFiles } from '../../services/retention/ports';
import type { LibraryDocument } from './LibraryDocument';
import { libraryDocumentFactory } from './libraryDocumentFactory';
import { createOwnerOnlyFolder } from './prepareLibraryFolders';

const DEFAULT_BACKUP_INTERVAL_MS = 5 * 60_000;

/**
 * The retention policy's two documents in `<dataDir>/library/`, written atomically like the
 * library's own:
 *
 * - `retention.json`: the policy and the last run's result. No backup, on purpose: a file that
 *   cannot be read exactly is set aside (kept, never deleted) and retention is off until the user
 *   chooses again, with a notice saying so. Restoring an older policy could remove items the
 *   user meant to keep.
 * - `retention-expired.json`: per feed, the items removed that the feed still lists. It has a
 *   last good copy: lost, removed items would come back once as unread.
 */
export class LowdbRetentionFiles implements RetentionFiles {
  private current: RetentionSettingsDocument = emptyRetentionSettings();
  private expired: Record<string, string[]> = {};
  private readonly settingsDocument: LibraryDocument<RetentionSettingsDocument>;
  private readonly expiredDocument: LibraryDocument<ExpiredItemsDocument>;
  private closing: Promise<void> | null = null;

  private constructor(libraryDir: string, now: () => Date) {
    const createDocument = libraryDocumentFactory({
      libraryDir,
      backupIntervalMs: DEFAULT_BACKUP_INTERVAL_MS,
      now,
    });
    this.settingsDocument = createDocument<RetentionSettingsDocument>({
      relativePath: 'retention.json',
      subject: 'your retention policy',
      remedy:
        'Retention is off, so nothing is removed, until you choose a policy again under “Keep papers…”.',
      backup: 'none',
      repair: repairRetentionSettings,
      empty: emptyRetentionSettings,
      serialize: () => this.current,
      indent: 2,
    });
    this.expiredDocument = createDocument<ExpiredItemsDocument>({
      relativePath: 'retention-expired.json',
      subject: 'the list of read items your retention policy removed',
      remedy: 'Some of them may come back once as unread at the next refresh.',
      backup: 'last-good',
      repair: repairExpiredItemsDocument,
      empty: () => ({ schemaVersion: RETENTION_SCHEMA_VERSION, feeds: {} }),
      serialize: () => ({ schemaVersion: RETENTION_SCHEMA_VERSION, feeds: this.expired }),
    });
  }

  /**
   * Opens the retention files of the library in `<dataDir>/library/` (the caller holds the data
   * folder's lock). A damaged file is set aside and the notices say what happened.
   */
  static async open(
    dataDir: string,
    options: { now?: () => Date } = {},
  ): Promise<{ files: LowdbRetentionFiles; notices: StorageNotice[] }> {
    const libraryDir = join(dataDir, 'library');
    // The library store prepares these too; opened alone (tools, tests), this one does.
    for (const folder of ['', 'backups']) await createOwnerOnlyFolder(join(libraryDir, folder));
    const files = new LowdbRetentionFiles(libraryDir, options.now ?? (() => new Date()));
    const [settings, expired] = await Promise.all([
      files.settingsDocument.load(),
      files.expiredDocument.load(),
    ]);
    files.current = settings.document;
    files.expired = expired.document.feeds;
    const notices = [settings.notice, expired.notice].filter((notice) => notice !== null);
    return { files, notices };
  }

  settings(): RetentionSettingsDocument {
    return structuredClone(this.current);
  }

  async saveSettings(settings: RetentionSettingsDocument): Promise<void> {
    this.assertOpen();
    this.current = structuredClone(settings);
    await this.settingsDocument.write();
  }

  expiredItems(): Record<string, string[]> {
    return structuredClone(this.expired);
  }

  async saveExpiredItems(expired: Record<string, string[]>): Promise<void> {
    this.assertOpen();
    this.expired = structuredClone(expired);
    await this.expiredDocument.write();
  }

  /** Resolves once every save requested so far is on disk. */
  async settled(): Promise<void> {
    await Promise.all([this.settingsDocument.settled(), this.expiredDocument.settled()]);
  }

  /** Waits for pending writes and releases the files. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      const documents = [this.settingsDocument, this.expiredDocument] as const;
      await Promise.allSettled(documents.map((document) => document.settled()));
      await Promise.all(documents.map((document) => document.finish()));
    })();
    return this.closing;
  }

  private assertOpen(): void {
    if (this.closing)
      throw new Error('Rounds is closing; the retention policy could not be saved.');
  }
}
