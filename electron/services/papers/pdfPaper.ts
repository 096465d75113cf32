import { normalizeDoi } from '@shared/domain/feeds/paperIdentity';
import type { PdfText } from '@shared/domain/pdf/PdfText';

// What a PDF says about the paper it is, read from its own text: the DOI printed on its first
// page and a title. Journals print the DOI in the header or footer of page 1, so a DOI further
// in (the references) is another paper's and is not taken.

const DOI_ON_PAGE = /\b(?:doi\s*:?\s*|https?:\/\/(?:dx\.)?doi\.org\/)?(10\.\d{4,9}\/[^\s"'<>]+)/i;
const MAX_TITLE_LENGTH = 300;
// Titles that PDF writers fill in by themselves, which name a file or nothing, not a paper.
const PLACEHOLDER_TITLE =
  /^(?:untitled|microsoft (?:word|powerpoint) - .*|.*\.(?:docx?|pdf|tex|rtf|indd))$/i;

/** The DOI printed on the PDF's first page, normalised, or null. */
export function doiOnFirstPage(text: PdfText): string | null {
  const firstPage = text.pages[0] ?? '';
  const match = DOI_ON_PAGE.exec(firstPage);
  return match?.[1] ? normalizeDoi(match[1]) : null;
}

/**
 * The title of the paper a PDF holds: the title in its metadata unless a writer left a file
 * name there, else the first line of page 1 that reads as words, else the file's name.
 */
export function titleOfPdf(text: PdfText, fileName: string): string {
  const own = text.title?.replace(/\s+/g, ' ').trim() ?? '';
  if (own !== '' && !PLACEHOLDER_TITLE.test(own)) return own.slice(0, MAX_TITLE_LENGTH);
  const firstLine = (text.pages[0] ?? '')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .find((line) => (line.match(/\p{L}/gu)?.length ?? 0) >= 3);
  if (firstLine !== undefined) return firstLine.slice(0, MAX_TITLE_LENGTH);
  return fileName.replace(/\.pdf$/i, '').trim() || fileName;
}

/** The file's own name, without the folders a browser or an OS may have put before it. */
export function baseFileName(fileName: string): string {
  return fileName.split(/[\\/]/).pop()?.trim() || 'document.pdf';
}
