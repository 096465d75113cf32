import { describe, expect, it } from 'vitest';
import { isPlainMailLink } from './isPlainMailLink';

const plain = isPlainMailLink;

describe('isPlainMailLink', () => {
  it('accepts one address with an optional subject and body', () => {
    expect(plain('mailto:editor@example.org')).toBe(true);
    expect(plain('mailto:editor@example.org?Subject=Letter&body=Line%201%0D%0ALine%202')).toBe(
      true,
    );
  });

  it('refuses extra recipients, other headers and repeated fields', () => {
    expect(plain('mailto:a@example.org?cc=b@example.org')).toBe(false);
    expect(plain('mailto:a@example.org?BCC=b@example.org')).toBe(false);
    expect(plain('mailto:a@example.org?in-reply-to=%3Cid%3E')).toBe(false);
    expect(plain('mailto:a@example.org?body=a&body=b')).toBe(false);
    expect(plain('mailto:a@example.org,b@example.org')).toBe(false);
  });

  it('refuses a line break in the subject, which would start a new header', () => {
    expect(plain('mailto:a@example.org?subject=Hi%0ABcc:b@example.org')).toBe(false);
  });

  it('refuses anything that is not a mailto link', () => {
    expect(plain('https://example.org/?subject=x')).toBe(false);
    expect(plain('not a link')).toBe(false);
  });
});
