import type { ImportedReference, ImportProblem } from './ImportedReference';
import { parseBibtex } from './parseBibtex';
import { parseRis } from './parseRis';

/**
 * Reads a reference manager's export: BibTeX or BibLaTeX (Zotero, Mendeley, JabRef, a hand-edited
 * .bib) and RIS (Zotero, Mendeley, EndNote, publishers' "download citation" links). Clinicians keep
 * their reading there as well as in feeds, and these two formats are what every manager exports.
 *
 * The format is recognised from the content, because files are often misnamed (an RIS export
 * saved as .txt); the extension only decides when the content could be either. Each entry is read
 * on its own, so one broken entry is reported by its key or number and the others still import.
 * A file that is empty, not a citation file, or larger than the limit is refused as a whole, with
 * a sentence saying which. Parsing is synchronous and CPU-bound: a caller reading a large file
 * while serving other calls should run it in a worker thread.
 */

/** Largest file read: a 10,000-reference library with abstracts is about 15 MB of BibTeX. */
export const MAX_CITATION_FILE_BYTES = 20 * 1024 * 1024;

export type CitationFormat = 'bibtex' | 'ris';

export interface ParseCitationFileOptions {
  /** The file's name, used to name it in messages and to break a tie between formats. */
  fileName?: string;
  /** Size limit in bytes (UTF-8). Default {@link MAX_CITATION_FILE_BYTES}. */
  maxBytes?: number;
}

export interface CitationFileParsed {
  ok: true;
  format: CitationFormat;
  /** In file order. */
  references: ImportedReference[];
  /** Entries that were not imported, in file order (within each kind). */
  problems: ImportProblem[];
}

export interface CitationFileRefused {
  ok: false;
  reason: 'empty' | 'not-a-citation-file' | 'too-large';
  /** A sentence for the user. */
  message: string;
}

export type CitationFileResult = CitationFileParsed | CitationFileRefused;

const BIBTEX_ENTRY = /^[ \t]*@[ \t]*[A-Za-z_][\w:+-]*[ \t]*[{(]/m;
const RIS_RECORD = /^TY {2}-/m;
const EXTENSION_FORMATS: Record<string, CitationFormat> = {
  bib: 'bibtex',
  bibtex: 'bibtex',
  biblatex: 'bibtex',
  ris: 'ris',
};
const FORMAT_NAMES: Record<CitationFormat, string> = { bibtex: 'BibTeX', ris: 'RIS' };
const MEGABYTE = 1024 * 1024;
const HOW_TO_EXPORT = 'Export your library from Zotero, Mendeley or EndNote';

export function parseCitationFile(
  text: string,
  options: ParseCitationFileOptions = {},
): CitationFileResult {
  const theFile = options.fileName ? `The file “${baseName(options.fileName)}”` : 'The file';
  const maxBytes = options.maxBytes ?? MAX_CITATION_FILE_BYTES;
  const bytes = utf8Length(text, maxBytes);
  if (bytes > maxBytes) {
    return refused(
      'too-large',
      `${theFile} is ${(bytes / MEGABYTE).toFixed(1)} MB; Rounds imports citation files of up to ${megabytes(maxBytes)}. Export a smaller part of your library.`,
    );
  }
  const content = text.replace(/^\uFEFF/, '');
  if (content.trim() === '') return refused('empty', `${theFile} is empty.`);
  if (content.includes('\u0000')) {
    return refused(
      'not-a-citation-file',
      `${theFile} is not a text file. ${HOW_TO_EXPORT} as BibTeX (.bib) or RIS (.ris).`,
    );
  }

  const format = formatOf(content, options.fileName);
  if (format === null) {
    return refused(
      'not-a-citation-file',
      `${theFile} is neither BibTeX (entries like “@article{key, …}”) nor RIS (records starting “TY  - JOUR”). ${HOW_TO_EXPORT} in one of these formats.`,
    );
  }
  const { references, problems } = format === 'bibtex' ? parseBibtex(content) : parseRis(content);
  if (references.length === 0 && problems.length === 0) {
    return refused('empty', `${theFile} is ${FORMAT_NAMES[format]} but holds no references.`);
  }
  return { ok: true, format, references, problems };
}

/**
 * The format the content is written in. When it has the marks of both (an RIS abstract quoting a
 * BibTeX entry), the extension decides, else whichever mark comes first.
 */
function formatOf(content: string, fileName: string | undefined): CitationFormat | null {
  const bibtexAt = content.search(BIBTEX_ENTRY);
  const risAt = content.search(RIS_RECORD);
  if (bibtexAt === -1 && risAt === -1) return null;
  if (bibtexAt === -1) return 'ris';
  if (risAt === -1) return 'bibtex';
  const extension = /\.([a-z]+)$/i.exec(fileName ?? '')?.[1]?.toLowerCase() ?? '';
  return EXTENSION_FORMATS[extension] ?? (risAt < bibtexAt ? 'ris' : 'bibtex');
}

/** The text's size in UTF-8 bytes, measured only when it could be over the limit. */
function utf8Length(text: string, limit: number): number {
  // A UTF-16 code unit is at most 3 bytes of UTF-8, and at least 1.
  if (text.length * 3 <= limit) return text.length;
  return Buffer.byteLength(text, 'utf8');
}

function megabytes(bytes: number): string {
  const value = bytes / MEGABYTE;
  return Number.isInteger(value) ? `${value} MB` : `${value.toFixed(1)} MB`;
}

function baseName(fileName: string): string {
  return fileName.split(/[\\/]/).pop() ?? fileName;
}

function refused(reason: CitationFileRefused['reason'], message: string): CitationFileRefused {
  return { ok: false, reason, message };
}
