import { z } from 'zod';
import type { PdfText } from '../domain/pdf/PdfText';
import { event, method, service } from './define';

/** Largest citation file imported: a 10,000-reference library with abstracts is about 15 MB. */
export const MAX_CITATION_FILE_BYTES = 20 * 1024 * 1024;

/**
 * Largest `importCitations` request. JSON escaping adds a backslash to every quote, backslash and
 * line break of the file (BibTeX is full of the last two), so a file at the limit needs room for a
 * quarter more; a file whose escaping adds more than that is refused by the transport.
 */
export const MAX_CITATION_REQUEST_BYTES = Math.ceil(MAX_CITATION_FILE_BYTES * 1.25) + 64 * 1024;

/** Largest PDF added: far beyond a paper with its supplement. */
export const MAX_PDF_BYTES = 50 * 1024 * 1024;

/** Characters of base64 a PDF at the limit takes (4 for every 3 bytes, padded). */
export const MAX_PDF_BASE64_LENGTH = Math.ceil(MAX_PDF_BYTES / 3) * 4;

/** Largest `addPdf` request: the base64 text (which JSON never escapes) and the file name. */
export const MAX_PDF_REQUEST_BYTES = MAX_PDF_BASE64_LENGTH + 64 * 1024;

/** Which reference manager format a citation file was written in. */
export type CitationFileFormat = 'bibtex' | 'ris';

/** An entry of a citation file that was not imported, and why. */
export interface CitationImportProblem {
  /** The entry as the user can find it in the file: its key, "entry 3", "record 3", "line 12". */
  entry: string;
  message: string;
}

/** What importing a citation file did. */
export interface CitationImportSummary {
  format: CitationFileFormat;
  /** Papers now in "My papers" that were not there before. */
  added: number;
  /** References already in "My papers" (the same file imported again, or a paper added before). */
  alreadyThere: number;
  /** Entries that could not be read; every other entry was imported. */
  problems: CitationImportProblem[];
}

/** A paper added by its DOI. */
export interface DoiAdded {
  itemId: string;
  /**
   * `found`: Crossref answered and the paper is stored with its details. `pending`: Crossref
   * could not be reached, so the paper is stored with its DOI as a placeholder title and its
   * details are filled in when Rounds is next online.
   */
  lookup: 'found' | 'pending';
  /** The paper was already in "My papers"; nothing new was stored. */
  alreadyThere: boolean;
}

/** A PDF as attached to a paper. */
export interface AttachedPdf {
  /** SHA-256 of the file: how `pdfBytes` and the viewer name it. */
  hash: string;
  fileName: string;
  pageCount: number;
}

/** What adding a PDF did. */
export interface PdfAdded {
  /** The paper the PDF belongs to now. */
  itemId: string;
  /** The paper's title as stored. */
  title: string;
  pdf: AttachedPdf;
  /** `created`: a new paper; `attached`: a paper with the PDF's DOI that was already there. */
  paper: 'created' | 'attached';
  /** The same file was already stored; it is kept once. */
  alreadyStored: boolean;
}

/** A paper's PDF and its text, for the viewer's find and highlights. */
export interface PaperPdfText {
  /** The copy of the paper the PDF is attached to (may be another feed's copy of the same paper). */
  itemId: string;
  pdf: AttachedPdf;
  text: PdfText;
}

/** What one pass over the DOIs waiting for Crossref came to. */
export interface PendingLookupsSettled {
  /** Papers whose details were filled in. */
  filled: { itemId: string; title: string }[];
  /** DOIs Crossref does not know: each reported once, with a sentence for the user. */
  notFound: { itemId: string; doi: string; message: string }[];
  /** DOIs still waiting (Crossref could not be reached). */
  stillPending: number;
}

const fileName = z.string().trim().min(1).max(1000);
const itemId = z.string().min(1).max(200);

/**
 * The `papers` service: papers brought in from elsewhere, kept in the local source "My papers"
 * (never fetched): a reference manager's export, a DOI, a PDF.
 */
export const papersContract = service('papers', {
  /**
   * Imports a BibTeX or RIS file. Entries that cannot be read are reported and the rest imported;
   * importing the same file again adds nothing.
   */
  importCitations: method<CitationImportSummary>()({
    args: z.tuple([
      z.object({
        fileName,
        text: z.string().max(MAX_CITATION_FILE_BYTES, 'That citation file is too large'),
      }),
    ]),
    errors: ['empty', 'not-a-citation-file', 'too-large'],
    maxRequestBytes: MAX_CITATION_REQUEST_BYTES,
  }),
  /**
   * Adds a paper by its DOI, looked up at Crossref; offline, it is stored at once as pending and
   * filled in later. `not-found` stores nothing.
   */
  addByDoi: method<DoiAdded>()({
    args: z.tuple([z.object({ doi: z.string().trim().min(1).max(500) })]),
    errors: ['not-a-doi', 'not-found', 'lookup-failed'],
  }),
  /** Asks Crossref again about every DOI still pending (the app also does after each refresh). */
  lookUpPending: method<PendingLookupsSettled>()({ args: z.tuple([]) }),
  /**
   * Adds a PDF (sent as base64): stored once by content hash, its text read for search, and
   * attached to the paper with its DOI or to a new paper.
   */
  addPdf: method<PdfAdded>()({
    args: z.tuple([
      z.object({
        fileName,
        base64: z.string().max(MAX_PDF_BASE64_LENGTH, 'That PDF is larger than 50 MB'),
      }),
    ]),
    errors: ['not-a-pdf', 'too-large', 'damaged', 'password-protected', 'timeout'],
    maxRequestBytes: MAX_PDF_REQUEST_BYTES,
  }),
  /** The text and outline of the PDF attached to a paper (or to another copy of it). */
  pdfText: method<PaperPdfText>()({
    args: z.tuple([z.object({ itemId })]),
    errors: ['not-found', 'no-pdf'],
  }),
  /** Fires when pending DOIs were filled in or turned out not to exist. */
  onPendingLookupsSettled: event<PendingLookupsSettled>(
    z.object({
      filled: z.array(z.object({ itemId: z.string(), title: z.string() })),
      notFound: z.array(z.object({ itemId: z.string(), doi: z.string(), message: z.string() })),
      stillPending: z.number(),
    }),
  ),
});
