import { describe, expect, it } from 'vitest';
import { truncateAtWord } from './truncateAtWord';

describe('truncateAtWord', () => {
  it('leaves text that fits alone', () => {
    expect(truncateAtWord('Aspirin for primary prevention', 30)).toBe(
      'Aspirin for primary prevention',
    );
  });

  it('cuts at the last word boundary and counts the ellipsis in the length', () => {
    const result = truncateAtWord('Aspirin for primary prevention', 25);

    expect(result).toBe('Aspirin for primary…');
    expect(result.length).toBeLessThanOrEqual(25);
  });

  it('cuts a single very long word hard rather than returning only the ellipsis', () => {
    expect(truncateAtWord('x'.repeat(50), 10)).toBe(`${'x'.repeat(9)}…`);
  });

  it('never splits an emoji in half', () => {
    expect(truncateAtWord(`${'a'.repeat(8)}😀😀`, 10)).toBe(`${'a'.repeat(8)}…`);
  });
});
