import { describe, expect, it } from 'vitest';
import { repairStateShard } from './repairStateShard';

describe('repairStateShard', () => {
  it('keeps marks and leaves out items without any mark', () => {
    const result = repairStateShard({
      schemaVersion: 1,
      states: {
        a: { read: true, starred: false },
        b: { read: false, starred: true },
        c: { read: false, starred: false },
      },
    });
    expect(result.document.states).toEqual({
      a: { read: true, starred: false },
      b: { read: false, starred: true },
    });
    expect(result.dropped).toBe(0);
  });

  it('counts only a literal true as a mark', () => {
    const { document } = repairStateShard({
      states: { a: { read: 'yes', starred: 1 }, b: { read: true } },
    });
    expect(document.states).toEqual({ b: { read: true, starred: false } });
  });

  it('drops values that are not objects', () => {
    const result = repairStateShard({ states: { a: true, b: null, c: [1] } });
    expect(result.document.states).toEqual({});
    expect(result.dropped).toBe(3);
  });
});
