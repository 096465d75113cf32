import { lstat, mkdir, readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { isOwnerOnly, OWNER_ONLY_FOLDER_MODE, restrictToOwner } from './ownerOnly';
import { SymbolicLinkRefusedError } from './refuseSymbolicLinks';

/**
 * The library's folders inside `<dataDir>/library`, each after its parent (`annotations`: see
 * LowdbAnnotationStore). `pieces` holds one
 * folder per feed (see ItemPieces); `items` and `backups/items` belong to layout 1 and are removed
 * by its migration.
 */
export const LIBRARY_FOLDERS = [
  '',
  'state',
  'pieces',
  'annotations',
  'backups',
  'backups/state',
  'backups/annotations',
];

/** Something other than a folder sits where the library keeps one of its folders. */
export class NotAFolderError extends Error {
  override readonly name = 'NotAFolderError';

  constructor(readonly path: string) {
    super(
      `Rounds keeps a folder at ${path}, but something else is there. ` +
        'Move it out of the way, then start Rounds again.',
    );
  }
}

/**
 * Creates a folder readable by its owner only (or tightens one an earlier version left open).
 * Rejects when the path is a link or not a folder.
 */
export async function createOwnerOnlyFolder(path: string): Promise<void> {
  await mkdir(path, { mode: OWNER_ONLY_FOLDER_MODE }).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  });
  const stats = await lstat(path);
  // A linked folder would put the library's files wherever the link points.
  if (stats.isSymbolicLink()) throw new SymbolicLinkRefusedError(path);
  if (!stats.isDirectory()) throw new NotAFolderError(path);
  // An earlier version left folders and their files open together; one Rounds made itself is
  // closed, and so is everything it wrote there (and no one else can reach inside to add more).
  if (!isOwnerOnly(stats)) {
    await restrictFilesToOwner(path);
    // The folder last: if this is interrupted, the next start finds it still open and finishes.
    await restrictToOwner(path, stats);
  }
}

// Links among the files are left alone: reading one sets it aside, and chmod would follow it.
async function restrictFilesToOwner(folder: string): Promise<void> {
  const files = (await readdir(folder, { withFileTypes: true })).filter((entry) => entry.isFile());
  await Promise.all(
    files.map(async ({ name }) => {
      const path = join(folder, name);
      await restrictToOwner(path, await lstat(path));
    }),
  );
}

/**
 * Creates the library's folders readable by their owner only, and tightens those (and their
 * files) that an earlier version left readable by everyone. Rejects with
 * {@link SymbolicLinkRefusedError} when one of them is a link and {@link NotAFolderError} when one
 * is not a folder; nothing outside the library is touched either way.
 */
export async function prepareLibraryFolders(libraryDir: string): Promise<void> {
  // The data folder itself is the lock's to create; this covers a store opened without one.
  await mkdir(dirname(libraryDir), { recursive: true, mode: OWNER_ONLY_FOLDER_MODE });
  for (const folder of LIBRARY_FOLDERS) await createOwnerOnlyFolder(join(libraryDir, folder));
}
