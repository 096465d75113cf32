import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { LIBRARY_FOLDERS } from './prepareLibraryFolders';
import { LEFTOVER_TEMPORARY_FILE } from './temporaryFileName';

/**
 * Deletes what interrupted writes left in the library's folders. Call with the lock held: the lock
 * guarantees no live writer, so every temporary file there was orphaned by a process that died.
 * Feed folders under `pieces/` are cleaned as they are loaded (see ItemPieces), not here, so
 * opening does not list every piece of the library.
 */
export async function removeLeftoverTemporaryFiles(libraryDir: string): Promise<void> {
  await Promise.all(
    LIBRARY_FOLDERS.map(async (folder) => {
      const dir = join(libraryDir, folder);
      for (const name of await readdir(dir)) {
        if (LEFTOVER_TEMPORARY_FILE.test(name)) await rm(join(dir, name), { force: true });
      }
    }),
  );
}
