import { getDocument, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { stripInvisibleControls } from '@shared/domain/feeds/stripInvisibleControls';
import { buildPageText } from '@shared/domain/pdf/buildPageText';
import { readPdfOutline } from '@shared/domain/pdf/readPdfOutline';
import { hasPdfHeader } from './pdfHeader';
import type { PdfTextResult } from './pdfTextProtocol';

const MAX_TITLE_LENGTH = 500;

/**
 * Reads a PDF's page count, title, text per page and outline with pdf.js in the calling thread.
 * Only {@link PdfTextExtractor}'s worker calls it, since a hostile PDF can make pdf.js work for
 * minutes or take gigabytes. pdf.js never evaluates code generated from the file
 * (`isEvalSupported: false`), uses no system fonts and no WebAssembly, and stops at nothing a
 * damaged page throws: a page it cannot read gives an empty text, not a failed document.
 */
export async function readPdfText(bytes: Uint8Array<ArrayBuffer>): Promise<PdfTextResult> {
  if (!hasPdfHeader(bytes)) {
    return {
      ok: false,
      code: 'not-a-pdf',
      message: 'This file is not a PDF: it does not start with the PDF header.',
    };
  }
  const loading = getDocument({
    data: bytes,
    isEvalSupported: false,
    useSystemFonts: false,
    useWasm: false,
    enableXfa: false,
    verbosity: VerbosityLevel.ERRORS,
  });
  let document: PDFDocumentProxy;
  try {
    document = await loading.promise;
  } catch (error) {
    await loading.destroy();
    return openingFailure(error);
  }
  try {
    const pages: string[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      pages.push(await pageText(document, number));
    }
    return {
      ok: true,
      text: {
        pageCount: document.numPages,
        title: await documentTitle(document),
        pages,
        outline: await readPdfOutline(document).catch(() => []),
      },
    };
  } finally {
    await document.destroy();
  }
}

async function pageText(document: PDFDocumentProxy, number: number): Promise<string> {
  try {
    const page = await document.getPage(number);
    // Default options, as the viewer's text layer uses: the same runs, so the same offsets.
    const { text } = buildPageText((await page.getTextContent()).items);
    page.cleanup();
    return text;
  } catch {
    return '';
  }
}

async function documentTitle(document: PDFDocumentProxy): Promise<string | null> {
  const { info, metadata } = await document.getMetadata().catch(() => ({
    info: {},
    metadata: null,
  }));
  const candidates: unknown[] = [metadata?.get('dc:title'), (info as { Title?: unknown }).Title];
  for (const candidate of candidates) {
    if (typeof candidate !== 'string') continue;
    const title = stripInvisibleControls(candidate).replace(/\s+/g, ' ').trim();
    if (title !== '') return title.slice(0, MAX_TITLE_LENGTH);
  }
  return null;
}

function openingFailure(error: unknown): PdfTextResult {
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException') {
    return {
      ok: false,
      code: 'password-protected',
      message:
        'This PDF is protected by a password, so Rounds cannot read it. Save a copy without ' +
        'the password (most PDF readers can print or export one) and add that instead.',
    };
  }
  return {
    ok: false,
    code: 'damaged',
    message:
      'This PDF is damaged: its structure cannot be read. Download it again, or open it in ' +
      'another PDF reader and save a new copy.',
  };
}
