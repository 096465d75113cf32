import { describe, expect, it } from 'vitest';
import { remoteImageSourcesOf, withImageSources } from './imageSources';
import { isStoredImagePath, storedImagePathOf } from './storedImagePaths';

const HASH = 'a'.repeat(64);

describe('remoteImageSourcesOf', () => {
  it('lists each http(s) image address once, in order, with its entities decoded', () => {
    const html =
      '<p>Figure</p><img src="https://j.org/fig1.png?a=1&amp;b=2" alt="one" />' +
      '<IMG alt="two" SRC=\'http://j.org/fig2.gif\'>' +
      '<img src="https://j.org/fig1.png?a=1&amp;b=2" />';

    expect(remoteImageSourcesOf(html)).toEqual([
      'https://j.org/fig1.png?a=1&b=2',
      'http://j.org/fig2.gif',
    ]);
  });

  it('leaves out inline and stored images, other schemes, and text that only looks like a tag', () => {
    const html =
      '<img src="data:image/png;base64,iVBORw0KGgo=" /><img src="/files/images/' +
      HASH +
      '" /><img src="javascript:alert(1)" /><p>&lt;img src="https://j.org/text.png"&gt;</p>' +
      '<img alt="no address" /><imgx src="https://j.org/not-an-img.png">';

    expect(remoteImageSourcesOf(html)).toEqual([]);
  });
});

describe('withImageSources', () => {
  it('replaces the addresses it is given a replacement for and keeps everything else as it was', () => {
    const html =
      '<p>Before</p><img src="https://j.org/fig1.png?a=1&amp;b=2" alt="A &gt; B" />' +
      '<img alt="kept" src="https://j.org/other.png" /><p>After</p>';

    const rewritten = withImageSources(html, (src) =>
      src === 'https://j.org/fig1.png?a=1&b=2' ? storedImagePathOf(HASH) : undefined,
    );

    expect(rewritten).toBe(
      `<p>Before</p><img src="/files/images/${HASH}" alt="A &gt; B" />` +
        '<img alt="kept" src="https://j.org/other.png" /><p>After</p>',
    );
  });

  it('hands back the very same text when nothing is replaced', () => {
    const html = '<p>No images</p>';
    expect(withImageSources(html, () => storedImagePathOf(HASH))).toBe(html);
  });
});

describe('isStoredImagePath', () => {
  it('accepts exactly /files/images/ and 64 lower-case hex digits', () => {
    expect(isStoredImagePath(`/files/images/${HASH}`)).toBe(true);
  });

  it.each([
    `/files/images/${'A'.repeat(64)}`,
    `/files/images/${HASH}/`,
    `/files/images/${HASH}?x=1`,
    `/files/images/../pdf/${HASH}`,
    `/files/images/..%2F${HASH.slice(6)}`,
    `//evil.example/files/images/${HASH}`,
    `https://evil.example/files/images/${HASH}`,
    ` /files/images/${HASH}`,
    `/files/images/${HASH.slice(1)}`,
  ])('refuses %s', (src) => {
    expect(isStoredImagePath(src)).toBe(false);
  });

  it('refuses to build a path from anything but a SHA-256 hash', () => {
    expect(() => storedImagePathOf('../../etc/passwd')).toThrow(/SHA-256/);
  });
});
