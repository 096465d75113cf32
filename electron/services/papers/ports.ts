import type { PaperIds } from '@shared/domain/feeds/paperIdentity';
import type { PdfText } from '@shared/domain/pdf/PdfText';

// The ports of PapersMainService. Their shapes are the adapters' own (electron/adapters/citations,
// electron/adapters/pdf, electron/adapters/papers), restated here because services never import
// adapters: the adapters fit them structurally.

/** A paper read from a citation file or from Crossref, already in the form an item keeps. */
export interface ImportedPaper {
  /** The BibTeX key or RIS ID; null if none. */
  sourceKey: string | null;
  title: string;
  authors: string[];
  journal: string | null;
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; null when unknown. */
  publishedAt: string | null;
  paperIds: PaperIds;
  /** Plain text, paragraphs on separate lines; null when there is none. */
  abstract: string | null;
  /** An http(s) address, or null. */
  url: string | null;
  keywords: string[];
}

/** What a citation file held, or why it was refused as a whole. */
export type CitationFileRead =
  | {
      ok: true;
      format: 'bibtex' | 'ris';
      references: ImportedPaper[];
      problems: { entry: string; message: string }[];
    }
  | { ok: false; reason: 'empty' | 'not-a-citation-file' | 'too-large'; message: string };

/** Reads BibTeX and RIS files (large ones off the calling thread). */
export interface CitationFileReader {
  read(file: { fileName: string; text: string }): Promise<CitationFileRead>;
}

/** Looks a DOI up (Crossref); `offline` means "try again later". Never rejects. */
export interface DoiLookUp {
  lookUpDoi(
    doi: string,
  ): Promise<
    | { ok: true; reference: ImportedPaper }
    | { ok: false; reason: 'not-found' | 'offline' | 'bad-answer' | 'refused'; message: string }
  >;
}

/**
 * The PDF files, kept once by SHA-256. `add` rejects with an error named `PdfRefusedError`
 * whose `code` is `not-a-pdf` or `too-large` (and a message for the user) for a file it will not
 * keep; `read` rejects with one named `PdfNotFoundError` when the file is not stored.
 */
export interface PdfFiles {
  add(bytes: Uint8Array): Promise<{ hash: string; size: number; alreadyStored: boolean }>;
  read(hash: string): Promise<Uint8Array>;
}

/** Reads a PDF's text, title and outline, with limits on time and memory. */
export interface PdfTextReader {
  extract(bytes: Uint8Array): Promise<
    | { ok: true; text: PdfText }
    | {
        ok: false;
        code: 'not-a-pdf' | 'damaged' | 'password-protected' | 'timeout' | 'too-large';
        message: string;
      }
  >;
}

/** The extracted text of stored PDFs, by the PDF's hash. */
export interface PdfTextArchive {
  /** Stores the text; resolves once it is on disk. */
  write(hash: string, text: PdfText): Promise<void>;
  /** The stored text, or null when there is none (or it cannot be read). */
  read(hash: string): Promise<PdfText | null>;
}

/** A DOI stored while offline, waiting for Crossref. */
export interface PendingDoiLookup {
  itemId: string;
  doi: string;
  /** ISO 8601 UTC. */
  since: string;
}

/** The DOIs waiting for Crossref, kept on disk so a restart does not forget them. */
export interface PendingDoiLookups {
  list(): Promise<PendingDoiLookup[]>;
  /** Adds (or replaces, by item id) these entries; resolves once on disk. */
  add(entries: readonly PendingDoiLookup[]): Promise<void>;
  /** Forgets these items' entries; resolves once on disk. */
  remove(itemIds: readonly string[]): Promise<void>;
}

export interface Clock {
  now(): Date;
}
