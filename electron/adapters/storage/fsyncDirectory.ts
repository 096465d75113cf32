import { openSync, closeSync, fsyncSync } from 'node:fs';
import { open } from 'node:fs/promises';

// Windows cannot open a directory for fsync; NTFS journals the rename itself.
const CAN_SYNC_DIRECTORIES = process.platform !== 'win32';

/**
 * Flushes a directory's entries to disk, so a file renamed into it is still there after a power
 * cut (the file's own fsync does not cover the directory entry).
 */
export async function fsyncDirectory(dir: string): Promise<void> {
  if (!CAN_SYNC_DIRECTORIES) return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Synchronous form of {@link fsyncDirectory}, for the rare recovery path that runs inside a read. */
export function fsyncDirectorySync(dir: string): void {
  if (!CAN_SYNC_DIRECTORIES) return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
