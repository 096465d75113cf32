import { createHash, type Hash } from 'node:crypto';
import { constants } from 'node:fs';
import { type FileHandle, open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ContentAddressedFolder } from '../storage/ContentAddressedFolder';
import { fsyncDirectory } from '../storage/fsyncDirectory';
import { NO_FOLLOW, OWNER_ONLY_FILE_MODE } from '../storage/ownerOnly';
import { createOwnerOnlyFolder } from '../storage/prepareLibraryFolders';
import { temporaryNameFor } from '../storage/temporaryFileName';
import { hasPdfHeader, PDF_HEADER_WINDOW } from './pdfHeader';

/** Default {@link PdfFileStoreOptions.maxBytes}: larger than any paper, smaller than a scanned book. */
export const DEFAULT_MAX_PDF_BYTES = 200 * 1024 * 1024;
/** The folder inside the library that holds the PDFs. */
export const PDF_FOLDER = 'pdfs';

const CREATE_EXCLUSIVELY = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | NO_FOLLOW;
const READ_WITHOUT_FOLLOWING = constants.O_RDONLY | NO_FOLLOW;
const COPY_CHUNK_BYTES = 1024 * 1024;
const INCOMING_NAME = 'incoming.pdf';
/** A copy that a process which died mid-write left behind (see temporaryNameFor). */
const LEFTOVER_INCOMING =
  /^incoming\.pdf\.[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}\.tmp$/;

export interface PdfFileStoreOptions {
  /** Largest PDF accepted, in bytes. Default {@link DEFAULT_MAX_PDF_BYTES}. */
  maxBytes?: number;
}

/** A PDF now in the store. */
export interface StoredPdf {
  /** SHA-256 of the file, lower-case hex: the PDF's identity. */
  hash: string;
  size: number;
  /** The same file was already stored (attached before); nothing was written. */
  alreadyStored: boolean;
}

export type PdfRefusalCode = 'not-a-pdf' | 'too-large';

/** A file the store will not keep; the message says why, for the user. */
export class PdfRefusedError extends Error {
  override readonly name = 'PdfRefusedError';

  constructor(
    readonly code: PdfRefusalCode,
    message: string,
  ) {
    super(message);
  }
}

/** A hash that is not 64 lower-case hex digits; no path is built from it. */
export class InvalidPdfHashError extends Error {
  override readonly name = 'InvalidPdfHashError';

  constructor(hash: string) {
    super(`${JSON.stringify(hash.slice(0, 80))} is not the SHA-256 hash of a stored PDF.`);
  }
}

export class PdfNotFoundError extends Error {
  override readonly name = 'PdfNotFoundError';

  constructor(readonly hash: string) {
    super(`No PDF with hash ${hash} is stored; it may have been removed.`);
  }
}

/**
 * The PDFs a user attached, as `<libraryDir>/pdfs/<sha256>.pdf`. A PDF's identity is its content
 * hash, so a file attached twice (or to two papers) is stored once, and a stored file is never
 * rewritten: a new version of a paper is another file. Files arrive whole or not at all (a new,
 * exclusively created temporary file, fsynced, renamed, folder fsynced), readable by their owner
 * only, and links in the folder are never followed. What is removed is the caller's to decide
 * (a PDF still attached to another paper must be kept).
 */
export class PdfFileStore {
  readonly maxBytes: number;
  private readonly folder: string;
  private readonly files: ContentAddressedFolder;

  constructor(libraryDir: string, options: PdfFileStoreOptions = {}) {
    this.folder = join(libraryDir, PDF_FOLDER);
    this.files = new ContentAddressedFolder(this.folder, {
      extension: '.pdf',
      leftover: LEFTOVER_INCOMING,
      invalidHash: (hash) => new InvalidPdfHashError(hash),
    });
    this.maxBytes = options.maxBytes ?? DEFAULT_MAX_PDF_BYTES;
  }

  /** Stores `bytes`. Rejects with {@link PdfRefusedError} for a non-PDF or an oversized file. */
  async add(bytes: Uint8Array): Promise<StoredPdf> {
    this.refuseOversized(bytes.byteLength);
    refuseNonPdf(bytes);
    return this.storeVia(async (handle, hash) => {
      hash.update(bytes);
      await handle.writeFile(bytes);
      return bytes.byteLength;
    });
  }

