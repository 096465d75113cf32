import { constants, type Stats } from 'node:fs';
import { chmod, stat } from 'node:fs/promises';

/**
 * Folders and files of the data folder are for the user who runs Rounds only: on a shared hospital
 * machine, notes about patients' papers must not be readable by the next person to log in.
 */
export const OWNER_ONLY_FOLDER_MODE = 0o700;
/** See {@link OWNER_ONLY_FOLDER_MODE}. */
export const OWNER_ONLY_FILE_MODE = 0o600;

/**
 * Added to `open` flags wherever Rounds opens a file of its own: a link planted in its place makes
 * the open fail (ELOOP) instead of reaching the file it points to. Windows has no such flag (0);
 * callers check there with `lstat` first.
 */
export const NO_FOLLOW: number = constants.O_NOFOLLOW ?? 0;

/** Windows keeps no Unix permission bits: there a folder's ACL, inherited from the profile, rules. */
const HAS_PERMISSION_BITS = process.platform !== 'win32';

/** True when no one but the owner has any permission (always, where there are no such bits). */
export function isOwnerOnly(stats: Pick<Stats, 'mode'>): boolean {
  return !HAS_PERMISSION_BITS || (stats.mode & 0o077) === 0;
}

/**
 * Removes group and other permissions from a file or folder made by an earlier Rounds (which used
 * the default 0755 and 0644). Pass `stats` from an `lstat` so that a link is never followed.
 */
export async function restrictToOwner(path: string, stats?: Stats): Promise<void> {
  const current = stats ?? (await stat(path));
  if (!isOwnerOnly(current)) await chmod(path, current.mode & 0o700);
}
