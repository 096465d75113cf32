import iconv from 'iconv-lite';

// Browsers read these labels as windows-1252, and so do feeds in the wild: a feed that says
// ISO-8859-1 but contains curly quotes (0x91–0x94) means windows-1252.
const WINDOWS_1252_ALIASES = new Set([
  'iso-8859-1',
  'iso8859-1',
  'latin1',
  'l1',
  'us-ascii',
  'ascii',
]);
const XML_DECLARED_ENCODING = /^\s*<\?xml\s[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/;
const HTTP_CHARSET = /;\s*charset\s*=\s*"?([^";\s]+)"?/i;

/**
 * Turns the bytes of a feed into text. The encoding is taken from, in order: a byte order mark,
 * the XML declaration, the HTTP charset, and finally UTF-8 (or windows-1252 when the bytes are not
 * valid UTF-8 and nothing declared an encoding). iconv-lite does the decoding because Node's
 * TextDecoder maps some windows-1252 bytes differently from every browser.
 */
export function decodeFeedBytes(body: Uint8Array, contentType: string | null): string {
  const bytes = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const encoding = encodingFromBom(bytes) ?? encodingWithoutBom(bytes, contentType);
  if (encoding !== null) return iconv.decode(bytes, encoding);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return iconv.decode(bytes, 'windows-1252');
  }
}

function encodingFromBom(bytes: Buffer): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** The declared encoding, or null when nothing usable is declared. */
function encodingWithoutBom(bytes: Buffer, contentType: string | null): string | null {
  // "<?" in UTF-16 without a byte order mark: the declaration cannot be read as ASCII.
  if (bytes[0] === 0x3c && bytes[1] === 0x00 && bytes[2] === 0x3f && bytes[3] === 0x00)
    return 'utf-16le';
  if (bytes[0] === 0x00 && bytes[1] === 0x3c && bytes[2] === 0x00 && bytes[3] === 0x3f)
    return 'utf-16be';

  const prolog = bytes.subarray(0, 512).toString('latin1');
  const declared = XML_DECLARED_ENCODING.exec(prolog)?.[1];
  const fromHttp = HTTP_CHARSET.exec(contentType ?? '')?.[1];
  return usableEncoding(declared) ?? usableEncoding(fromHttp);
}

function usableEncoding(label: string | undefined): string | null {
  if (!label) return null;
  const lower = label.toLowerCase();
  // Reaching here means the bytes start like ASCII, so a claim of UTF-16 or UTF-32 is wrong.
  if (/^utf-?(16|32)/.test(lower)) return null;
  if (WINDOWS_1252_ALIASES.has(lower)) return 'windows-1252';
  return iconv.encodingExists(lower) ? lower : null;
}
