import { APP_HOST, APP_SCHEME } from './appOrigin';

/** The file an app:// request names, as path segments below the renderer folder, or why not. */
export type RendererFilePath = { ok: true; segments: string[] } | { ok: false; reason: string };

const INDEX_SEGMENTS = ['index.html'];

/**
 * Maps an `app://rounds/…` URL to segments of a path inside the renderer folder, refusing anything
 * that could name a file elsewhere. Dot segments never get here (URL parsing collapses `..` and
 * `%2e%2e` at the root), so what remains to refuse is what the parser leaves alone: encoded
 * separators, backslashes, drive letters, NUL and empty names. The caller still checks that the
 * real path (symlinks resolved) stays in the folder.
 */
export function rendererFilePathOf(requestUrl: string): RendererFilePath {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { ok: false, reason: 'not a URL' };
  }
  if (!isAppOrigin(url))
    return { ok: false, reason: 'only app://rounds/ serves the Rounds interface' };
  if (url.pathname === '' || url.pathname === '/') return { ok: true, segments: INDEX_SEGMENTS };

  const segments: string[] = [];
  for (const encoded of url.pathname.slice(1).split('/')) {
    const segment = decodeSegment(encoded);
    if (segment === null) return { ok: false, reason: 'the path is not valid percent-encoding' };
    const refusal = refusalOf(segment);
    if (refusal) return { ok: false, reason: refusal };
    segments.push(segment);
  }
  return { ok: true, segments };
}

function isAppOrigin(url: URL): boolean {
  return (
    url.protocol === `${APP_SCHEME}:` &&
    url.host.toLowerCase() === APP_HOST &&
    url.username === '' &&
    url.password === ''
  );
}

function decodeSegment(encoded: string): string | null {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return null;
  }
}

function refusalOf(segment: string): string | null {
  if (segment === '') return 'a path may not contain an empty name (as in "//")';
  if (segment.includes('/')) return 'a path may not hide a "/" inside a name';
  if (segment.includes('\\')) return 'a path may not hide a "\\" inside a name';
  if (segment.includes('\0')) return 'a path may not contain a NUL character';
  if (segment.includes(':')) return 'a path may not contain ":" (drive letters, streams)';
  // Covers "." and "..", should a caller ever pass a URL its parser did not normalise.
  if (segment.startsWith('.')) return 'hidden files (".name") are not part of the interface';
  return null;
}
