import { describe, expect, it } from 'vitest';
import { excerptFromText, MAX_EXCERPT_LENGTH } from './excerptFromText';

describe('excerptFromText', () => {
  it('puts the text on one line and caps it at 280 characters', () => {
    const excerpt = excerptFromText(`Background\n\n${'Results were consistent. '.repeat(30)}`);

    expect(excerpt.length).toBeLessThanOrEqual(MAX_EXCERPT_LENGTH);
    expect(excerpt.startsWith('Background Results were consistent.')).toBe(true);
    expect(excerpt.endsWith('…')).toBe(true);
  });

  it('leaves short text whole', () => {
    expect(excerptFromText('  Short note.  ')).toBe('Short note.');
  });
});
