/** The image types Rounds keeps: raster formats a browser decodes without running anything. */
export type KeptImageType = 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp';

/** What the first bytes of a download say it is. */
export type ImageKind = { kind: 'image'; contentType: KeptImageType } | { kind: 'svg' } | null;

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const GIF87 = [...'GIF87a'].map((char) => char.charCodeAt(0));
const GIF89 = [...'GIF89a'].map((char) => char.charCodeAt(0));
const RIFF = [...'RIFF'].map((char) => char.charCodeAt(0));
const WEBP = [...'WEBP'].map((char) => char.charCodeAt(0));
/** Far enough into a text file to pass a BOM, white space, an XML prolog and a comment. */
const SVG_WINDOW = 1024;

/**
 * What an image's bytes are, by their signature alone: a server's Content-Type and an address's
 * extension are what the server claims, and neither decides how the bytes will be read. SVG is
 * told apart so it can be refused with its own reason: it is XML that may carry script.
 */
export function imageTypeOf(bytes: Uint8Array): ImageKind {
  if (startsWith(bytes, PNG)) return { kind: 'image', contentType: 'image/png' };
  if (startsWith(bytes, JPEG)) return { kind: 'image', contentType: 'image/jpeg' };
  if (startsWith(bytes, GIF87) || startsWith(bytes, GIF89)) {
    return { kind: 'image', contentType: 'image/gif' };
  }
  if (startsWith(bytes, RIFF) && startsWith(bytes.subarray(8), WEBP)) {
    return { kind: 'image', contentType: 'image/webp' };
  }
  const text = new TextDecoder('utf-8', { fatal: false })
    .decode(bytes.subarray(0, SVG_WINDOW))
    .toLowerCase();
  return /<svg[\s>]/.test(text) || text.includes('<!doctype svg') ? { kind: 'svg' } : null;
}

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return (
    bytes.byteLength >= signature.length && signature.every((byte, index) => bytes[index] === byte)
  );
}
