import { describe, expect, it } from 'vitest';
import { MAX_DERIVED_TITLE_LENGTH, titleFromText } from './titleFromText';

describe('titleFromText', () => {
  it('uses the first non-blank line with whitespace collapsed', () => {
    expect(titleFromText('\n   \n  New   guideline on\tsepsis \nSecond line')).toBe(
      'New guideline on sepsis',
    );
  });

  it('shortens a long first line at a word boundary', () => {
    const title = titleFromText('word '.repeat(60));

    expect(title?.length).toBeLessThanOrEqual(MAX_DERIVED_TITLE_LENGTH);
    expect(title).toMatch(/word…$/);
  });

  it('returns null when there is no text at all', () => {
    expect(titleFromText(' \n\t ')).toBeNull();
  });
});
