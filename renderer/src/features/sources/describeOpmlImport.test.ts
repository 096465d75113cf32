import { describe, expect, it } from 'vitest';
import { describeOpmlImport } from './describeOpmlImport';

const skipped = (count: number) =>
  Array.from({ length: count }, (_, index) => ({
    title: `Outline ${index}`,
    reason: 'No address',
  }));

describe('describeOpmlImport', () => {
  it('reports every non-zero part', () => {
    expect(describeOpmlImport({ added: 18, alreadySubscribed: 2, skipped: skipped(1) })).toBe(
      'Added 18 feeds · 2 already subscribed · 1 skipped',
    );
  });

  it('always says how many were added, in the singular for one', () => {
    expect(describeOpmlImport({ added: 1, alreadySubscribed: 0, skipped: [] })).toBe(
      'Added 1 feed',
    );
    expect(describeOpmlImport({ added: 0, alreadySubscribed: 3, skipped: [] })).toBe(
      'Added 0 feeds · 3 already subscribed',
    );
  });

  it('says plainly when the file had nothing to import', () => {
    expect(describeOpmlImport({ added: 0, alreadySubscribed: 0, skipped: [] })).toBe(
      'That file lists no feeds to import',
    );
  });
});
