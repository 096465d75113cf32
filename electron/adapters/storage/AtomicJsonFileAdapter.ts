import { closeSync, constants, lstatSync, openSync, readFileSync } from 'node:fs';
import { lstat, open } from 'node:fs/promises';
import { promisify } from 'node:util';
import { gunzipSync, gzip } from 'node:zlib';
import type { Adapter } from 'lowdb';
import type { Repaired } from '@shared/domain/library/libraryDocuments';
import { NO_FOLLOW } from './ownerOnly';
import {
  refuseLinkedFolders,
  refuseLinkedFoldersSync,
  SymbolicLinkRefusedError,
} from './refuseSymbolicLinks';
import { writeFileDurably } from './writeFileDurably';

/** Why a file's bytes could not be turned into a document. */
export type UnreadableReason = 'empty' | 'invalid-json' | 'not-a-document' | 'symbolic-link';

/** A file exists but holds no usable document: it must be set aside, not overwritten. */
export class UnreadableJsonFileError extends Error {
  override readonly name = 'UnreadableJsonFileError';

  constructor(
    readonly path: string,
    readonly reason: UnreadableReason,
    options?: ErrorOptions,
  ) {
    super(
      reason === 'symbolic-link'
        ? `The file ${path} is a symbolic link; Rounds does not follow links inside its data folder.`
        : `The file ${path} could not be read (${reason}).`,
      options,
    );
  }
}

const gzipped = promisify(gzip);
/** Gzip's first two bytes; JSON text never starts with them. */
const GZIP_MAGIC = [0x1f, 0x8b] as const;
/**
 * The most a compressed document may expand to: far above any piece Rounds writes (tens of KB),
 * low enough that a planted "zip bomb" is refused instead of filling memory.
 */
const MOST_EXPANDED_BYTES = 64 * 2 ** 20;

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

// Opening a link with O_NOFOLLOW fails with ELOOP (EMLINK on FreeBSD).
function isLink(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'ELOOP' || code === 'EMLINK';
}

const READ_WITHOUT_FOLLOWING = constants.O_RDONLY | NO_FOLLOW;

/**
 * lowdb adapter for one JSON document. Reading repairs what it parses and refuses (with
 * {@link UnreadableJsonFileError}) what it cannot parse; writing is atomic and durable (see
 * {@link writeFileDurably}). Links are never followed: a document that is a link is unreadable
 * (reason `symbolic-link`) and is not written, and a folder between `withinFolder` and the document
 * that is a link fails both with {@link SymbolicLinkRefusedError}.
 */
export class AtomicJsonFileAdapter<T> implements Adapter<T> {
  /** Records the last read left out as unusable; a file that needed dropping is not backed up. */
  droppedOnLastRead = 0;

  constructor(
    readonly path: string,
    private readonly options: {
      repair: (raw: unknown) => Repaired<T>;
      /** The folder Rounds owns (the library): no folder below it on the way to `path` may be a link. */
      withinFolder: string;
      /** Indentation for small documents people may open; large shards are written compact. */
      indent?: number;
      /**
       * Written gzip-compressed (for fetched HTML, which shrinks about sixfold). Reading accepts
       * either form whatever this says, so a document written plain still reads.
       */
      compressed?: boolean;
    },
  ) {}

  /** The repaired document, or null when the file does not exist. */
  async read(): Promise<T | null> {
    await refuseLinkedFolders(this.options.withinFolder, this.path);
    // Windows has no O_NOFOLLOW: look first.
    if (NO_FOLLOW === 0 && (await lstat(this.path).catch(() => null))?.isSymbolicLink()) {
      throw new UnreadableJsonFileError(this.path, 'symbolic-link');
    }
    let handle;
    try {
      handle = await open(this.path, READ_WITHOUT_FOLLOWING);
    } catch (error) {
      if (isMissing(error)) return null;
      if (isLink(error)) throw new UnreadableJsonFileError(this.path, 'symbolic-link');
      throw error;
    }
    try {
      return this.decode(await handle.readFile());
    } finally {
      await handle.close();
    }
  }

  /** Synchronous form of {@link read}, for content loaded on demand by a synchronous getter. */
  readSync(): T | null {
    refuseLinkedFoldersSync(this.options.withinFolder, this.path);
    if (NO_FOLLOW === 0 && lstatSync(this.path, { throwIfNoEntry: false })?.isSymbolicLink()) {
      throw new UnreadableJsonFileError(this.path, 'symbolic-link');
    }
    let fd: number;
    try {
      fd = openSync(this.path, READ_WITHOUT_FOLLOWING);
    } catch (error) {
      if (isMissing(error)) return null;
      if (isLink(error)) throw new UnreadableJsonFileError(this.path, 'symbolic-link');
      throw error;
    }
    try {
      return this.decode(readFileSync(fd));
    } finally {
      closeSync(fd);
    }
  }

  async write(data: T): Promise<void> {
    await refuseLinkedFolders(this.options.withinFolder, this.path);
    // The rename would replace a link rather than follow it, but a link here was planted by
    // someone: say so instead of quietly writing past it.
    if ((await lstat(this.path).catch(() => null))?.isSymbolicLink()) {
      throw new SymbolicLinkRefusedError(this.path);
    }
    const json = JSON.stringify(data, null, this.options.indent);
    await writeFileDurably(this.path, this.options.compressed ? await gzipped(json) : json);
  }

  private decode(stored: Buffer): T {
    let bytes = stored;
    if (stored[0] === GZIP_MAGIC[0] && stored[1] === GZIP_MAGIC[1]) {
      try {
        bytes = gunzipSync(stored, { maxOutputLength: MOST_EXPANDED_BYTES });
      } catch (cause) {
        throw new UnreadableJsonFileError(this.path, 'invalid-json', { cause });
      }
    }
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
