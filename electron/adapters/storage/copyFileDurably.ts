import { closeSync, copyFileSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { copyFile, open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fsyncDirectory, fsyncDirectorySync } from './fsyncDirectory';

let copies = 0;

// The copy goes to a temporary name first, so `dest` is always either the old copy or the whole
// new one, never a half-written file.
function temporaryNameFor(dest: string): string {
  copies += 1;
  return `${dest}.${process.pid}-${copies}.tmp`;
}

/** Copies a file so that `dest` is replaced atomically and the copy survives a power cut. */
export async function copyFileDurably(source: string, dest: string): Promise<void> {
  const temporary = temporaryNameFor(dest);
  try {
    await copyFile(source, temporary);
    const handle = await open(temporary, 'r+');
    try {
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
  const temporary = temporaryNameFor(dest);
  try {
    copyFileSync(source, temporary);
    const fd = openSync(temporary, 'r+');
    try {
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
