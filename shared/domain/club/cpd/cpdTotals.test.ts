import { describe, expect, it } from 'vitest';
import type { CpdEntry } from './cpdEntry';
import { cpdTotals } from './cpdTotals';

function entry(id: string, date: string, hours: number, type: CpdEntry['type']): CpdEntry {
  return {
    id,
    date,
    session: { id: `session-${id}`, title: `Session ${id}` },
    citation: 'A paper.',
    hours,
    type,
    reflection: { learned: '', willChange: '' },
    reportedTo: 'GMC',
  };
}

// 20:00 UTC on New Year's Eve is still 2026 in New York but already 2027 in Kolkata.
const log = [
  entry('a', '2026-03-10T23:00:00Z', 1.25, 'journal-club-live'),
  entry('b', '2026-12-31T20:00:00Z', 0.75, 'journal-club-asynchronous'),
  entry('c', '2027-02-01T12:00:00Z', 0.5, 'reading'),
  entry('d', '2026-06-01T12:00:00Z', 0.25, 'journal-club-live'),
];

describe('cpdTotals', () => {
  it('counts each entry in the year of its date in the member’s zone', () => {
    expect(cpdTotals(log, 'America/New_York').byYear).toEqual([
      { year: 2026, hours: 2.25, entries: 3 },
      { year: 2027, hours: 0.5, entries: 1 },
    ]);
    expect(cpdTotals(log, 'Asia/Kolkata').byYear).toEqual([
      { year: 2026, hours: 1.5, entries: 2 },
      { year: 2027, hours: 1.25, entries: 2 },
    ]);
  });

  it('totals per type in the order types are offered, leaving out types with no entries', () => {
    expect(cpdTotals(log, 'Europe/London').byType).toEqual([
      { type: 'journal-club-live', hours: 1.5, entries: 2 },
      { type: 'journal-club-asynchronous', hours: 0.75, entries: 1 },
      { type: 'reading', hours: 0.5, entries: 1 },
    ]);
  });

  it('adds quarter hours exactly, however many entries there are', () => {
    const many = Array.from({ length: 1000 }, (_, index) =>
      entry(String(index), '2026-05-05T10:00:00Z', 0.25, 'reading'),
    );
    expect(cpdTotals(many, 'Europe/London').total).toBe(250);
  });

  it('gives zeros for an empty log', () => {
    expect(cpdTotals([], 'Europe/London')).toEqual({ total: 0, byYear: [], byType: [] });
  });
});
