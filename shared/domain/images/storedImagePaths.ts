// Stored images as the window asks for them: `/files/images/<sha256>` on the app's own origin,
// answered by the host's HTTP server and by Electron's app:// handler alike. The backend writes
// such addresses into an item's HTML and the window's sanitiser lets exactly these through.

/** Where the window asks for a stored image: this prefix, then the image's SHA-256 in hex. */
export const STORED_IMAGE_PATH_PREFIX = '/files/images/';

const SHA256_HEX = /^[0-9a-f]{64}$/;
const STORED_IMAGE_PATH = /^\/files\/images\/([0-9a-f]{64})$/;

/**
 * True when `src` is exactly a stored image's address on the app's own origin: no scheme, no
 * host, no `..`, no query, no encoded characters, and 64 lower-case hex digits.
 */
export function isStoredImagePath(src: string): boolean {
  return STORED_IMAGE_PATH.test(src);
}

/** The image's hash when `pathname` is a stored image's address, otherwise null. */
export function storedImageHashOf(pathname: string): string | null {
  return STORED_IMAGE_PATH.exec(pathname)?.[1] ?? null;
}

/** `/files/images/<hash>`; throws for anything but a SHA-256 in lower-case hex. */
export function storedImagePathOf(hash: string): string {
  if (!SHA256_HEX.test(hash)) {
    throw new TypeError(`${JSON.stringify(hash.slice(0, 80))} is not an image's SHA-256 hash.`);
  }
  return `${STORED_IMAGE_PATH_PREFIX}${hash}`;
}
