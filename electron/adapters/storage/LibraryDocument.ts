import { randomUUID } from 'node:crypto';
import { chmodSync, existsSync, lstatSync, renameSync, statSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Low } from 'lowdb';
import type { StorageNotice } from '@shared/contract';
import type { Repaired } from '@shared/domain/library/libraryDocuments';
import { AtomicJsonFileAdapter, UnreadableJsonFileError } from './AtomicJsonFileAdapter';
import { copyFileDurably, copyFileDurablySync } from './copyFileDurably';
import { fsyncDirectorySync } from './fsyncDirectory';
import { OWNER_ONLY_FILE_MODE } from './ownerOnly';
import { WriteCoalescer } from './WriteCoalescer';

/** How one document of the library is stored, described and backed up. */
export interface LibraryDocumentOptions<T> {
  /** `<dataDir>/library`. */
  libraryDir: string;
  /** Path inside the library folder, e.g. `items/index-07.json`. */
  relativePath: string;
  /** What the file holds, in the user's words ("your feed subscriptions"). */
  subject: string;
  /** What the user can do about lost data, or an empty string. */
  remedy: string;
  /**
   * `last-good` for what only the user can make (subscriptions, rules, marks, notices): a backup
   * is kept and restored when the file is damaged. `none` for what can be fetched again or
   * rebuilt (item records and HTML, derived views): a damaged file is set aside and the document
   * starts empty, so the library's disk does not double.
   */
  backup: 'last-good' | 'none';
  repair: (raw: unknown) => Repaired<T>;
  empty: () => T;
  /** Builds the document from the store's memory; called when a write starts. */
  serialize: () => T;
  indent?: number;
  /** Stored gzip-compressed (see AtomicJsonFileAdapter); the backup, if any, is too. */
  compressed?: boolean;
  /** Minimum time between two backup refreshes while writing. */
  backupIntervalMs: number;
  now: () => Date;
  onWritten?: ((relativePath: string) => void) | undefined;
}

/** A document as loaded, and the notice to show when it had to be recovered. */
export interface LoadedDocument<T> {
  document: T;
  notice: StorageNotice | null;
}

/** `2026-11-25T22-40-00Z`: sortable, and valid in file names on every platform. */
function fileStamp(date: Date): string {
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replaceAll(':', '-');
}

