import { describe, expect, it } from 'vitest';
import { measurePost, SHARE_PLATFORMS, type SharePlatform } from './platformRules';
import { joinThread, splitIntoThread, type ThreadSplit } from './threadSplitter';

function expectValidThread(
  platform: SharePlatform,
  text: string,
  split: ThreadSplit,
  options = {},
): void {
  expect(joinThread(split.posts)).toBe(text);
  const total = split.posts.length;
  split.posts.forEach((post, index) => {
    expect(measurePost(platform, post.text, options).fits).toBe(true);
    expect(post.text).toBe(total > 1 ? `${post.body} ${index + 1}/${total}` : post.body);
  });
}

function words(count: number, word = 'trial'): string {
  return Array.from({ length: count }, () => word).join(' ');
}

describe('splitIntoThread', () => {
  it.each(SHARE_PLATFORMS)('keeps a text that fits on %s as one post without numbering', (p) => {
    const text = 'Early anticoagulation did not reduce mortality. https://doi.org/10.1000/182';
    expect(splitIntoThread(p, text)).toEqual({
      posts: [{ text, body: text, separator: '' }],
      warnings: [],
    });
  });

  it('returns an empty text as one empty post', () => {
    expect(splitIntoThread('x', '').posts).toEqual([{ text: '', body: '', separator: '' }]);
  });

  it('counts the numbering toward the limit, splitting a body that would fit without it', () => {
    const first = 'a'.repeat(100) + ' ' + 'b'.repeat(177) + '.';
    const text = `${first} Second sentence.`;
    expect(measurePost('x', first).fits).toBe(true);
    const split = splitIntoThread('x', text);
    expectValidThread('x', text, split);
    expect(split.posts[0]?.body).not.toBe(first);
    expect(split.posts[0]?.text).toBe(`${'a'.repeat(100)} 1/2`);
  });

  it('numbers ten or more posts with the final count, each still fitting', () => {
    const text = words(600);
    const split = splitIntoThread('x', text);
    expect(split.posts.length).toBeGreaterThanOrEqual(10);
    expectValidThread('x', text, split);
    expect(split.posts[0]?.text.endsWith(` 1/${split.posts.length}`)).toBe(true);
  });

  it('prefers a blank line to filling the post', () => {
    const firstParagraph = words(30, 'first');
    const text = `${firstParagraph}\n\n${words(30, 'second')}`;
    const split = splitIntoThread('x', text);
    expectValidThread('x', text, split);
    expect(split.posts[0]).toMatchObject({ body: firstParagraph, separator: '\n\n' });
  });

  it('prefers a sentence end to a space', () => {
    const firstSentence = `${words(30, 'first')}.`;
    const text = `${firstSentence} ${words(30, 'second')}`;
    const split = splitIntoThread('x', text);
    expectValidThread('x', text, split);
    expect(split.posts[0]).toMatchObject({ body: firstSentence, separator: ' ' });
  });

  it('ends posts after a CJK full stop when there are no spaces', () => {
    const sentence = '早期の抗凝固療法は死亡率を下げなかった。';
    const text = sentence.repeat(10);
    const split = splitIntoThread('x', text);
    expectValidThread('x', text, split);
    for (const post of split.posts) expect(post.body.endsWith('。')).toBe(true);
  });

  it('breaks a 600-character word between graphemes', () => {
    const text = `Intro ${'x'.repeat(600)} outro`;
    for (const platform of ['x', 'mastodon'] as const) {
      const split = splitIntoThread(platform, text);
      expectValidThread(platform, text, split);
      expect(split.warnings).toEqual([]);
    }
  });

  it('never breaks inside an emoji when a word of emoji is longer than a post', () => {
    const text = '🧑‍⚕️'.repeat(600);
    const split = splitIntoThread('bluesky', text);
    expectValidThread('bluesky', text, split);
    for (const post of split.posts) expect(post.body).toMatch(/^(?:🧑‍⚕️)+$/u);
  });

  it.each([
    ['with a scheme', 'https://example.com/trial/results'],
    ['without a scheme', 'example.com/trial/results'],
  ])('moves a link %s that reaches past the limit whole into the next post', (_, link) => {
    const text = `${'a'.repeat(260)} ${link} after`;
    const split = splitIntoThread('bluesky', text);
    expectValidThread('bluesky', text, split);
    expect(split.posts.some((post) => post.body.includes(link))).toBe(true);
  });

  it.each([
    ['a hashtag', '#EBM'],
    ['a mention', '@alice'],
    ['a Mastodon mention', '@alice@hospital.social'],
  ])('cuts a long word before %s rather than inside it', (_, token) => {
    const word = 'a'.repeat(274) + token;
    const text = `${word} tail`;
    const split = splitIntoThread('x', text);
    expectValidThread('x', text, split);
    expect(split.posts[0]?.body).toBe('a'.repeat(274));
    expect(split.posts[1]?.body.startsWith(token)).toBe(true);
  });

  it('cuts a link longer than a whole post and says so', () => {
    const link = `https://example.com/${'a'.repeat(400)}`;
    const text = `See ${link} for the protocol.`;
    const split = splitIntoThread('bluesky', text);
    expectValidThread('bluesky', text, split);
    expect(split.warnings).toEqual([
      `“${link.slice(0, 57)}…” is longer than a whole post on Bluesky, so it was cut across ` +
        'posts; anyone following it will need to join the parts back together.',
    ]);
  });

  it('keeps a long link whole on X and Mastodon, where it counts 23', () => {
    const link = `https://example.com/${'a'.repeat(400)}`;
    const text = `${words(50)} ${link} ${words(50)}`;
    for (const platform of ['x', 'mastodon'] as const) {
      const split = splitIntoThread(platform, text);
      expectValidThread(platform, text, split);
      expect(split.posts.some((post) => post.body.includes(link))).toBe(true);
    }
  });

  it('splits NFD text on X by its NFC weight and gives it back undecomposed', () => {
    const text = words(100, 'cafe\u0301');
    const split = splitIntoThread('x', text);
    expectValidThread('x', text, split);
    // 100 words of 4 weighted characters: 2 posts, where counting code units would need 3.
    expect(split.posts).toHaveLength(2);
  });

  it('leaves room for the content warning in every Mastodon post', () => {
    const options = { contentWarning: 'Unpublished data' };
    const text = words(300);
    const split = splitIntoThread('mastodon', text, options);
    expectValidThread('mastodon', text, split, options);
  });

  it('says so when the limit leaves no room for a numbered thread', () => {
    const split = splitIntoThread('mastodon', words(10), { mastodonLimit: 4 });
    expect(split.posts).toHaveLength(1);
    expect(split.warnings).toEqual([
      'The limit of 4 characters on Mastodon leaves no room for a numbered thread; check the ' +
        'limit and any content warning.',
    ]);
  });
});
