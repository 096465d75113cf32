import { lstat, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fsyncDirectory } from './fsyncDirectory';

const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * A folder of files named by the SHA-256 of their bytes (`<hash><extension>`), as the stored
 * PDFs and images are: where a file of a hash is, whether it is there (a regular file, not a
 * link planted in its place), removing it durably, and sweeping away half-written copies a
 * process that died mid-write left behind. Writing is the owner's: each kind checks its bytes
 * its own way first.
 */
export class ContentAddressedFolder {
  constructor(
    readonly folder: string,
    private readonly options: {
      /** `.pdf`, `.img`: what follows the hash in a file's name. */
      extension: string;
      /** Names of half-written copies (see temporaryNameFor). */
      leftover: RegExp;
      /** The error for a hash that is not 64 lower-case hex digits; no path is built from it. */
      invalidHash: (hash: string) => Error;
    },
  ) {}

  /** The file of a hash; throws the owner's error for anything that is not a SHA-256 in hex. */
  pathOf(hash: string): string {
    if (typeof hash !== 'string' || !SHA256_HEX.test(hash)) {
      throw this.options.invalidHash(String(hash));
    }
    return join(this.folder, `${hash}${this.options.extension}`);
  }

  /** True when the file is stored (as a regular file, not a link planted in its place). */
  async has(hash: string): Promise<boolean> {
    const stats = await lstat(this.pathOf(hash)).catch(() => null);
    return stats?.isFile() ?? false;
  }

  /** Deletes the stored file; false when there was none. */
  async remove(hash: string): Promise<boolean> {
    const path = this.pathOf(hash);
    const stats = await lstat(path).catch(() => null);
    if (!stats) return false;
    await rm(path, { force: true });
    await fsyncDirectory(this.folder);
    return true;
  }

  /**
   * Deletes half-written copies. Call it when the library opens (with the data folder's lock
   * held), never while a file may be being stored.
   */
  async removeLeftovers(): Promise<number> {
    const names = await readdir(this.folder).catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    });
    const leftovers = names.filter((name) => this.options.leftover.test(name));
    await Promise.all(leftovers.map((name) => rm(join(this.folder, name), { force: true })));
    return leftovers.length;
  }
}
