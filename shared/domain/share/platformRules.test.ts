import { describe, expect, it } from 'vitest';
import { measurePost } from './platformRules';

const LONG_PATH = 'a'.repeat(120);

describe('measurePost on X', () => {
  it.each([
    ['a link with a scheme counts 23 however long', `https://example.com/${LONG_PATH}`, 23],
    ['a link without a scheme counts 23 too', `example.com/${LONG_PATH}`, 23],
    ['text around a link adds its own length', 'see https://example.com/x now', 4 + 23 + 4],
    ['CJK characters weigh 2 each', '日本語の論文', 12],
    ['symbols • → ≥ ≤ … weigh 2 each', '•→≥≤…', 10],
    ['ASCII weighs 1 each', 'p < 0.05', 8],
    ['a ZWJ emoji that twemoji 14 knows weighs 2', '🧑‍⚕️', 2],
    ['a ZWJ emoji newer than twemoji 14 weighs 2, not 5', '🐦‍🔥', 2],
    ['a skin-toned emoji weighs 2', '👍🏽', 2],
    ['an emoji next to text keeps its weight of 2', 'ok 🐦‍🔥 ok', 8],
    ['é precomposed counts 1', '\u00e9', 1],
    ['é decomposed (NFD) counts 1 because X counts the NFC form', 'e\u0301', 1],
  ])('%s', (_, text, weight) => {
    expect(measurePost('x', text).used).toBe(weight);
  });

  it('fits exactly at 280 and reports how far over it goes beyond', () => {
    expect(measurePost('x', 'a'.repeat(280))).toEqual({
      used: 280,
      limit: 280,
      fits: true,
      overBy: 0,
      unit: 'weighted characters',
    });
    expect(measurePost('x', '日'.repeat(141))).toMatchObject({ used: 282, fits: false, overBy: 2 });
  });

  it('counts 140 decomposed é as 140, where their code units would be 280', () => {
    expect(measurePost('x', 'e\u0301'.repeat(141)).used).toBe(141);
  });
});

describe('measurePost on Bluesky', () => {
  it('counts graphemes: a family emoji of 7 code points is one of 300', () => {
    expect(measurePost('bluesky', '👨‍👩‍👧‍👦'.repeat(100))).toMatchObject({ used: 100, fits: true });
    expect(measurePost('bluesky', 'é'.repeat(301))).toMatchObject({ used: 301, overBy: 1 });
  });

  it('counts links in full', () => {
    expect(measurePost('bluesky', `https://example.com/${LONG_PATH}`).used).toBe(140);
  });

  it('refuses 300 graphemes when they exceed 3,000 UTF-8 bytes and reports the bytes', () => {
    // 🐦‍🔥 is one grapheme of 11 UTF-8 bytes: 290 of them are 3,190 bytes.
    expect(measurePost('bluesky', '🐦‍🔥'.repeat(290))).toEqual({
      used: 3_190,
      limit: 3_000,
      fits: false,
      overBy: 190,
      unit: 'bytes',
    });
  });

  it('accepts 300 graphemes within 3,000 bytes', () => {
    expect(measurePost('bluesky', 'é'.repeat(300))).toMatchObject({ used: 300, fits: true });
  });
});

describe('measurePost on Mastodon', () => {
  it.each([
    ['an http link counts 23', `http://example.com/${LONG_PATH}`, 23],
    ['an https link counts 23', `https://example.com/${LONG_PATH}`, 23],
    ['a link without a scheme counts in full', `example.com/${LONG_PATH}`, 12 + 120],
    ['a remote mention counts as the local part', '@alice@hospital.social hi', 9],
    ['a local mention counts in full', '@alice hi', 9],
    ['an e-mail address is not a mention', 'write to alice@hospital.org', 27],
  ])('%s', (_, text, used) => {
    expect(measurePost('mastodon', text).used).toBe(used);
  });

  it('counts the content warning toward the limit', () => {
    const text = 'a'.repeat(490);
    expect(measurePost('mastodon', text).fits).toBe(true);
    expect(measurePost('mastodon', text, { contentWarning: 'Spoilers: trial' })).toMatchObject({
      used: 505,
      fits: false,
      overBy: 5,
    });
  });

  it("uses the instance's own limit when given", () => {
    expect(measurePost('mastodon', 'a'.repeat(600), { mastodonLimit: 1_000 })).toMatchObject({
      used: 600,
      limit: 1_000,
      fits: true,
    });
  });
});

describe('measurePost on Threads and LinkedIn', () => {
  it('Threads counts graphemes up to 500', () => {
    expect(measurePost('threads', '🧑‍⚕️'.repeat(500))).toMatchObject({ used: 500, fits: true });
    expect(measurePost('threads', 'a'.repeat(501))).toMatchObject({ fits: false, overBy: 1 });
  });

  it('LinkedIn allows 3,000 and counts an emoji as its two code units', () => {
    expect(measurePost('linkedin', 'a'.repeat(3_000)).fits).toBe(true);
    expect(measurePost('linkedin', '😀'.repeat(1_501))).toMatchObject({ used: 3_002, fits: false });
  });
});
