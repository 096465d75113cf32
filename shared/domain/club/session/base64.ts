// Strict standard base64 (RFC 4648 §4, padded), in plain TypeScript because this module runs in
// the renderer and in Node alike (no Buffer, no atob). Decoding refuses anything a careful encoder
// would not write, so a damaged bundle is reported rather than read as other bytes.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VALUES = new Int16Array(128).fill(-1);
for (let index = 0; index < ALPHABET.length; index += 1) VALUES[ALPHABET.charCodeAt(index)] = index;

export function encodeBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  let chunk = '';
  for (let index = 0; index < bytes.length; index += 3) {
    const a = bytes[index] ?? 0;
    const b = bytes[index + 1] ?? 0;
    const c = bytes[index + 2] ?? 0;
    const triple = (a << 16) | (b << 8) | c;
    chunk +=
      ALPHABET.charAt((triple >> 18) & 63) +
      ALPHABET.charAt((triple >> 12) & 63) +
      (index + 1 < bytes.length ? ALPHABET.charAt((triple >> 6) & 63) : '=') +
      (index + 2 < bytes.length ? ALPHABET.charAt(triple & 63) : '=');
    // Joining bounded chunks keeps a large PDF from building one ever-longer rope string.
    if (chunk.length >= 8_192) {
      parts.push(chunk);
      chunk = '';
    }
  }
  parts.push(chunk);
  return parts.join('');
}

/** The bytes, or null when the text is not strict padded base64. */
export function decodeBase64(text: string): Uint8Array | null {
  if (text.length % 4 !== 0) return null;
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const bytes = new Uint8Array((text.length / 4) * 3 - padding);
  let written = 0;
  for (let index = 0; index < text.length; index += 4) {
    const isLast = index + 4 === text.length;
    let triple = 0;
    for (let offset = 0; offset < 4; offset += 1) {
      const code = text.charCodeAt(index + offset);
      const padded = isLast && offset >= 4 - padding;
      const value = padded ? 0 : code < 128 ? (VALUES[code] ?? -1) : -1;
      if (value < 0) return null;
      triple = (triple << 6) | value;
    }
    // Bits below the last byte must be zero, or two texts would decode to the same bytes.
    if (isLast && padding === 1 && (triple & 0xff) !== 0) return null;
    if (isLast && padding === 2 && (triple & 0xffff) !== 0) return null;
    if (written < bytes.length) bytes[written++] = (triple >> 16) & 0xff;
    if (written < bytes.length) bytes[written++] = (triple >> 8) & 0xff;
    if (written < bytes.length) bytes[written++] = triple & 0xff;
  }
  return bytes;
}
