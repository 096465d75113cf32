import { describe, expect, it } from 'vitest';
import { formatAuthorList } from './formatAuthorList';

const seven = ['Ahmed A', 'Brown B', 'Chen C', 'Diaz D', 'Evans E', 'Fischer F', 'Gupta G'];

describe('formatAuthorList', () => {
  it('names every author of a short list', () => {
    expect(formatAuthorList(['Ahmed A', 'Brown B'])).toBe('Ahmed A, Brown B');
    expect(formatAuthorList(seven.slice(0, 6))).toBe(
      'Ahmed A, Brown B, Chen C, Diaz D, Evans E, Fischer F',
    );
  });

  it('names the first six and "et al." once there are more', () => {
    expect(formatAuthorList(seven)).toBe(
      'Ahmed A, Brown B, Chen C, Diaz D, Evans E, Fischer F et al.',
    );
  });

  it('skips blank names before counting', () => {
    expect(formatAuthorList([' ', ...seven.slice(0, 6), ''])).toBe(
      'Ahmed A, Brown B, Chen C, Diaz D, Evans E, Fischer F',
    );
  });

  it('gives an empty string when the feed names nobody', () => {
    expect(formatAuthorList([])).toBe('');
  });
});
