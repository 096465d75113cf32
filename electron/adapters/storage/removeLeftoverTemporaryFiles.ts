import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

// write-file-atomic's temporary files (`name.json.<number>`) and ours (`name.<pid>-<n>.tmp`)
// are orphaned only when a process died mid-write; the folder lock guarantees none is live.
const LEFTOVER_TEMPORARY_FILE = /\.(json|bak)\.(\d+|\d+-\d+\.tmp)$/;

/** Deletes what interrupted writes left in the library's folders; call with the lock held. */
export async function removeLeftoverTemporaryFiles(libraryDir: string): Promise<void> {
  const folders = ['', 'items', 'state', 'backups', 'backups/items', 'backups/state'];
  await Promise.all(
    folders.map(async (folder) => {
      const dir = join(libraryDir, folder);
      for (const name of await readdir(dir)) {
        if (LEFTOVER_TEMPORARY_FILE.test(name)) await rm(join(dir, name), { force: true });
      }
    }),
  );
}
