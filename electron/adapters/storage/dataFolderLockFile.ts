import { createHash, randomUUID } from 'node:crypto';
import { constants } from 'node:fs';
import { lstat, mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { NO_FOLLOW, OWNER_ONLY_FILE_MODE, OWNER_ONLY_FOLDER_MODE } from './ownerOnly';

/** The lock: a file in the data folder, created exclusively, holding its owner's record. */
export const LOCK_NAME = 'rounds.lock';
/** One per lock being taken over; its name carries that lock's key (see {@link takeOverLock}). */
const CLAIM_PREFIX = `${LOCK_NAME}.takeover-`;
/** A lock moved out of the way by a takeover, deleted right after. */
const SET_ASIDE_PREFIX = `${LOCK_NAME}.stale-`;
/** What earlier versions kept beside their lock directory. */
const EARLIER_OWNER_RECORD = `${LOCK_NAME}.owner.json`;
/** A record is a few dozen bytes; reading more would only let a planted file waste memory. */
const MAX_RECORD_BYTES = 4_096;
const SAFE_ID = /^[\w-]{1,64}$/;

/** Who holds a lock: `id` is unique to one acquisition, the rest says where to look for it. */
export interface LockRecord {
  id: string;
  pid: number;
  threadId: number;
  host: string;
}

/** A lock found on disk. */
export interface FoundLock {
  /** Names this very lock: a lock created later at the same path never has the same key. */
  key: string;
  /** Null when the file is being written, damaged, or an earlier Rounds' lock directory. */
  record: LockRecord | null;
  /** When its owner last refreshed it (or created it). */
  modifiedAtMs: number;
}

function codeOf(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | null)?.code;
}

/** The record in `text`, or null when it is not one this version wrote. */
export function parseLockRecord(text: string): LockRecord | null {
  let raw: Partial<LockRecord>;
  try {
    raw = JSON.parse(text) as Partial<LockRecord>;
  } catch {
    return null;
  }
  const { id, pid, threadId, host } = raw ?? {};
  if (typeof id !== 'string' || !SAFE_ID.test(id) || typeof host !== 'string') return null;
  // pid 0 and negative pids name process groups, which a liveness check must not be aimed at.
  if (!Number.isInteger(pid) || (pid as number) <= 0 || !Number.isInteger(threadId)) return null;
  return { id, pid: pid as number, threadId: threadId as number, host };
}

async function readWithoutFollowing(path: string): Promise<string> {
  const handle = await open(path, constants.O_RDONLY | NO_FOLLOW);
  try {
    const bytes = Buffer.alloc(MAX_RECORD_BYTES);
    const { bytesRead } = await handle.read(bytes, 0, MAX_RECORD_BYTES, 0);
    return bytes.toString('utf8', 0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** The lock at `lockPath`, or null when there is none. */
export async function findLock(lockPath: string): Promise<FoundLock | null> {
  try {
    const stats = await lstat(lockPath);
    // Only a regular file can hold a record; anything else is judged by its age alone.
    const text = stats.isFile() ? await readWithoutFollowing(lockPath) : '';
    const record = parseLockRecord(text);
    const key =
      record?.id ??
      createHash('sha256')
        .update(`${stats.ino}:${stats.mtimeMs}:${stats.size}:${text}`)
        .digest('hex')
        .slice(0, 32);
    return { key, record, modifiedAtMs: stats.mtimeMs };
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return null;
    throw error;
  }
}

/**
 * Creates the lock holding `record`, or resolves false when a lock (or anything else) is already
 * there. O_EXCL makes this the one step that decides between processes creating it at once.
 */
export async function createLock(lockPath: string, record: LockRecord): Promise<boolean> {
  let handle;
  try {
    handle = await open(
      lockPath,
      constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | NO_FOLLOW,
      OWNER_ONLY_FILE_MODE,
    );
  } catch (error) {
    if (codeOf(error) === 'EEXIST') return false;
    throw error;
  }
  try {
    // Until this is written, others find a lock without a record: one they judge by age, so a
    // fresh one is respected.
    await handle.writeFile(JSON.stringify(record));
  } catch (error) {
    await handle.close();
    await rm(lockPath, { force: true });
    throw error;
  }
  await handle.close();
  return true;
}

/**
 * Removes `found`, a lock judged abandoned, unless someone else is doing so at the same moment.
 *
 * Removing by path alone is what let two starts both take over a crashed owner's lock: the second
 * removed the lock the first had just created. Here whoever removes a lock must first create the
 * claim folder named after that lock's key (mkdir is atomic: one creator wins), and then checks
 * that the lock at the path is still that very lock, unchanged since it was judged. So each lock
 * is removed at most once, and only while it is the one judged.
 *
 * Resolves false when another process holds the claim (it is taking the folder over), true when
 * the lock is gone or has changed, and the caller should look again.
 */
export async function takeOverLock(folder: string, found: FoundLock): Promise<boolean> {
  const claim = join(folder, `${CLAIM_PREFIX}${found.key}`);
  try {
    await mkdir(claim, { mode: OWNER_ONLY_FOLDER_MODE });
  } catch (error) {
    if (codeOf(error) === 'EEXIST') return false;
    throw error;
  }
  try {
    const lockPath = join(folder, LOCK_NAME);
    const current = await findLock(lockPath);
    if (current?.key !== found.key || current.modifiedAtMs !== found.modifiedAtMs) return true;
    // Renamed first (atomic, and it moves a link itself), so the path is free at once even when
    // the lock is an earlier version's directory that takes longer to delete.
    const setAside = join(folder, `${SET_ASIDE_PREFIX}${randomUUID()}`);
    try {
      await rename(lockPath, setAside);
    } catch (error) {
      // Its owner, frozen rather than dead, released it in between: nothing left to remove.
      if (codeOf(error) === 'ENOENT') return true;
      throw error;
    }
    await rm(setAside, { recursive: true, force: true });
    return true;
  } finally {
    await rm(claim, { recursive: true, force: true });
  }
}

/**
 * Deletes what takeovers interrupted by a crash and earlier versions left beside the lock. Call
 * once the lock whose key is `heldKey` is held: any other claim names a lock that is no longer at
 * the path, so a process that still acts on it finds the lock changed and stops.
 */
export async function removeLockLeftovers(folder: string, heldKey: string): Promise<void> {
  const leftovers = (await readdir(folder)).filter(
    (name) =>
      (name.startsWith(CLAIM_PREFIX) && name !== `${CLAIM_PREFIX}${heldKey}`) ||
      name.startsWith(SET_ASIDE_PREFIX) ||
      name === EARLIER_OWNER_RECORD,
  );
  await Promise.all(
    leftovers.map((name) => rm(join(folder, name), { recursive: true, force: true })),
  );
}
