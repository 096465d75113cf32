/** How far into a file PDF readers look for the header (junk before it is tolerated that far). */
export const PDF_HEADER_WINDOW = 1024;
const HEADER = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

/**
 * True when `%PDF-` begins within the first kilobyte, where Acrobat and pdf.js look for it: some
 * publishers' servers and old scanners put a few bytes before it, and those files open everywhere.
 */
export function hasPdfHeader(bytes: Uint8Array): boolean {
  const last = Math.min(bytes.length, PDF_HEADER_WINDOW) - HEADER.length;
  for (let start = 0; start <= last; start++) {
    if (HEADER.every((byte, index) => bytes[start + index] === byte)) return true;
  }
  return false;
}
