import { describe, expect, it } from 'vitest';
import { decodeFeedBytes } from './decodeFeedBytes';

const ascii = (text: string): number[] => [...Buffer.from(text, 'latin1')];
const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((part) => (typeof part === 'string' ? ascii(part) : part)));

describe('decodeFeedBytes', () => {
  it('decodes windows-1252 named in the XML declaration, including the bytes Node gets wrong', () => {
    // 0x80 €, 0x93/0x94 curly quotes, 0xE9 é.
    const body = bytes(
      '<?xml version="1.0" encoding="windows-1252"?><t>',
      [0x80, 0x93, 0xe9, 0x94],
      '</t>',
    );

    expect(decodeFeedBytes(body, 'text/xml; charset=utf-8')).toBe(
      '<?xml version="1.0" encoding="windows-1252"?><t>€“é”</t>',
    );
  });

  it('reads ISO-8859-1 as browsers do, so curly quotes survive', () => {
    const body = bytes('<t>Caf', [0xe9], ' ', [0x92], 's</t>');

    expect(decodeFeedBytes(body, 'application/rss+xml; charset="ISO-8859-1"')).toBe(
      '<t>Café ’s</t>',
    );
  });

  it('lets a byte order mark win over every declaration', () => {
    const body = Uint8Array.from([
      0xef,
      0xbb,
      0xbf,
      ...Buffer.from('<?xml version="1.0" encoding="iso-8859-1"?><t>Zürich</t>'),
    ]);

    expect(decodeFeedBytes(body, 'text/xml; charset=windows-1252')).toBe(
      '<?xml version="1.0" encoding="iso-8859-1"?><t>Zürich</t>',
    );
  });

  it('decodes UTF-16 in both byte orders, with or without a byte order mark', () => {
    const text = '<?xml version="1.0" encoding="UTF-16"?><t>Über ✓</t>';
    const littleEndian = Buffer.from(text, 'utf16le');
    const bigEndian = Buffer.from(littleEndian).swap16();

    expect(decodeFeedBytes(Uint8Array.from([0xff, 0xfe, ...littleEndian]), null)).toBe(text);
    expect(decodeFeedBytes(Uint8Array.from([0xfe, 0xff, ...bigEndian]), null)).toBe(text);
    expect(decodeFeedBytes(littleEndian, null)).toBe(text);
    expect(decodeFeedBytes(bigEndian, null)).toBe(text);
  });

  it('uses the HTTP charset when the document declares nothing', () => {
    const body = Uint8Array.from(Buffer.from('<t>Привет</t>', 'utf8'));
    const koi8 = bytes('<t>', [0xf0, 0xd2, 0xc9, 0xd7, 0xc5, 0xd4], '</t>');

    expect(decodeFeedBytes(body, 'text/xml; charset=utf-8')).toBe('<t>Привет</t>');
    expect(decodeFeedBytes(koi8, 'text/xml; charset=koi8-r')).toBe('<t>Привет</t>');
  });

  it('falls back to UTF-8, and to windows-1252 when undeclared bytes are not valid UTF-8', () => {
    expect(decodeFeedBytes(Uint8Array.from(Buffer.from('<t>naïve</t>')), null)).toBe(
      '<t>naïve</t>',
    );
    expect(decodeFeedBytes(bytes('<t>na', [0xef], 've</t>'), 'text/xml')).toBe('<t>naïve</t>');
  });

  it('ignores an encoding it does not know and a UTF-16 claim on ASCII bytes', () => {
    expect(decodeFeedBytes(bytes('<?xml version="1.0" encoding="x-made-up"?><t/>'), null)).toBe(
      '<?xml version="1.0" encoding="x-made-up"?><t/>',
    );
    expect(decodeFeedBytes(bytes('<?xml version="1.0" encoding="utf-16"?><t/>'), null)).toBe(
      '<?xml version="1.0" encoding="utf-16"?><t/>',
    );
  });
});
