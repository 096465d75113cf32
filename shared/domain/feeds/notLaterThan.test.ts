import { describe, expect, it } from 'vitest';
import { notLaterThan } from './notLaterThan';

describe('notLaterThan', () => {
  const fetchedAt = '2026-02-01T08:00:00.000Z';

  it('replaces a date after the fetch, however slightly, by the fetch time', () => {
    expect(notLaterThan('2049-01-01T00:00:00.000Z', fetchedAt)).toBe(fetchedAt);
    expect(notLaterThan('2026-02-01T08:00:00.001Z', fetchedAt)).toBe(fetchedAt);
  });

  it('keeps a date up to the fetch time, and no date as none', () => {
    expect(notLaterThan('2026-02-01T08:00:00.000Z', fetchedAt)).toBe('2026-02-01T08:00:00.000Z');
    expect(notLaterThan('2025-12-31T23:00:00.000Z', fetchedAt)).toBe('2025-12-31T23:00:00.000Z');
    expect(notLaterThan(null, fetchedAt)).toBeNull();
  });
});
