import { describe, expect, it } from 'vitest';
import { pageAtOffset, parsePageNumber } from './pageNumber';

describe('parsePageNumber', () => {
  it('accepts a page of the document, spaces around it allowed', () => {
    expect(parsePageNumber(' 12 ', 20)).toBe(12);
    expect(parsePageNumber('1', 1)).toBe(1);
  });

  it('refuses what is not a page of the document', () => {
    for (const typed of ['0', '21', '', 'two', '3.5', '-1', '1e3']) {
      expect(parsePageNumber(typed, 20)).toBeNull();
    }
  });
});

describe('pageAtOffset', () => {
  const tops = [0, 1000, 2000, 3000];

  it('finds the page whose area holds the reading line', () => {
    expect(pageAtOffset(tops, 0)).toBe(1);
    expect(pageAtOffset(tops, 999)).toBe(1);
    expect(pageAtOffset(tops, 1000)).toBe(2);
    expect(pageAtOffset(tops, 2500)).toBe(3);
    expect(pageAtOffset(tops, 99_999)).toBe(4);
  });

  it('gives page 1 before any page is laid out', () => {
    expect(pageAtOffset([], 500)).toBe(1);
  });
});
