import { describe, expect, it } from 'vitest';
import { findInPdfText, MAX_FIND_MATCHES } from './findInPdfText';

const PAGES = [
  'Heart failure with\nreduced ejection',
  'No match here',
  'HEART   FAILURE; heart\nfailure',
];

describe('findInPdfText', () => {
  it('finds every match in reading order with its page and offsets in that page’s text', () => {
    const matches = findInPdfText(PAGES, 'heart failure');

    expect(matches).toEqual([
      { page: 1, start: 0, end: 13 },
      { page: 3, start: 0, end: 15 },
      { page: 3, start: 17, end: 30 },
    ]);
    expect(matches.map(({ page, start, end }) => PAGES[page - 1]?.slice(start, end))).toEqual([
      'Heart failure',
      'HEART   FAILURE',
      'heart\nfailure',
    ]);
  });

  it('ignores accents and case in both the text and the query', () => {
    const matches = findInPdfText(['Études de méta-analyse', 'ETUDES'], '  etudes ');

    expect(matches).toEqual([
      { page: 1, start: 0, end: 6 },
      { page: 2, start: 0, end: 6 },
    ]);
  });

  it('keeps offsets right after characters outside the basic plane', () => {
    const text = '𝛼-blockers and 𝛽-blockers';
    const [, second] = findInPdfText([text], '-blockers');

    expect(second && text.slice(second.start, second.end)).toBe('-blockers');
    expect(second?.start).toBe(text.indexOf('-blockers', 5));
  });

  it('counts matches that do not overlap', () => {
    expect(findInPdfText(['aaaa'], 'aa')).toHaveLength(2);
  });

  it('finds nothing for an empty or blank query', () => {
    expect(findInPdfText(PAGES, '')).toEqual([]);
    expect(findInPdfText(PAGES, '  \n')).toEqual([]);
  });

  it('stops at a bounded number of matches', () => {
    expect(findInPdfText(['e'.repeat(MAX_FIND_MATCHES + 5)], 'e')).toHaveLength(MAX_FIND_MATCHES);
  });
});
