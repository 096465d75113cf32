// The server's copy of each session document: one file per document name in <data dir>/documents,
// holding the document's whole state as one Yjs update, replaced atomically and durably.
import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { OWNER_ONLY_FOLDER_MODE } from '../adapters/storage/ownerOnly';
import { writeFileDurably } from '../adapters/storage/writeFileDurably';
import { documentFileName, documentNameOfFile } from './documentName';

export class ClubDocumentFiles {
  readonly folder: string;

  constructor(dataDir: string) {
    this.folder = path.join(dataDir, 'documents');
  }

  /** Creates the folder (owner only) and lists the names of the documents already stored. */
  async open(): Promise<string[]> {
    await mkdir(this.folder, { recursive: true, mode: OWNER_ONLY_FOLDER_MODE });
    const files = await readdir(this.folder);
    return files.flatMap((file) => documentNameOfFile(file) ?? []);
  }

  /** The stored state of `name`, or null when the server has never stored it. */
  async read(name: string): Promise<Uint8Array | null> {
    try {
      return new Uint8Array(await readFile(this.pathOf(name)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  /** Replaces the stored state of `name`. */
  write(name: string, state: Uint8Array): Promise<void> {
    return writeFileDurably(this.pathOf(name), state);
  }

  pathOf(name: string): string {
    return path.join(this.folder, documentFileName(name));
  }
}
