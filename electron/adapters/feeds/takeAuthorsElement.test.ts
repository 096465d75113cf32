import { describe, expect, it } from 'vitest';
import { takeAuthorsElement } from './takeAuthorsElement';

describe('takeAuthorsElement', () => {
  it('takes the first authors element with its nested markup, and a leading "By"', () => {
    expect(
      takeAuthorsElement(
        '<div class="byline authors">By <a href="/a">Anna&nbsp;Berg</a>, <b>Tomas</b> Novak</div><p>Text</p><p class="authors">Other</p>',
      ),
    ).toEqual({
      authors: 'Anna Berg, Tomas Novak',
      rest: '<p>Text</p><p class="authors">Other</p>',
    });
  });

  it('leaves markup without one as it is: other classes, an empty element', () => {
    const html = '<p class="author-bio">About the blog</p><p>Text</p>';

    expect(takeAuthorsElement(html)).toEqual({ authors: null, rest: html });
    expect(takeAuthorsElement('<span class="author"> </span><p>Text</p>')).toEqual({
      authors: null,
      rest: '<p>Text</p>',
    });
  });
});
