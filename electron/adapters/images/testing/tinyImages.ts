// Test support only: the smallest real images of each kind Rounds keeps, built byte by byte so a
// test never depends on a binary fixture file.
import { deflateSync } from 'node:zlib';

/** A 1×1 PNG of the given colour (opaque RGB), with correct chunk checksums. */
export function tinyPng(rgb: readonly [number, number, number] = [200, 30, 30]): Uint8Array {
  return pngOf(1, 1, () => rgb);
}

/** A `width`×`height` PNG whose every pixel has the colour `colourAt(x, y)`. */
export function pngOf(
  width: number,
  height: number,
  colourAt: (x: number, y: number) => readonly [number, number, number],
): Uint8Array {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits per channel, RGB, no interlacing
  const rows: number[] = [];
  for (let y = 0; y < height; y++) {
    rows.push(0); // no filter
    for (let x = 0; x < width; x++) rows.push(...colourAt(x, y));
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.from(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A 1×1 GIF. */
export function tinyGif(): Uint8Array {
  return Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64');
}

/** The first bytes of a JPEG (SOI and a JFIF APP0 segment): enough for its type. */
export function tinyJpeg(): Uint8Array {
  return Buffer.from([
    0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01,
    0x00, 0x01, 0x00, 0x00, 0xff, 0xd9,
  ]);
}

/** A RIFF/WEBP header: enough for its type. */
export function tinyWebp(): Uint8Array {
  const bytes = Buffer.alloc(20);
  bytes.write('RIFF', 0, 'latin1');
  bytes.writeUInt32LE(12, 4);
  bytes.write('WEBP', 8, 'latin1');
  bytes.write('VP8L', 12, 'latin1');
  return bytes;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const checksum = Buffer.alloc(4);
  checksum.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, checksum]);
}
