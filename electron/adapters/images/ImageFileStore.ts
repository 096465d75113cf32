import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { ContentAddressedFolder } from '../storage/ContentAddressedFolder';
import { NO_FOLLOW } from '../storage/ownerOnly';
import { createOwnerOnlyFolder } from '../storage/prepareLibraryFolders';
import { writeFileDurably } from '../storage/writeFileDurably';
import type { ImageFiles, ImageKept } from '../../services/images/ports';
import { imageTypeOf, type KeptImageType } from './imageTypeOf';

/** Default {@link ImageFileStoreOptions.maxBytes}: a journal's figure, not a poster. */
export const DEFAULT_MAX_IMAGE_BYTES = 5 * 1024 * 1024;
/** The folder inside the library that holds the images. */
export const IMAGE_FILES_FOLDER = join('images', 'files');

const READ_WITHOUT_FOLLOWING = constants.O_RDONLY | NO_FOLLOW;
/** A copy that a process which died mid-write left behind (see temporaryNameFor). */
const LEFTOVER_WRITE =
  /^[0-9a-f]{64}\.img\.[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}\.tmp$/;

export interface ImageFileStoreOptions {
  /** Largest image accepted, in bytes. Default {@link DEFAULT_MAX_IMAGE_BYTES}. */
  maxBytes?: number;
}

/** An image now in the store. */
export interface StoredImage {
  /** SHA-256 of the bytes, lower-case hex: the image's identity and its address. */
  hash: string;
  contentType: KeptImageType;
  /** The same bytes were already stored (another paper's image); nothing was written. */
  alreadyStored: boolean;
}

/** Why the store will not keep some bytes. */
export type ImageRefusalCode = 'not-an-image' | 'unsafe-image' | 'too-large';

/** Bytes the store will not keep; the message says why, for the user. */
export class ImageRefusedError extends Error {
  override readonly name = 'ImageRefusedError';

  constructor(
    readonly code: ImageRefusalCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The images of papers kept for offline reading, as `<libraryDir>/images/files/<sha256>.img`.
 * An image's identity is its content hash, so the same figure in two papers (or two feeds) is
 * stored once. Only PNG, JPEG, GIF and WebP are kept, judged by their bytes; SVG is refused,
 * since it is a document that can carry script. Files are written whole or not at all
 * (writeFileDurably: exclusive temporary file, fsync, rename, folder fsync), owner-only, and
 * links in the folder are never followed. A file whose bytes no longer match its name is
 * removed when read, so the image is fetched again rather than shown damaged.
 */
export class ImageFileStore implements ImageFiles {
  readonly maxBytes: number;
  private readonly folder: string;
  private readonly files: ContentAddressedFolder;

  constructor(libraryDir: string, options: ImageFileStoreOptions = {}) {
    this.folder = join(libraryDir, IMAGE_FILES_FOLDER);
    this.files = new ContentAddressedFolder(this.folder, {
      extension: '.img',
      leftover: LEFTOVER_WRITE,
      invalidHash: (hash) =>
        new TypeError(
          `${JSON.stringify(hash.slice(0, 80))} is not the SHA-256 hash of a stored image.`,
        ),
    });
    this.maxBytes = options.maxBytes ?? DEFAULT_MAX_IMAGE_BYTES;
  }

  /** Stores `bytes`; rejects with {@link ImageRefusedError} when they are not a kept image. */
  async add(bytes: Uint8Array): Promise<StoredImage> {
    if (bytes.byteLength > this.maxBytes) {
      throw new ImageRefusedError(
        'too-large',
        `This image is larger than ${describeSize(this.maxBytes)}, the most Rounds keeps for one image.`,
      );
    }
    const type = imageTypeOf(bytes);
    if (type === null) {
      throw new ImageRefusedError(
        'not-an-image',
        'The server sent something that is not a PNG, JPEG, GIF or WebP image (often a sign-in or error page).',
      );
    }
    if (type.kind === 'svg') {
      throw new ImageRefusedError(
        'unsafe-image',
        'This image is an SVG drawing, which can carry script; Rounds does not keep SVG images.',
      );
    }
    const hash = sha256(bytes);
    if (await this.has(hash)) return { hash, contentType: type.contentType, alreadyStored: true };
    await createOwnerOnlyFolder(join(this.folder, '..'));
    await createOwnerOnlyFolder(this.folder);
    // A link planted at this name is replaced by the rename, never written through.
    await writeFileDurably(this.pathOf(hash), bytes);
    return { hash, contentType: type.contentType, alreadyStored: false };
  }

  /** {@link add} as the images service's port has it: a refusal is a value, not an error. */
  async keep(bytes: Uint8Array): Promise<ImageKept> {
    try {
      return { ok: true, hash: (await this.add(bytes)).hash };
    } catch (error) {
      if (error instanceof ImageRefusedError) {
        return { ok: false, code: error.code, message: error.message };
      }
      throw error;
    }
  }

  /**
   * The stored image and its type, or null when it is not stored. A file that is not what its
   * name says (damaged on disk, replaced) is removed and answered as missing.
   */
  async read(hash: string): Promise<{ bytes: Uint8Array; contentType: KeptImageType } | null> {
    const path = this.pathOf(hash);
    let bytes: Uint8Array;
    try {
      const handle = await open(path, READ_WITHOUT_FOLLOWING);
      try {
        const stats = await handle.stat();
        if (!stats.isFile()) return null;
        bytes = new Uint8Array(await handle.readFile());
      } finally {
        await handle.close();
      }
    } catch (error) {
      // ENOENT: not stored; ELOOP: a link planted in its place, which is never followed.
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ELOOP') return null;
      throw error;
    }
    const type = imageTypeOf(bytes);
    if (sha256(bytes) !== hash || type?.kind !== 'image') {
      console.error(`[rounds] stored image ${hash} is damaged; it is removed to be fetched again`);
      await this.remove(hash);
      return null;
    }
    return { bytes, contentType: type.contentType };
  }

  /** True when the image is stored (as a regular file, not a link planted in its place). */
  has(hash: string): Promise<boolean> {
    return this.files.has(hash);
  }

  /** Deletes the stored image; false when there was none. */
  remove(hash: string): Promise<boolean> {
    return this.files.remove(hash);
  }

  /**
   * Deletes half-written copies left by a process that died while storing an image. Call it
   * when the library opens (with the data folder's lock held), never while an add may be running.
   */
  removeLeftovers(): Promise<number> {
    return this.files.removeLeftovers();
  }

  private pathOf(hash: string): string {
    return this.files.pathOf(hash);
  }
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function describeSize(bytes: number): string {
  const megabytes = bytes / (1024 * 1024);
  if (megabytes >= 1) return `${Number(megabytes.toFixed(1))} MB`;
  return `${Number((bytes / 1024).toFixed(1))} KB`;
}
