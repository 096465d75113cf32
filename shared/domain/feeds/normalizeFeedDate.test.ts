import { describe, expect, it } from 'vitest';
import { normalizeFeedDate } from './normalizeFeedDate';

describe('normalizeFeedDate', () => {
  it('reads RFC 822 dates with numeric offsets and zone names', () => {
    expect(normalizeFeedDate('Tue, 02 Jan 2024 10:00:00 +0000')).toBe('2024-01-02T10:00:00.000Z');
    expect(normalizeFeedDate('Tue, 02 Jan 2024 10:00:00 +0130')).toBe('2024-01-02T08:30:00.000Z');
    expect(normalizeFeedDate('Tue, 02 Jan 2024 10:00:00 GMT')).toBe('2024-01-02T10:00:00.000Z');
    expect(normalizeFeedDate('Tue, 02 Jan 2024 10:00:00 EST')).toBe('2024-01-02T15:00:00.000Z');
    expect(normalizeFeedDate('Mon, 1 Jul 2024 23:30 PDT')).toBe('2024-07-02T06:30:00.000Z');
  });

  it('tolerates the slips feeds make: no weekday, full month names, two-digit years, no seconds', () => {
    expect(normalizeFeedDate('2 January 2024 10:00 +01:00')).toBe('2024-01-02T09:00:00.000Z');
    expect(normalizeFeedDate('Thursday, 05 Sept 24 08:15:00 GMT')).toBe('2024-09-05T08:15:00.000Z');
    expect(normalizeFeedDate('Jan 2, 2024 10:00:00 PST')).toBe('2024-01-02T18:00:00.000Z');
    expect(normalizeFeedDate('02 Jan 99 00:00:00 +0000')).toBe('1999-01-02T00:00:00.000Z');
  });

  it('reads ISO 8601 dates with Z, offsets, fractions or date only', () => {
    expect(normalizeFeedDate('2024-03-10T08:00:00Z')).toBe('2024-03-10T08:00:00.000Z');
    expect(normalizeFeedDate('2024-03-10T08:00:00.25-05:00')).toBe('2024-03-10T13:00:00.250Z');
    expect(normalizeFeedDate('2024-03-10 08:00:00+0200')).toBe('2024-03-10T06:00:00.000Z');
    expect(normalizeFeedDate('2024-03-10')).toBe('2024-03-10T00:00:00.000Z');
  });

  it('reads a date without a zone as UTC, whatever the machine time zone', () => {
    expect(normalizeFeedDate('2024-03-10T08:00:00')).toBe('2024-03-10T08:00:00.000Z');
    expect(normalizeFeedDate('Sun, 10 Mar 2024 08:00:00')).toBe('2024-03-10T08:00:00.000Z');
  });

  it('returns null for what is not a date rather than guessing', () => {
    expect(normalizeFeedDate('')).toBeNull();
    expect(normalizeFeedDate('yesterday')).toBeNull();
    expect(normalizeFeedDate('2024-02-30T10:00:00Z')).toBeNull();
    expect(normalizeFeedDate('31 Foo 2024')).toBeNull();
    expect(normalizeFeedDate('2024-01-02T25:00:00Z')).toBeNull();
    expect(normalizeFeedDate('2024-01-02T10:00:00 +99:00')).toBeNull();
  });
});
