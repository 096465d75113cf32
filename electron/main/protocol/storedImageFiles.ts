// Saved images as the window shows them: `GET /files/images/<sha256>` from the app's own origin,
// answered the same way by the host's HTTP server and by Electron's app:// protocol handler, so
// the `src` that library.get writes works in both. The bytes come from the backend's image store.
import {
  STORED_IMAGE_PATH_PREFIX,
  storedImageHashOf,
} from '@shared/domain/images/storedImagePaths';
import { answerStoredPdf, STORED_PDF_HEADERS, type StoredPdfSource } from './storedPdfFiles';

/** The image types the store keeps (and so the only ones ever served). */
export type StoredImageContentType = 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp';

/** The backend's stored images, as the transports reach them. */
export interface StoredImageSource {
  /** The image with this hash (64 lower-case hex digits) and its type, or null when none is stored. */
  read(hash: string): Promise<{ bytes: Uint8Array; contentType: StoredImageContentType } | null>;
}

/**
 * Headers of a stored image's answer: those of every stored file (never sniffed, never cached,
 * never embedded by another origin) and a policy that lets nothing run should the image be
 * opened on its own as a page.
 */
export const STORED_IMAGE_HEADERS: Readonly<Record<string, string>> = {
  ...STORED_PDF_HEADERS,
  'Content-Security-Policy': "default-src 'none'; sandbox",
};

/** What to answer for a path under `/files/`: a stored PDF or image, or why not. */
export type StoredFileAnswer =
  | {
      status: 200;
      contentType: 'application/pdf' | StoredImageContentType;
      bytes: Uint8Array;
      /** Headers beyond the ones every stored file is answered with. */
      headers: Readonly<Record<string, string>>;
    }
  | { status: 400 | 404; message: string };

/** The stores a path under `/files/` may be answered from; null until the backend has opened. */
export interface StoredFileSources {
  pdfs: StoredPdfSource | null;
  images: StoredImageSource | null;
}

/**
 * Answers a request path under `/files/`: `/files/images/<sha256>` from the image store,
 * anything else as a stored PDF (see answerStoredPdf). A malformed hash is a 400 before any
 * store is asked; an unknown one a 404.
 */
export async function answerStoredFile(
  pathname: string,
  sources: StoredFileSources,
): Promise<StoredFileAnswer> {
  if (!pathname.startsWith(STORED_IMAGE_PATH_PREFIX)) {
    const answer = await answerStoredPdf(pathname, sources.pdfs);
    return answer.status === 200 ? { ...answer, headers: {} } : answer;
  }
  const hash = storedImageHashOf(pathname);
  if (hash === null) {
    return {
      status: 400,
      message: 'A saved image is named by its SHA-256: 64 lower-case hexadecimal digits.',
    };
  }
  const image = sources.images === null ? null : await sources.images.read(hash);
  if (image === null) return { status: 404, message: 'That image is not in your library.' };
  return { status: 200, ...image, headers: STORED_IMAGE_HEADERS };
}
