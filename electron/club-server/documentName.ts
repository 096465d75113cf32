// Which document names the club server accepts. The name becomes a file name in the data folder,
// so only letters, digits, "-" and "_" are allowed: no "/", no ".", no "%" means no path traversal
// however the name is encoded (session ids are UUIDs or similar).

const DOCUMENT_NAME = /^[A-Za-z0-9_-]{1,128}$/;

/** True when `name` can safely name a document and its file. */
export function isValidDocumentName(name: string): boolean {
  return DOCUMENT_NAME.test(name);
}

/**
 * The document name a connection asks for: the path of its URL without the leading "/" and the
 * query (y-websocket connects to `<server>/<room name>?<params>`), or null when it is not a
 * valid name.
 */
export function documentNameOfRequestPath(requestUrl: string | undefined): string | null {
  const path = (requestUrl ?? '').split('?')[0] ?? '';
  if (!path.startsWith('/')) return null;
  const name = path.slice(1);
  return isValidDocumentName(name) ? name : null;
}

/** The document's file inside the documents folder. */
export function documentFileName(name: string): string {
  if (!isValidDocumentName(name)) throw new Error(`Not a valid club document name: ${name}`);
  return `${name}.yjs`;
}

/** The document name of a file made by {@link documentFileName}, or null for any other file. */
export function documentNameOfFile(fileName: string): string | null {
  if (!fileName.endsWith('.yjs')) return null;
  const name = fileName.slice(0, -'.yjs'.length);
  return isValidDocumentName(name) ? name : null;
}
