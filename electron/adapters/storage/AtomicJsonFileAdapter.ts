import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Adapter } from 'lowdb';
import writeFileAtomic from 'write-file-atomic';
import type { Repaired } from '@shared/domain/library/libraryDocuments';
import { fsyncDirectory } from './fsyncDirectory';

/** Why a file's bytes could not be turned into a document. */
export type UnreadableReason = 'empty' | 'invalid-json' | 'not-a-document';

/** A file exists but holds no usable document: it must be set aside, not overwritten. */
export class UnreadableJsonFileError extends Error {
  override readonly name = 'UnreadableJsonFileError';

  constructor(
    readonly path: string,
    readonly reason: UnreadableReason,
    options?: ErrorOptions,
  ) {
    super(`The file ${path} could not be read (${reason}).`, options);
  }
}

/**
 * Editors on Windows like to save JSON with a byte-order mark, which JSON.parse rejects; honour
 * the mark (UTF-8 or UTF-16) so a hand-edited file loses nothing.
 */
function textOf(bytes: Buffer): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.toString('utf8', 3);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.toString('utf16le', 2);
  if (bytes[0] === 0xfe && bytes[1] === 0xff && bytes.length % 2 === 0) {
    return Buffer.from(bytes.subarray(2)).swap16().toString('utf16le');
  }
  return bytes.toString('utf8');
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === 'ENOENT';
}

/**
 * lowdb adapter for one JSON document. Reading repairs what it parses and refuses (with
 * {@link UnreadableJsonFileError}) what it cannot parse; writing is atomic and durable: a
 * uniquely named temporary file is written and fsynced, renamed over the document, and the
 * directory is fsynced so the rename itself survives a power cut.
 */
export class AtomicJsonFileAdapter<T> implements Adapter<T> {
  /** Records the last read left out as unusable; a file that needed dropping is not backed up. */
  droppedOnLastRead = 0;

  constructor(
    readonly path: string,
    private readonly options: {
      repair: (raw: unknown) => Repaired<T>;
      /** Indentation for small documents people may open; large shards are written compact. */
      indent?: number;
    },
  ) {}

  /** The repaired document, or null when the file does not exist. */
  async read(): Promise<T | null> {
    let bytes: Buffer;
    try {
      bytes = await readFile(this.path);
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
    return this.decode(bytes);
  }

  /** Synchronous form of {@link read}, for content loaded on demand by a synchronous getter. */
  readSync(): T | null {
    let bytes: Buffer;
    try {
      bytes = readFileSync(this.path);
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
    return this.decode(bytes);
  }

  async write(data: T): Promise<void> {
    const text = JSON.stringify(data, null, this.options.indent);
    await writeFileAtomic(this.path, text, { fsync: true });
    await fsyncDirectory(dirname(this.path));
  }

  private decode(bytes: Buffer): T {
    const text = textOf(bytes);
    if (text.trim().length === 0) throw new UnreadableJsonFileError(this.path, 'empty');
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (cause) {
      throw new UnreadableJsonFileError(this.path, 'invalid-json', { cause });
    }
    const repaired = this.options.repair(raw);
    if (!repaired.recognized) throw new UnreadableJsonFileError(this.path, 'not-a-document');
    this.droppedOnLastRead = repaired.dropped;
    return repaired.document;
  }
}
