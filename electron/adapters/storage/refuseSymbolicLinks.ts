import { lstatSync } from 'node:fs';
import { lstat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/**
 * A path inside the data folder is a symbolic link. Following it would let whoever planted it make
 * Rounds read, overwrite or move a file anywhere the user can write, so Rounds refuses instead.
 */
export class SymbolicLinkRefusedError extends Error {
  override readonly name = 'SymbolicLinkRefusedError';

  constructor(
    readonly path: string,
    options?: ErrorOptions,
  ) {
    super(
      `Rounds will not use ${path}: it is a symbolic link, and Rounds only reads and writes files ` +
        'that are really inside its data folder. Replace the link with the folder or file itself, ' +
        'then start Rounds again.',
      options,
    );
  }
}

/** The folders from `folder` (excluded: the user may link the data folder itself) down to `path`. */
function foldersBetween(folder: string, path: string): string[] {
  const inside = relative(folder, path).split(sep).slice(0, -1);
  if (inside[0] === '..') throw new Error(`${path} is not inside ${folder}`);
  return inside.map((_, depth) => join(folder, ...inside.slice(0, depth + 1)));
}

function isSymbolicLink(stats: { isSymbolicLink(): boolean } | undefined): boolean {
  return stats?.isSymbolicLink() ?? false;
}

/** Rejects with {@link SymbolicLinkRefusedError} when a folder between `folder` and `path` is a link. */
export async function refuseLinkedFolders(folder: string, path: string): Promise<void> {
  for (const between of foldersBetween(folder, path)) {
    const stats = await lstat(between).catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    });
    if (isSymbolicLink(stats)) throw new SymbolicLinkRefusedError(between);
  }
}

/** Synchronous form of {@link refuseLinkedFolders}. */
export function refuseLinkedFoldersSync(folder: string, path: string): void {
  for (const between of foldersBetween(folder, path)) {
    if (isSymbolicLink(lstatSync(between, { throwIfNoEntry: false }))) {
      throw new SymbolicLinkRefusedError(between);
    }
  }
}
