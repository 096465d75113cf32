import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { measurePost, SHARE_PLATFORMS, type MeasureOptions } from './platformRules';
import { joinThread, splitIntoThread } from './threadSplitter';

// The property: for any text mixing words, links, hashtags, mentions, emoji, CJK,
// sentences and paragraphs, every post of the split fits its platform and the posts join back
// to the text exactly. 1,000 runs per platform, each with its own generous timeout because the
// machine is shared.
const RUNS = 1_000;
/** Vitest's limit per test; fast-check's runs share it. */
const PROPERTY_TIMEOUT_MS = 120_000;

const word = fc.constantFrom(
  'patients',
  'randomised',
  'mortality',
  'p<0.05',
  'café',
  'cafe\u0301',
  'naïve',
  'HR',
  '0.82',
  '•',
  '→',
  '≥',
  '≤',
  '…',
);
const link = fc.constantFrom(
  'https://doi.org/10.1056/NEJMoa2034577',
  'http://example.com/trial?arm=early&x=1',
  'example.com/results',
  'www.nice.org.uk/guidance/ng191',
  `https://example.org/${'p'.repeat(120)}`,
);
const tag = fc.constantFrom('#EBM', '#MedTwitter', '#cardiología', '#医学');
const mention = fc.constantFrom(
  '@alice',
  '@bob_md',
  '@alice@hospital.social',
  '@carol@mstdn.science',
);
const emoji = fc.constantFrom('🧑‍⚕️', '🐦‍🔥', '👍🏽', '🇬🇧', '❤️', '👨‍👩‍👧‍👦', '🩺');
const cjk = fc.constantFrom('早期抗凝', '死亡率を下げなかった。', '研究', '임상시험', '患者');
const longWord = fc.integer({ min: 1, max: 700 }).map((length) => 'x'.repeat(length));
const token = fc.oneof(
  { weight: 10, arbitrary: word },
  { weight: 2, arbitrary: link },
  { weight: 1, arbitrary: tag },
  { weight: 1, arbitrary: mention },
  { weight: 2, arbitrary: emoji },
  { weight: 2, arbitrary: cjk },
  { weight: 1, arbitrary: longWord },
);
const separator = fc.constantFrom(' ', ' ', ' ', ' ', '. ', '! ', '\n', '\n\n', '  ', '');
/** Texts of a few hundred to a few thousand characters: most of them need a thread on X. */
const text = textOf('small');
/** LinkedIn's 3,000 needs longer texts (8,000 characters on average) to split at all. */
const longText = textOf('medium');

function textOf(size: 'small' | 'medium'): fc.Arbitrary<string> {
  return fc
    .array(fc.tuple(token, separator), { maxLength: 250, size })
    .map((pairs) => pairs.map(([part, after]) => part + after).join(''));
}

const OPTIONS: Record<(typeof SHARE_PLATFORMS)[number], MeasureOptions> = {
  x: {},
  bluesky: {},
  mastodon: { contentWarning: 'Trial results' },
  threads: {},
  linkedin: {},
};

describe('splitIntoThread property', () => {
  for (const platform of SHARE_PLATFORMS) {
    const options = OPTIONS[platform];
    test.prop([platform === 'linkedin' ? longText : text], { numRuns: RUNS })(
      `on ${platform}, every post fits and the posts join back to the text`,
      (input) => {
        const { posts } = splitIntoThread(platform, input, options);
        expect(joinThread(posts)).toBe(input);
        for (const post of posts) expect(measurePost(platform, post.text, options).fits).toBe(true);
        if (measurePost(platform, input, options).fits) expect(posts).toHaveLength(1);
      },
      PROPERTY_TIMEOUT_MS,
    );
  }
});
