// The app:// protocol's handler: the built renderer's files, read from the renderer folder (inside
// app.asar once packaged), with the CSP sent as a header. It takes a fetch Request and returns a
// Response, which is exactly what `protocol.handle` expects, so it runs under test in plain Node.
import fs from 'node:fs';
import { join, relative, isAbsolute, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../windows/contentSecurityPolicy';
import { contentTypeOf } from './contentTypeOf';
import { rendererFilePathOf } from './rendererFilePathOf';

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  // The page's <meta> policy does not reach workers (they take theirs from their own response)
  // and cannot carry frame-ancestors: the header does both.
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
};

/** Builds the handler for `protocol.handle('app', …)` over the built renderer folder. */
export function createRendererFileHandler(
  rendererDir: string,
): (request: Request) => Promise<Response> {
  // Resolved once: the folder's own path may go through a symlink (a temp folder on macOS).
  let realRoot: Promise<string> | undefined;
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return textResponse(405, `${request.method} is not supported by app://.`, {
        Allow: 'GET, HEAD',
      });
    }
    const path = rendererFilePathOf(request.url);
    if (!path.ok) return textResponse(400, `Refused ${request.url}: ${path.reason}.`);

    realRoot ??= fs.promises.realpath(rendererDir);
    const file = await realFileInside(await realRoot, path.segments);
    if (file === null) {
      return textResponse(
        404,
        `${new URL(request.url).pathname} is not part of the Rounds interface.`,
      );
    }
    const body = request.method === 'HEAD' ? null : await fs.promises.readFile(file);
    return new Response(body, {
      status: 200,
      headers: { ...SECURITY_HEADERS, 'Content-Type': contentTypeOf(file) },
    });
  };
}

/**
 * The file the segments name, symlinks resolved, if it is a regular file that really lies inside
 * the folder; otherwise null. (`fs` is read at call time: Electron patches it to read app.asar.)
 */
async function realFileInside(
  realRoot: string,
  segments: readonly string[],
): Promise<string | null> {
  try {
    const real = await fs.promises.realpath(join(realRoot, ...segments));
    if (!isInside(realRoot, real)) return null;
    return (await fs.promises.stat(real)).isFile() ? real : null;
  } catch (error) {
    if (isMissingFileError(error)) return null;
    throw error;
  }
}

function isInside(root: string, candidate: string): boolean {
  const fromRoot = relative(root, candidate);
  return fromRoot !== '' && !isAbsolute(fromRoot) && fromRoot.split(sep)[0] !== '..';
}

function isMissingFileError(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'ELOOP' || code === 'ENAMETOOLONG';
}

function textResponse(status: number, message: string, headers: Record<string, string> = {}) {
  return new Response(message, {
    status,
    headers: { ...SECURITY_HEADERS, ...headers, 'Content-Type': 'text/plain; charset=utf-8' },
  });
}
