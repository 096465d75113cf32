// A small PNG reader for tests, so assertions can be made on the pixels a user would see rather
// than on the renderer's word. It handles what an 8-bit encoder writes (grey, RGB, grey+alpha,
// RGBA, non-interlaced), checks every chunk's CRC, and fails loudly on anything else.
import { inflateSync } from 'node:zlib';

export const PNG_SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

export interface PngChunk {
  type: string;
  data: Uint8Array;
}

export interface DecodedPng {
  width: number;
  height: number;
  /** Every pixel as four bytes (R, G, B, A), rows top to bottom. */
  rgba: Uint8Array;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, byte) => {
  let crc = byte;
  for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
  return crc >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** The chunks of a PNG file in order; throws on a bad signature, a truncated chunk or a bad CRC. */
export function readPngChunks(png: Uint8Array): PngChunk[] {
  if (!PNG_SIGNATURE.every((byte, index) => png[index] === byte)) {
    throw new Error('Not a PNG file: the signature is wrong.');
  }
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const chunks: PngChunk[] = [];
  let offset = PNG_SIGNATURE.length;
  while (offset < png.byteLength) {
    if (offset + 12 > png.byteLength) throw new Error('The PNG ends inside a chunk header.');
    const length = view.getUint32(offset);
    const typeAndData = png.subarray(offset + 4, offset + 8 + length);
    if (offset + 12 + length > png.byteLength) throw new Error('The PNG ends inside a chunk.');
    const type = String.fromCharCode(...typeAndData.subarray(0, 4));
    if (crc32(typeAndData) !== view.getUint32(offset + 8 + length)) {
      throw new Error(`The PNG chunk ${type} has a wrong CRC.`);
    }
    chunks.push({ type, data: typeAndData.subarray(4) });
    offset += 12 + length;
    if (type === 'IEND') break;
  }
  return chunks;
}

const CHANNELS_BY_COLOUR_TYPE: Record<number, number> = { 0: 1, 2: 3, 4: 2, 6: 4 };

function paeth(left: number, up: number, upLeft: number): number {
  const estimate = left + up - upLeft;
  const toLeft = Math.abs(estimate - left);
  const toUp = Math.abs(estimate - up);
  const toUpLeft = Math.abs(estimate - upLeft);
  if (toLeft <= toUp && toLeft <= toUpLeft) return left;
  return toUp <= toUpLeft ? up : upLeft;
}

/** Decodes a PNG's pixels: the IDAT data is inflated and each scanline's filter undone. */
export function decodePng(png: Uint8Array): DecodedPng {
  const chunks = readPngChunks(png);
  const header = chunks[0];
  if (header?.type !== 'IHDR') throw new Error('The PNG does not start with IHDR.');
  const ihdr = new DataView(header.data.buffer, header.data.byteOffset, header.data.byteLength);
  const width = ihdr.getUint32(0);
  const height = ihdr.getUint32(4);
  const bitDepth = ihdr.getUint8(8);
  const colourType = ihdr.getUint8(9);
  const interlace = ihdr.getUint8(12);
  const channels = CHANNELS_BY_COLOUR_TYPE[colourType];
  if (bitDepth !== 8 || channels === undefined || interlace !== 0) {
    throw new Error(
      `This test decoder reads 8-bit non-interlaced grey/RGB(A) PNGs, not bit depth ${bitDepth}, colour type ${colourType}, interlace ${interlace}.`,
    );
  }

  const compressed = Buffer.concat(
    chunks.filter((chunk) => chunk.type === 'IDAT').map((chunk) => chunk.data),
  );
  const filtered = inflateSync(compressed);
  const stride = width * channels;
  if (filtered.byteLength !== height * (stride + 1)) {
    throw new Error(
      `The PNG's image data has ${filtered.byteLength} bytes, not ${height * (stride + 1)}.`,
    );
  }

  const raw = new Uint8Array(height * stride);
  for (let row = 0; row < height; row++) {
    const filter = filtered[row * (stride + 1)];
    const source = row * (stride + 1) + 1;
    const target = row * stride;
    for (let column = 0; column < stride; column++) {
      const value = filtered[source + column] ?? 0;
      const left = column >= channels ? (raw[target + column - channels] ?? 0) : 0;
      const up = row > 0 ? (raw[target - stride + column] ?? 0) : 0;
      const upLeft =
        row > 0 && column >= channels ? (raw[target - stride + column - channels] ?? 0) : 0;
      let predictor: number;
      switch (filter) {
        case 0:
          predictor = 0;
          break;
        case 1:
          predictor = left;
          break;
        case 2:
          predictor = up;
          break;
        case 3:
          predictor = (left + up) >>> 1;
          break;
        case 4:
          predictor = paeth(left, up, upLeft);
          break;
        default:
          throw new Error(`Row ${row} of the PNG has an unknown filter type ${String(filter)}.`);
      }
      raw[target + column] = (value + predictor) & 0xff;
    }
  }

  const rgba = new Uint8Array(width * height * 4);
  for (let pixel = 0; pixel < width * height; pixel++) {
    const at = pixel * channels;
    const grey = channels <= 2;
    const red = raw[at] ?? 0;
    rgba[pixel * 4] = red;
    rgba[pixel * 4 + 1] = grey ? red : (raw[at + 1] ?? 0);
    rgba[pixel * 4 + 2] = grey ? red : (raw[at + 2] ?? 0);
    rgba[pixel * 4 + 3] = channels === 2 || channels === 4 ? (raw[at + channels - 1] ?? 0) : 255;
  }
  return { width, height, rgba };
}

/** How many pixels have each colour, keyed by the colour as one 32-bit RGBA number. */
export function colourHistogram(image: DecodedPng): Map<number, number> {
  const view = new DataView(image.rgba.buffer, image.rgba.byteOffset, image.rgba.byteLength);
  const counts = new Map<number, number>();
  for (let offset = 0; offset < image.rgba.byteLength; offset += 4) {
    const colour = view.getUint32(offset);
    counts.set(colour, (counts.get(colour) ?? 0) + 1);
  }
  return counts;
}
