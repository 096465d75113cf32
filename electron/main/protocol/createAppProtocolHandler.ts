// The whole app:// protocol: stored PDFs and images under /files/ (see storedPdfFiles.ts and
// storedImageFiles.ts), the built
// renderer's files everywhere else. Like createRendererFileHandler it maps a fetch Request to a
// Response, which is what `protocol.handle` expects, so it is tested in plain Node.
import { CONTENT_SECURITY_POLICY } from '../windows/contentSecurityPolicy';
import { APP_HOST, APP_SCHEME } from './appOrigin';
import { createRendererFileHandler } from './createRendererFileHandler';
import { answerStoredFile, type StoredImageSource } from './storedImageFiles';
import { isAppFilePath, STORED_PDF_HEADERS, type StoredPdfSource } from './storedPdfFiles';

export interface AppProtocolOptions {
  /** Folder of the built renderer (out/renderer). */
  rendererDir: string;
  /**
   * The backend's stored PDFs; null until the backend has opened the library (the protocol is
   * registered before that, so the window's own files are served while it opens).
   */
  storedPdfs: () => StoredPdfSource | null;
  /** The backend's saved images; null until it has opened the library, like `storedPdfs`. */
  storedImages?: () => StoredImageSource | null;
}

/** Builds the handler for `protocol.handle('app', …)`. */
export function createAppProtocolHandler({
  rendererDir,
  storedPdfs,
  storedImages = () => null,
}: AppProtocolOptions): (request: Request) => Promise<Response> {
  const rendererFiles = createRendererFileHandler(rendererDir);
  return async (request) => {
    const url = URL.parse(request.url);
    const isOwnOrigin =
      url !== null &&
      url.protocol === `${APP_SCHEME}:` &&
      url.host.toLowerCase() === APP_HOST &&
      url.username === '' &&
      url.password === '';
    if (!isOwnOrigin || !isAppFilePath(url.pathname)) return rendererFiles(request);
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return fileResponse(405, 'text/plain; charset=utf-8', `Use GET or HEAD here.`, {
        Allow: 'GET, HEAD',
      });
    }
    const answer = await answerStoredFile(url.pathname, {
      pdfs: storedPdfs(),
      images: storedImages(),
    });
    if (answer.status !== 200) {
      return fileResponse(answer.status, 'text/plain; charset=utf-8', answer.message);
    }
    const body = request.method === 'HEAD' ? null : answer.bytes;
    return fileResponse(200, answer.contentType, body, {
      ...answer.headers,
      'Content-Length': String(answer.bytes.byteLength),
    });
  };
}

function fileResponse(
  status: number,
  contentType: string,
  body: Uint8Array | string | null,
  headers: Record<string, string> = {},
): Response {
  return new Response(body, {
    status,
    headers: {
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      ...STORED_PDF_HEADERS,
      ...headers,
      'Content-Type': contentType,
    },
  });
}
