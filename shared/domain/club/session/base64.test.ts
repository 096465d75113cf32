import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { decodeBase64, encodeBase64 } from './base64';

describe('base64', () => {
  it('writes the RFC 4648 test vectors', () => {
    const ascii = (text: string): Uint8Array =>
      new Uint8Array([...text].map((c) => c.charCodeAt(0)));
    expect(
      ['', 'f', 'fo', 'foo', 'foob', 'fooba', 'foobar'].map((t) => encodeBase64(ascii(t))),
    ).toEqual(['', 'Zg==', 'Zm8=', 'Zm9v', 'Zm9vYg==', 'Zm9vYmE=', 'Zm9vYmFy']);
  });

  test.prop([fc.uint8Array({ maxLength: 300 })], { numRuns: 200 })(
    'reads back what it wrote',
    (bytes) => {
      expect(decodeBase64(encodeBase64(bytes))).toEqual(bytes);
    },
  );

  it('refuses text a careful encoder would not write', () => {
    for (const text of [
      'Zg',
      'Zg=',
      'Z===',
      'Zh==',
      'Zm9=',
      'Zm 9v',
      'Zm9v\n',
      'Zm=v',
      'Zm9-',
      'Zé==',
    ]) {
      expect(decodeBase64(text), text).toBeNull();
    }
  });
});
