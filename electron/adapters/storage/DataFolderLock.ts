import { randomUUID } from 'node:crypto';
import { constants } from 'node:fs';
import { mkdir, open, rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { threadId } from 'node:worker_threads';
import {
  createLock,
  findLock,
  LOCK_NAME,
  parseLockRecord,
  removeLockLeftovers,
  takeOverLock,
  type FoundLock,
  type LockRecord,
} from './dataFolderLockFile';
import { NO_FOLLOW, OWNER_ONLY_FOLDER_MODE, restrictToOwner } from './ownerOnly';

/**
 * A live owner refreshes its lock every `staleMs / 2`; a lock not refreshed for `staleMs` was left
 * by an owner that crashed (or was frozen), and may be taken over. Long enough to survive a busy
 * event loop, short enough that restarting after a crash is not blocked for long.
 */
const DEFAULT_STALE_MS = 10_000;
/** Each attempt either takes the lock or finds it changed; a few cover every interleaving. */
const MAX_ATTEMPTS = 3;

/** Ids of the locks this thread holds, so a second acquisition here sees the first one alive. */
const heldByThisThread = new Set<string>();

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
  /** How long a lock its owner stopped refreshing still counts as held (default 10 s). */
  staleMs?: number;
  /** Clock (ms since 1970) for judging another owner's lock stale; tests move it forward. */
  now?: () => number;
  /**
   * Called if the lock is lost while held (its file was removed, or the process was frozen for
   * longer than `staleMs` and another one took over). Defaults to logging: crashing would lose
   * unsaved work.
   */
  onCompromised?: (error: Error) => void;
}

function processIsGone(pid: number): boolean {
  try {
    process.kill(pid, 0); // signal 0 only checks that the process exists
    return false;
  } catch (error) {
    // EPERM means it exists but belongs to someone else: still alive.
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * True when `found` may be taken over: its owner stopped refreshing it, or is proven dead. A pid
 * proves nothing on another machine, and a dead owner's pid reused by a live process reads as
 * alive: both wait for staleness, which is slower but never wrong.
 */
function isAbandoned(found: FoundLock, staleMs: number, now: number): boolean {
  const owner = found.record;
  if (owner !== null && heldByThisThread.has(owner.id)) return false;
  if (now - found.modifiedAtMs > staleMs) return true;
  if (owner === null || owner.host !== hostname()) return false;
  // Our own pid: the owner was this thread (but not one of its held locks, checked above), or an
  // earlier process that had our pid, as in a restarted container. Another thread: wait.
  if (owner.pid === process.pid) return owner.threadId === threadId;
  return processIsGone(owner.pid);
}

async function takeLock(
  folder: string,
  record: LockRecord,
  staleMs: number,
  now: () => number,
): Promise<void> {
  const lockPath = join(folder, LOCK_NAME);
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    if (await createLock(lockPath, record)) return;
    const found = await findLock(lockPath);
    if (found === null) continue; // released in between: try again
    if (!isAbandoned(found, staleMs, now())) throw new DataFolderInUseError(folder);
    // false: another process is taking this very lock over; it will be the owner.
    if (!(await takeOverLock(folder, found))) throw new DataFolderInUseError(folder);
  }
  throw new DataFolderInUseError(folder);
}

function logLoss(error: Error): void {
  console.error(`[rounds] ${error.message}`);
}

/**
 * Exclusive ownership of a data folder by one process, so only one Electron window or host writes
 * its files. The lock is a file, `rounds.lock`, created exclusively and holding its owner's
 * record (a unique id, pid, thread and host); the owner refreshes its modification time, so a lock
 * left by a crashed owner goes stale, and one whose owner is proven dead on this machine is taken
 * at once. Taking over is atomic (see {@link takeOverLock}): of several processes starting
 * together, exactly one gets the folder.
 */
export class DataFolderLock {
  private releasing: Promise<void> | null = null;
  private refreshTimer: NodeJS.Timeout | null = null;
  private lost = false;

  private constructor(
    readonly dataDir: string,
    private readonly record: LockRecord,
    private readonly staleMs: number,
    private readonly onCompromised: (error: Error) => void,
  ) {}

  /**
   * Takes the data folder, creating it (readable by its owner only) if needed and tightening it if
   * an earlier version left it open. Rejects with {@link DataFolderInUseError} when another live
   * process, or another acquisition in this one, holds it.
   */
  static async acquire(
    dataDir: string,
    options: DataFolderLockOptions = {},
  ): Promise<DataFolderLock> {
    const folder = resolve(dataDir);
    await mkdir(folder, { recursive: true, mode: OWNER_ONLY_FOLDER_MODE });
    await restrictToOwner(folder);
    const staleMs = options.staleMs ?? DEFAULT_STALE_MS;
    const record: LockRecord = { id: randomUUID(), pid: process.pid, threadId, host: hostname() };
    heldByThisThread.add(record.id);
    try {
      await takeLock(folder, record, staleMs, options.now ?? Date.now);
    } catch (error) {
      heldByThisThread.delete(record.id);
      throw error;
    }
    await removeLockLeftovers(folder, record.id);
    const lock = new DataFolderLock(folder, record, staleMs, options.onCompromised ?? logLoss);
    lock.scheduleRefresh();
    return lock;
  }

  /**
   * Marks the lock as alive now, and reports (once, through `onCompromised`) a lock found removed
   * or taken over. Runs every `staleMs / 2` by itself.
   */
  async refresh(): Promise<void> {
    if (this.releasing !== null || this.lost) return;
    let handle;
    try {
      handle = await open(join(this.dataDir, LOCK_NAME), constants.O_RDONLY | NO_FOLLOW);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      this.lose('its lock file was removed');
      return;
    }
    try {
      if (parseLockRecord(await handle.readFile('utf8'))?.id !== this.record.id) {
        this.lose('another process took it over');
        return;
      }
      const now = new Date();
      await handle.utimes(now, now);
    } finally {
      await handle.close();
    }
  }

  /** Gives the folder up; calling it again does nothing. A lock lost meanwhile is left alone. */
  release(): Promise<void> {
    this.releasing ??= (async () => {
      if (this.refreshTimer !== null) clearTimeout(this.refreshTimer);
      const lockPath = join(this.dataDir, LOCK_NAME);
      try {
        if ((await findLock(lockPath))?.record?.id === this.record.id) await rm(lockPath);
      } finally {
        heldByThisThread.delete(this.record.id);
      }
    })();
    return this.releasing;
  }

  private scheduleRefresh(): void {
    this.refreshTimer = setTimeout(() => {
      this.refresh()
        .catch((error: unknown) => {
          console.error(`[rounds] could not refresh the lock on ${this.dataDir}`, error);
        })
        .finally(() => {
          if (this.releasing === null && !this.lost) this.scheduleRefresh();
        });
    }, this.staleMs / 2);
    // The timer alone must not keep a process alive that has nothing else to do.
    this.refreshTimer.unref();
  }

  private lose(how: string): void {
    this.lost = true;
    this.onCompromised(
      new Error(`Rounds lost its lock on the data folder ${this.dataDir}: ${how}.`),
    );
  }
}
