import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import type { PdfOutlineEntry, PdfText } from '@shared/domain/pdf/PdfText';
import { NO_FOLLOW } from '../storage/ownerOnly';
import { createOwnerOnlyFolder } from '../storage/prepareLibraryFolders';
import { writeFileDurably } from '../storage/writeFileDurably';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/** The folder inside the library that holds the text read from each PDF. */
export const PDF_TEXT_FOLDER = 'pdf-text';

const SHA256_HEX = /^[0-9a-f]{64}$/;
const READ_WITHOUT_FOLLOWING = constants.O_RDONLY | NO_FOLLOW;
/** Inflated text read back at most: ten times what the extractor gives a very long PDF. */
const MAX_INFLATED_BYTES = 256 * 1024 * 1024;

/**
 * The text of each stored PDF, as `<libraryDir>/pdf-text/<sha256>.json.gz`: pages, title and
 * outline, read once by the extractor (seconds for a long PDF) and then kept, so the viewer's find
 * and the search index never read the PDF again. Text compresses about fourfold. Files are written
 * whole (temporary file, fsync, rename), readable by their owner only, and a link in their place is
 * never followed. A missing or damaged file reads as null: the text can always be read again from
 * the PDF.
 */
export class PdfTextFiles {
  private readonly folder: string;

  constructor(libraryDir: string) {
    this.folder = join(libraryDir, PDF_TEXT_FOLDER);
  }

  async write(hash: string, text: PdfText): Promise<void> {
    const path = this.pathOf(hash);
    await createOwnerOnlyFolder(this.folder);
    await writeFileDurably(path, await gzipAsync(JSON.stringify(text)));
  }

  async read(hash: string): Promise<PdfText | null> {
    const path = this.pathOf(hash);
    let compressed: Buffer;
    try {
      const handle = await open(path, READ_WITHOUT_FOLLOWING);
      try {
        compressed = await handle.readFile();
      } finally {
        await handle.close();
      }
    } catch {
      return null;
    }
    try {
      const inflated = await gunzipAsync(compressed, { maxOutputLength: MAX_INFLATED_BYTES });
      return pdfTextOf(JSON.parse(inflated.toString('utf8')));
    } catch {
      return null;
    }
  }

  /** The pages' text as one string for the search index (see SearchIndexFeeder's PdfTextSource). */
  async searchableTextOf(hash: string): Promise<string | null> {
    const text = await this.read(hash);
    return text === null ? null : [text.title ?? '', ...text.pages].join('\n');
  }

  private pathOf(hash: string): string {
    if (!SHA256_HEX.test(hash)) throw new TypeError('Not the SHA-256 hash of a stored PDF.');
    return join(this.folder, `${hash}.json.gz`);
  }
}

/** The stored value when it has the shape of a PdfText, else null (treated as missing). */
function pdfTextOf(value: unknown): PdfText | null {
  if (typeof value !== 'object' || value === null) return null;
  const { pageCount, title, pages, outline } = value as Record<string, unknown>;
  if (!Number.isInteger(pageCount) || !Array.isArray(pages) || !Array.isArray(outline)) return null;
  if (!pages.every((page) => typeof page === 'string')) return null;
  if (title !== null && typeof title !== 'string') return null;
  const entries = outline.filter(
    (entry): entry is PdfOutlineEntry =>
      typeof entry === 'object' &&
      entry !== null &&
      typeof (entry as PdfOutlineEntry).title === 'string' &&
      Number.isInteger((entry as PdfOutlineEntry).page) &&
      Number.isInteger((entry as PdfOutlineEntry).depth),
  );
  return { pageCount: pageCount as number, title, pages: pages as string[], outline: entries };
}
