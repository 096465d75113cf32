import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import lockfile from 'proper-lockfile';

/** Name of the lock, a directory inside the data folder (mkdir is atomic on every file system). */
const LOCK_NAME = 'rounds.lock';
/**
 * A live owner touches the lock every `staleMs / 2`; one that stopped touching it for `staleMs`
 * has crashed (or was killed), and its lock may be taken over. Long enough to survive a busy
 * event loop, short enough that restarting after a crash is not blocked for long.
 */
const DEFAULT_STALE_MS = 10_000;
/**
 * Who holds the lock, written beside it (not inside: proper-lockfile removes an empty directory).
 * It lets a restart after a crash take the folder at once instead of waiting `staleMs`.
 */
const OWNER_NAME = 'rounds.lock.owner.json';

interface LockOwner {
  pid: number;
  host: string;
}

/** True when the recorded owner is a process on this machine that no longer exists. */
async function ownerIsGone(folder: string): Promise<boolean> {
  let owner: LockOwner;
  try {
    owner = JSON.parse(await readFile(join(folder, OWNER_NAME), 'utf8')) as LockOwner;
  } catch {
    return false; // no record (or an older Rounds): fall back to staleness
  }
  if (owner.host !== hostname() || !Number.isInteger(owner.pid) || owner.pid === process.pid) {
    return false;
  }
  try {
    process.kill(owner.pid, 0); // signal 0 only checks that the process exists
    return false;
  } catch (error) {
    // EPERM means it exists but belongs to someone else: still alive.
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** Another process owns the data folder: two writers would corrupt each other's files. */
export class DataFolderInUseError extends Error {
  override readonly name = 'DataFolderInUseError';

  constructor(
    readonly dataDir: string,
    options?: ErrorOptions,
  ) {
    super(
      `Another Rounds window or host is already using the data folder ${dataDir}. ` +
        'Close it first, or start with a different --data-dir.',
      options,
    );
  }
}

/** How the lock is kept. */
export interface DataFolderLockOptions {
  /** How long an untouched lock counts as held (minimum 2000 ms, default 10 s). */
  staleMs?: number;
  /**
   * Called if the lock is lost while held (the lock directory was removed, or the process was
   * frozen for longer than `staleMs`). Defaults to logging: crashing would lose unsaved work.
   */
  onCompromised?: (error: Error) => void;
}

/**
 * Exclusive ownership of a data folder by one process, so only one Electron window or host writes
 * its files. Built on proper-lockfile: the lock is a directory whose modification time the owner
 * refreshes, so a lock left by a crashed owner becomes stale and can be taken over.
 */
export class DataFolderLock {
  private releasing: Promise<void> | null = null;

  private constructor(
    readonly dataDir: string,
    private readonly unlock: () => Promise<void>,
  ) {}

  /**
   * Takes the data folder (creating it if needed). Rejects with {@link DataFolderInUseError}
   * when another live process holds it.
   */
  static async acquire(
    dataDir: string,
    options: DataFolderLockOptions = {},
  ): Promise<DataFolderLock> {
    const folder = resolve(dataDir);
    await mkdir(folder, { recursive: true });
    const lockPath = join(folder, LOCK_NAME);
    const take = () =>
      lockfile.lock(folder, {
        lockfilePath: lockPath,
        stale: options.staleMs ?? DEFAULT_STALE_MS,
        retries: 0,
        onCompromised:
          options.onCompromised ??
          ((error) => {
            console.error(`[rounds] lost the lock on the data folder ${folder}`, error);
          }),
      });
    let unlock: () => Promise<void>;
    try {
      unlock = await take();
    } catch (error) {
      if ((error as NodeJS.ErrnoException | null)?.code !== 'ELOCKED') throw error;
      if (!(await ownerIsGone(folder))) throw new DataFolderInUseError(folder, { cause: error });
      // The owner crashed on this machine: its lock is stale now, not in `staleMs`.
      await rm(lockPath, { recursive: true, force: true });
      try {
        unlock = await take();
      } catch (retryError) {
        if ((retryError as NodeJS.ErrnoException | null)?.code === 'ELOCKED') {
          throw new DataFolderInUseError(folder, { cause: retryError });
        }
        throw retryError;
      }
    }
    const owner: LockOwner = { pid: process.pid, host: hostname() };
    await writeFile(join(folder, OWNER_NAME), JSON.stringify(owner));
    return new DataFolderLock(folder, unlock);
  }

  /** Gives the folder up; calling it again does nothing. */
  release(): Promise<void> {
    this.releasing ??= (async () => {
      await rm(join(this.dataDir, OWNER_NAME), { force: true });
      await this.unlock().catch((error: unknown) => {
        // A lock already lost (compromised) has nothing left to release.
        if ((error as NodeJS.ErrnoException | null)?.code !== 'ERELEASED') throw error;
      });
    })();
    return this.releasing;
  }
}
