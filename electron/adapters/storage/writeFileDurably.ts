import { constants } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fsyncDirectory } from './fsyncDirectory';
import { NO_FOLLOW, OWNER_ONLY_FILE_MODE } from './ownerOnly';
import { temporaryNameFor } from './temporaryFileName';

// O_EXCL: a file or link already at the temporary name makes the write fail instead of being
// followed (write-file-atomic, used before, opened a predictable name without it).
const CREATE_EXCLUSIVELY = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | NO_FOLLOW;

/**
 * Replaces `path` with `data` atomically and durably, readable by its owner only: the data goes to
 * a new temporary file that is fsynced, renamed over `path` (which replaces a link there rather
 * than following it), and the folder is fsynced so the rename survives a power cut.
 */
export async function writeFileDurably(path: string, data: string | Uint8Array): Promise<void> {
  const temporary = temporaryNameFor(path);
  const handle = await open(temporary, CREATE_EXCLUSIVELY, OWNER_ONLY_FILE_MODE);
  try {
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  await fsyncDirectory(dirname(path));
}
