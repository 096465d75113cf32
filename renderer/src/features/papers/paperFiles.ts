import { MAX_CITATION_FILE_BYTES, MAX_PDF_BYTES } from '@shared/contract';

/** What Rounds does with a file the user chose or dropped. */
export type PaperFileKind = 'citations' | 'pdf';

/** The file types "Add papers" takes, for a file input's `accept`. */
export const CITATION_FILE_ACCEPT =
  '.bib,.bibtex,.ris,application/x-bibtex,application/x-research-info-systems';
export const PDF_FILE_ACCEPT = '.pdf,application/pdf';

const CITATION_EXTENSIONS = ['.bib', '.bibtex', '.ris'];

/**
 * Which kind of paper file this is, by its name (what the user sees too), or a sentence saying
 * why it is refused (another kind of file, or one too large to send), to follow its name.
 */
export function classifyPaperFile(
  file: Pick<File, 'name' | 'size'>,
): { ok: true; kind: PaperFileKind } | { ok: false; message: string } {
  const name = file.name.toLowerCase();
  if (name.endsWith('.pdf')) {
    if (file.size > MAX_PDF_BYTES) {
      return { ok: false, message: 'It is larger than 50 MB, the most Rounds adds at a time.' };
    }
    return { ok: true, kind: 'pdf' };
  }
  if (CITATION_EXTENSIONS.some((extension) => name.endsWith(extension))) {
    if (file.size > MAX_CITATION_FILE_BYTES) {
      return { ok: false, message: 'It is larger than 20 MB, too large to import.' };
    }
    return { ok: true, kind: 'citations' };
  }
  return {
    ok: false,
    message: 'Rounds takes BibTeX (.bib), RIS (.ris) and PDF (.pdf) files.',
  };
}

/** Bytes read in one go by `String.fromCharCode`, well under engines' argument limits. */
const BASE64_CHUNK_BYTES = 0x8000;

/**
 * Base64 of `bytes`, as the `addPdf` method takes them. Built in chunks (a multiple of three
 * bytes, so no chunk but the last is padded) so a 50 MB PDF never becomes one giant argument list.
 */
export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let start = 0; start < bytes.length; start += BASE64_CHUNK_BYTES * 3) {
    const chunk = bytes.subarray(start, start + BASE64_CHUNK_BYTES * 3);
    let binary = '';
    for (let offset = 0; offset < chunk.length; offset += BASE64_CHUNK_BYTES) {
      binary += String.fromCharCode(...chunk.subarray(offset, offset + BASE64_CHUNK_BYTES));
    }
    parts.push(btoa(binary));
  }
  return parts.join('');
}
