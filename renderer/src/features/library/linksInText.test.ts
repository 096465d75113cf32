// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { linksInText, linkTextInFragment } from './linksInText';

const linked = (text: string) =>
  linksInText(text).map((link) => [text.slice(link.start, link.end), link.href]);

describe('linksInText', () => {
  it('finds addresses and DOIs in a post, trimming the sentence’s punctuation', () => {
    expect(
      linked(
        'Read it (doi:10.1056/NEJMoa2107038). Slides at https://club.example.org/jc?week=48, and www.nejm.org too.',
      ),
    ).toEqual([
      ['10.1056/NEJMoa2107038', 'https://doi.org/10.1056/NEJMoa2107038'],
      ['https://club.example.org/jc?week=48', 'https://club.example.org/jc?week=48'],
      ['www.nejm.org', 'https://www.nejm.org'],
    ]);
  });

  it('leaves a DOI inside an address to the address', () => {
    expect(linked('https://doi.org/10.1001/jama.2024.1234 is the trial')).toEqual([
      ['https://doi.org/10.1001/jama.2024.1234', 'https://doi.org/10.1001/jama.2024.1234'],
    ]);
  });

  it('links nothing that a window may not open, nor e-mail addresses', () => {
    expect(linked('javascript:alert(1) ftp://files.example.org mail me: a.b@example.org')).toEqual(
      [],
    );
  });
});

describe('linkTextInFragment', () => {
  it('links addresses and DOIs in text, and leaves existing links alone', () => {
    const root = document.createElement('div');
    root.innerHTML =
      '<p>See 10.1136/bmj.n71 and <a href="https://example.org/x">https://example.org/x</a></p>';

    linkTextInFragment(root);

    const links = [...root.querySelectorAll('a')].map((a) => [a.textContent, a.href, a.rel]);
    expect(links).toEqual([
      ['10.1136/bmj.n71', 'https://doi.org/10.1136/bmj.n71', 'noopener noreferrer'],
      ['https://example.org/x', 'https://example.org/x', ''],
    ]);
    expect(root.textContent).toBe('See 10.1136/bmj.n71 and https://example.org/x');
  });
});