function describeTime(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/**
 * One JSON document of the library: a lowdb `Low` over an {@link AtomicJsonFileAdapter}, with
 * coalesced writes, a last-good backup (for documents whose `backup` is `last-good`) and recovery
 * from a damaged file.
 *
 * Backups live in `<library>/backups/<relativePath>.bak`. A backup is refreshed from a file that
 * has just been read without any loss (so it is known to parse), after a successful write at most
 * once per `backupIntervalMs` (so a busy session does not double its disk traffic), and at
 * {@link finish} if writes since then skipped it. A crash therefore loses at most the changes of
 * the last interval, and only if the file is also damaged before the next start. A file
 * that cannot be parsed is renamed to `<name>.corrupt-<time>` (never deleted) and the backup takes
 * its place; without a usable backup the document starts empty. Either way the returned notice
 * tells the user what happened and where the damaged copy is.
 */
export class LibraryDocument<T> {
  readonly path: string;
  readonly backupPath: string;
  private readonly adapter: AtomicJsonFileAdapter<T>;
  private readonly low: Low<T>;
  private readonly coalescer: WriteCoalescer;
  private lastBackupAt = Number.NEGATIVE_INFINITY;
  /** A write skipped its backup refresh (too soon after the last one). */
  private backupBehind = false;
  private backupWork: Promise<void> = Promise.resolve();

  constructor(private readonly options: LibraryDocumentOptions<T>) {
    this.path = join(options.libraryDir, options.relativePath);
    this.backupPath = join(options.libraryDir, 'backups', `${options.relativePath}.bak`);
    this.adapter = new AtomicJsonFileAdapter(this.path, {
      repair: options.repair,
      withinFolder: options.libraryDir,
      ...(options.indent === undefined ? {} : { indent: options.indent }),
      ...(options.compressed === undefined ? {} : { compressed: options.compressed }),
    });
    this.low = new Low(this.adapter, options.empty());
    this.coalescer = new WriteCoalescer(
      () => this.writeNow(),
      () => (this.keepsBackup ? this.refreshBackupAfterWrite() : Promise.resolve()),
    );
  }

  private get keepsBackup(): boolean {
    return this.options.backup === 'last-good';
  }

  /** Reads the document, recovering from a damaged or vanished file. */
  async load(): Promise<LoadedDocument<T>> {
    return this.handOver(await this.readOrRecover());
  }

  /**
   * Synchronous form of {@link load}, for content read on demand by a synchronous getter. The
   * backup refresh continues in the background; {@link finish} waits for it.
   */
  loadSync(): LoadedDocument<T> {
    return this.handOver(this.readOrRecoverSync());
  }

  private async readOrRecover(): Promise<LoadedDocument<T>> {
    try {
      await this.low.read();
    } catch (error) {
      if (error instanceof UnreadableJsonFileError) return this.recoverDamaged(error);
      throw error;
    }
    // The adapter reads a missing file as null, which Low leaves as the empty default.
    if (!existsSync(this.path)) return this.recoverMissing();
    if (this.keepsBackup) await this.refreshBackupAfterLoad();
    return { document: this.low.data, notice: null };
  }

  private readOrRecoverSync(): LoadedDocument<T> {
    let document: T | null;
    try {
      document = this.adapter.readSync();
    } catch (error) {
      if (error instanceof UnreadableJsonFileError) return this.recoverDamaged(error);
      throw error;
    }
    if (document === null) return this.recoverMissing();
    this.low.data = document;
    if (!this.keepsBackup) return { document, notice: null };
    this.backupWork = this.backupWork.then(() =>
      this.refreshBackupAfterLoad().catch((backupError: unknown) => {
        console.error(`[rounds] could not back up ${this.path}`, backupError);
      }),
    );
    return { document, notice: null };
  }

  /** Writes the current data (coalesced); resolves once it is durably on disk. */
  write(): Promise<void> {
    return this.coalescer.request();
  }

  /** Resolves once every change requested so far is on disk. */
  settled(): Promise<void> {
    return this.coalescer.settled();
  }

  /** True when nothing is being written, waiting to be written, or left unsaved by a failure. */
  get isIdle(): boolean {
    return this.coalescer.isIdle;
  }

  /**
   * Waits for writes and backups to stop, then brings a backup that fell behind up to date, so a
   * clean shutdown leaves every backup current. Never rejects.
   */
  async finish(): Promise<void> {
    await this.coalescer.whenIdle();
    await this.backupWork;
    if (!this.backupBehind) return;
    try {
      await copyFileDurably(this.path, this.backupPath);
      this.backupBehind = false;
    } catch (error) {
      console.error(`[rounds] could not back up ${this.path}`, error);
    }
  }

  // The store owns the data in its own structures; Low only carries a snapshot between them and
  // the file. Letting go of it afterwards lets an evicted content shard be garbage-collected.
  private handOver(loaded: LoadedDocument<T>): LoadedDocument<T> {
    this.low.data = this.options.empty();
    return loaded;
  }

  private async writeNow(): Promise<void> {
    this.low.data = this.options.serialize();
    try {
      await this.low.write();
    } finally {
      this.low.data = this.options.empty();
    }
    this.options.onWritten?.(this.options.relativePath);
  }

  private async refreshBackupAfterWrite(): Promise<void> {
    const now = this.options.now().getTime();
    if (now - this.lastBackupAt < this.options.backupIntervalMs) {
      this.backupBehind = true;
      return;
    }
    await copyFileDurably(this.path, this.backupPath);
    this.lastBackupAt = now;
    this.backupBehind = false;
  }

  private async refreshBackupAfterLoad(): Promise<void> {
    // A file that needed records dropped may be half-damaged: keep the older backup, which may
    // still hold what was lost.
    if (this.adapter.droppedOnLastRead > 0) {
      console.warn(
        `[rounds] ${this.path}: left out ${this.adapter.droppedOnLastRead} unusable record(s)`,
      );
      return;
    }
    const [file, backup] = await Promise.all([
      stat(this.path),
      stat(this.backupPath).catch(() => null),
    ]);
    if (backup === null || backup.mtimeMs <= file.mtimeMs) {
      await copyFileDurably(this.path, this.backupPath);
    }
    this.lastBackupAt = this.options.now().getTime();
  }

  private recoverDamaged(error: UnreadableJsonFileError): LoadedDocument<T> {
    const at = this.options.now();
    const keptAt = this.setAside(at);
    const cause = error.reason === 'symbolic-link' ? 'link' : 'damaged';
    const notice = this.restoreBackup(at, cause, keptAt);
    console.warn(`[rounds] ${error.message} ${notice.kind}; damaged copy kept at ${keptAt}`);
    return { document: this.low.data, notice };
  }

  // Files are never deleted by Rounds, so a document that has a backup but no file was removed
  // from outside (a sync tool, an antivirus): bring back the backup rather than start empty.
  private recoverMissing(): LoadedDocument<T> {
    if (!this.keepsBackup || !existsSync(this.backupPath))
      return { document: this.low.data, notice: null };
    const notice = this.restoreBackup(this.options.now(), 'missing', null);
    console.warn(`[rounds] ${this.path} was missing: ${notice.kind}`);
    return { document: this.low.data, notice };
  }

  private restoreBackup(
    at: Date,
    cause: 'damaged' | 'link' | 'missing',
    keptAt: string | null,
  ): StorageNotice {
    const backup = this.keepsBackup ? this.readBackup() : null;
    const { subject, remedy, relativePath } = this.options;
    const problem = {
      damaged: `Rounds could not read ${subject} (${relativePath}) because the file was damaged`,
      link: `Rounds could not read ${subject} (${relativePath}) because the file was a symbolic link, which Rounds does not follow`,
      missing: `Rounds could not find ${subject} (${relativePath}) in the data folder`,
    }[cause];
    const advice = remedy ? ` ${remedy}` : '';
    const kept = cause === 'link' ? 'The link' : 'The damaged file';
    const whereKept = keptAt === null ? '' : ` ${kept} was kept at ${keptAt}.`;
    if (backup !== null) {
      copyFileDurablySync(this.backupPath, this.path);
      this.low.data = backup.document;
      this.lastBackupAt = at.getTime();
      return {
        id: randomUUID(),
        kind: 'restored-from-backup',
        message:
          `${problem}, so it restored the last good copy, saved ${describeTime(backup.savedAt)}. ` +
          `Changes made after that may be missing.${advice}${whereKept}`,
        keptAt: keptAt ?? '',
        at: at.toISOString(),
      };
    }
    this.low.data = this.options.empty();
    return {
      id: randomUUID(),
      kind: 'reset-to-empty',
      message: this.keepsBackup
        ? `${problem}, and no good backup was found, so this part of the library starts empty.${advice}${whereKept}`
        : `${problem}.${advice}${whereKept}`,
      keptAt: keptAt ?? '',
      at: at.toISOString(),
    };
  }

  // Renaming moves a link itself, never the file it points to.
  private setAside(at: Date): string {
    const base = `${this.path}.corrupt-${fileStamp(at)}`;
    let keptAt = base;
    for (let attempt = 2; lstatSync(keptAt, { throwIfNoEntry: false }); attempt += 1) {
      keptAt = `${base}-${attempt}`;
    }
    renameSync(this.path, keptAt);
    fsyncDirectorySync(dirname(this.path));
    const kept = lstatSync(keptAt);
    if (!kept.isSymbolicLink()) chmodSync(keptAt, kept.mode & OWNER_ONLY_FILE_MODE);
    return keptAt;
  }

  private readBackup(): { document: T; savedAt: Date } | null {
    const backupReader = new AtomicJsonFileAdapter(this.backupPath, {
      repair: this.options.repair,
      withinFolder: this.options.libraryDir,
    });
    try {
      const document = backupReader.readSync();
      if (document === null) return null;
      return { document, savedAt: statSync(this.backupPath).mtime };
    } catch (error) {
      console.warn(`[rounds] the backup ${basename(this.backupPath)} is unusable too`, error);
      return null;
    }
  }
}
