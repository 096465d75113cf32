import { describe, expect, it } from 'vitest';
import { countGraphemes } from './textUnits';

describe('countGraphemes', () => {
  it.each([
    ['plain ASCII', 'p < 0.05', 8],
    ['a decomposed é after ASCII', 'cafe\u0301 au lait', 12],
    ['a keycap made from an ASCII digit', 'step 1️⃣', 6],
    ['ZWJ emoji and flags', 'a🧑‍⚕️b🇬🇧c🐦‍🔥', 6],
    ['CR LF as one', 'a\r\nb', 3],
    ['CJK', '死亡率を下げ', 6],
  ])('counts %s as a reader sees it', (_, text, count) => {
    expect(countGraphemes(text)).toBe(count);
  });
});
