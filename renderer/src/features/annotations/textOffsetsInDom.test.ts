// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { rangeAtTextOffsets, textOffsetsOfRange } from './textOffsetsInDom';

function article(html: string): HTMLElement {
  const root = document.createElement('article');
  root.innerHTML = html;
  document.body.append(root);
  return root;
}

afterEach(() => {
  document.body.replaceChildren();
});

const HTML =
  '<h2>Results</h2><p>Death at <em>90 days</em> occurred in <strong>27.1%</strong> of the ' +
  'heparin group.</p><p>Bleeding was similar.</p>';

describe('textOffsetsOfRange', () => {
  it('gives the offsets of a selection in the text of the root, across elements', () => {
    const root = article(HTML);
    const range = document.createRange();
    const em = root.querySelector('em')!.firstChild!;
    const strong = root.querySelector('strong')!.firstChild!;
    range.setStart(em, 3); // "days"
    range.setEnd(strong, 5); // "27.1%"

    const offsets = textOffsetsOfRange(root, range);

    expect(offsets).not.toBeNull();
    expect(root.textContent!.slice(offsets!.start, offsets!.end)).toBe('days occurred in 27.1%');
  });

  it('keeps only the part of a selection inside the root', () => {
    const before = article('<p>Sidebar text</p>');
    const root = article(HTML);
    const range = document.createRange();
    range.setStart(before.firstChild!.firstChild!, 3);
    range.setEnd(root.querySelector('em')!.firstChild!, 2);

    const offsets = textOffsetsOfRange(root, range);

    expect(offsets).toEqual({ start: 0, end: root.textContent!.indexOf('90') + 2 });
  });

  it('gives nothing for a selection wholly outside the root', () => {
    const outside = article('<p>Sidebar text</p>');
    const root = article(HTML);
    const range = document.createRange();
    range.selectNodeContents(outside);

    expect(textOffsetsOfRange(root, range)).toBeNull();
  });
});

describe('rangeAtTextOffsets', () => {
  it('makes a range whose text is that stretch of the root’s text', () => {
    const root = article(HTML);
    const text = root.textContent!;
    const start = text.indexOf('occurred');
    const end = text.indexOf('Bleeding') + 'Bleeding'.length;

    const range = rangeAtTextOffsets(root, { start, end });

    expect(range.toString()).toBe(text.slice(start, end));
    expect(textOffsetsOfRange(root, range)).toEqual({ start, end });
  });

  it('covers the whole text and an empty root', () => {
    const root = article(HTML);
    expect(rangeAtTextOffsets(root, { start: 0, end: root.textContent!.length }).toString()).toBe(
      root.textContent,
    );
    const empty = article('');
    expect(rangeAtTextOffsets(empty, { start: 0, end: 0 }).collapsed).toBe(true);
  });

  it('refuses offsets outside the text', () => {
    const root = article('<p>Short</p>');

    expect(() => rangeAtTextOffsets(root, { start: 2, end: 6 })).toThrow(RangeError);
    expect(() => rangeAtTextOffsets(root, { start: 3, end: 1 })).toThrow(RangeError);
  });
});