  /**
   * Stores a copy of the file at `sourcePath` (one the user dropped or chose), read in chunks
   * and hashed on the way so a large PDF is never held in memory whole.
   */
  async addFile(sourcePath: string): Promise<StoredPdf> {
    const source = await open(sourcePath, 'r');
    try {
      const stats = await source.stat();
      if (!stats.isFile()) throw new PdfRefusedError('not-a-pdf', `${sourcePath} is not a file.`);
      this.refuseOversized(stats.size);
      const start = new Uint8Array(Math.min(stats.size, PDF_HEADER_WINDOW));
      await source.read(start, 0, start.length, 0);
      refuseNonPdf(start);
      return await this.storeVia(async (handle, hash) => {
        const chunk = new Uint8Array(COPY_CHUNK_BYTES);
        let copied = 0;
        for (;;) {
          const { bytesRead } = await source.read(chunk, 0, chunk.length, copied);
          if (bytesRead === 0) return copied;
          copied += bytesRead;
          // The file may be growing while it is copied; the limit holds for what is read.
          this.refuseOversized(copied);
          hash.update(chunk.subarray(0, bytesRead));
          await handle.write(chunk, 0, bytesRead);
        }
      });
    } finally {
      await source.close();
    }
  }

  /** The stored PDF's bytes. Rejects with {@link PdfNotFoundError} when it is not stored. */
  async read(hash: string): Promise<Uint8Array> {
    const path = this.pathOf(hash);
    const handle = await open(path, READ_WITHOUT_FOLLOWING).catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new PdfNotFoundError(hash);
      throw error;
    });
    try {
      return new Uint8Array(await handle.readFile());
    } finally {
      await handle.close();
    }
  }

  /** True when the PDF is stored (as a regular file, not a link planted in its place). */
  has(hash: string): Promise<boolean> {
    return this.files.has(hash);
  }

  /** Deletes the stored PDF; false when there was none. */
  remove(hash: string): Promise<boolean> {
    return this.files.remove(hash);
  }

  /**
   * Deletes half-written copies left by a process that died while adding a PDF. Call it when the
   * library opens (with the data folder's lock held), never while an add may be running.
   */
  removeLeftovers(): Promise<number> {
    return this.files.removeLeftovers();
  }

  private pathOf(hash: string): string {
    return this.files.pathOf(hash);
  }

  private refuseOversized(size: number): void {
    if (size <= this.maxBytes) return;
    throw new PdfRefusedError(
      'too-large',
      `This PDF is larger than ${describeSize(this.maxBytes)}, the most Rounds keeps for one file.`,
    );
  }

  /**
   * Writes a new temporary file through `write` (which feeds the hash and returns the size), then
   * moves it to its hash's name, unless that file is already there.
   */
  private async storeVia(
    write: (handle: FileHandle, hash: Hash) => Promise<number>,
  ): Promise<StoredPdf> {
    await createOwnerOnlyFolder(this.folder);
    const temporary = temporaryNameFor(join(this.folder, INCOMING_NAME));
    const hash = createHash('sha256');
    try {
      const handle = await open(temporary, CREATE_EXCLUSIVELY, OWNER_ONLY_FILE_MODE);
      let size: number;
      try {
        size = await write(handle, hash);
        await handle.sync();
      } finally {
        await handle.close();
      }
      const stored = { hash: hash.digest('hex'), size };
      const path = this.pathOf(stored.hash);
      if (await this.has(stored.hash)) {
        await rm(temporary, { force: true });
        return { ...stored, alreadyStored: true };
      }
      // A link planted at this name is replaced by the rename, never written through.
      await rename(temporary, path);
      await fsyncDirectory(this.folder);
      return { ...stored, alreadyStored: false };
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }
}

function refuseNonPdf(start: Uint8Array): void {
  if (start.byteLength === 0) throw new PdfRefusedError('not-a-pdf', 'This file is empty.');
  if (!hasPdfHeader(start)) {
    throw new PdfRefusedError(
      'not-a-pdf',
      'This file is not a PDF: it does not start with the PDF header. If it came from a ' +
        'journal’s website, the download may have been a sign-in or error page.',
    );
  }
}

function describeSize(bytes: number): string {
  const megabytes = bytes / (1024 * 1024);
  if (megabytes >= 1) return `${Number(megabytes.toFixed(1))} MB`;
  return `${Number((bytes / 1024).toFixed(1))} KB`;
}
