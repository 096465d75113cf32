// Stored PDFs as the window fetches them: `GET /files/pdf/<sha256>` from the app's own origin,
// answered the same way by the host's HTTP server and by Electron's app:// protocol handler, so
// the viewer's relative URL works in both. The bytes come from the backend's PDF store.

/** Where the window asks for a stored PDF: this prefix, then the file's SHA-256 in hex. */
export const STORED_PDF_PATH_PREFIX = '/files/pdf/';

/** Every path under it belongs to the app's own files (today only PDFs). */
export const APP_FILES_PATH_PREFIX = '/files/';

const STORED_PDF_PATH = /^\/files\/pdf\/([0-9a-f]{64})$/;

/** The backend's stored PDFs, as the transports reach them. */
export interface StoredPdfSource {
  /** The PDF with this hash (64 lower-case hex digits), or null when none is stored. */
  read(hash: string): Promise<Uint8Array | null>;
}

/**
 * Headers of every answer on `/files/`: a PDF is never sniffed as anything else, never kept in a
 * cache (it is the user's own library: on a shared host, another user's browser must not find it)
 * and never embedded by another origin.
 */
export const STORED_PDF_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** What to answer for a path under `/files/`. */
export type StoredPdfAnswer =
  | { status: 200; contentType: 'application/pdf'; bytes: Uint8Array }
  | { status: 400 | 404; message: string };

/** True for a path this module answers (anything under `/files/`). */
export function isAppFilePath(pathname: string): boolean {
  return pathname.startsWith(APP_FILES_PATH_PREFIX);
}

/**
 * Answers a request path under `/files/`: the PDF for a well-formed hash that is stored, 404 for
 * one that is not, 400 for a malformed hash (no store lookup, no path is built from it).
 */
export async function answerStoredPdf(
  pathname: string,
  source: StoredPdfSource | null,
): Promise<StoredPdfAnswer> {
  if (!pathname.startsWith(STORED_PDF_PATH_PREFIX)) {
    return { status: 404, message: `Rounds has no file at ${pathname}.` };
  }
  const hash = STORED_PDF_PATH.exec(pathname)?.[1];
  if (hash === undefined) {
    return {
      status: 400,
      message: 'A stored PDF is named by its SHA-256: 64 lower-case hexadecimal digits.',
    };
  }
  const bytes = source === null ? null : await source.read(hash);
  if (bytes === null) return { status: 404, message: 'That PDF is not in your library.' };
  return { status: 200, contentType: 'application/pdf', bytes };
}
