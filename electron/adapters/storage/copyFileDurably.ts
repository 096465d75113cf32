import {
  closeSync,
  constants,
  copyFileSync,
  fchmodSync,
  fsyncSync,
  lstatSync,
  openSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { copyFile, lstat, open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fsyncDirectory, fsyncDirectorySync } from './fsyncDirectory';
import { NO_FOLLOW, OWNER_ONLY_FILE_MODE } from './ownerOnly';
import { SymbolicLinkRefusedError } from './refuseSymbolicLinks';
import { temporaryNameFor } from './temporaryFileName';

// The copy goes to a new temporary name first, so `dest` is always either the old copy or the
// whole new one, never a half-written file. COPYFILE_EXCL: whatever is already at that name (a
// planted link included) makes the copy fail instead of being written through.
const COPY_EXCLUSIVELY = constants.COPYFILE_EXCL;
const REOPEN_WITHOUT_FOLLOWING = constants.O_RDWR | NO_FOLLOW;

/** Copies a file so that `dest` is replaced atomically, is private to its owner and survives a power cut. */
export async function copyFileDurably(source: string, dest: string): Promise<void> {
  if ((await lstat(source)).isSymbolicLink()) throw new SymbolicLinkRefusedError(source);
  const temporary = temporaryNameFor(dest);
  try {
    await copyFile(source, temporary, COPY_EXCLUSIVELY);
    const handle = await open(temporary, REOPEN_WITHOUT_FOLLOWING);
    try {
      // copyFile gives the copy the source's mode, which an earlier version left at 0644.
      await handle.chmod(OWNER_ONLY_FILE_MODE);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, dest);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  await fsyncDirectory(dirname(dest));
}

/** Synchronous form of {@link copyFileDurably}, for recovery that runs inside a synchronous read. */
export function copyFileDurablySync(source: string, dest: string): void {
  if (lstatSync(source).isSymbolicLink()) throw new SymbolicLinkRefusedError(source);
  const temporary = temporaryNameFor(dest);
  try {
    copyFileSync(source, temporary, COPY_EXCLUSIVELY);
    const fd = openSync(temporary, REOPEN_WITHOUT_FOLLOWING);
    try {
      fchmodSync(fd, OWNER_ONLY_FILE_MODE);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, dest);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  fsyncDirectorySync(dirname(dest));
}
