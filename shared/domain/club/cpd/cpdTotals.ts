import { localDateIn } from '../time/zonedTime';
import { CPD_ENTRY_TYPES, type CpdEntry, type CpdEntryType } from './cpdEntry';

/** What "my CPD log" shows above the entries. */
export interface CpdTotals {
  total: number;
  /** Oldest year first; only years with entries. */
  byYear: { year: number; hours: number; entries: number }[];
  /** In the order types are offered; only types with entries. */
  byType: { type: CpdEntryType; hours: number; entries: number }[];
}

// Sums are kept in whole quarter hours so a thousand 0.25s add up to exactly 250.
const quartersOf = (hours: number): number => Math.round(hours * 4);

/**
 * Totals a log overall, per year and per type. An entry's year is the year of its date on the
 * member's own calendar (`memberZone`), so a session on New Year's Eve in New York counts in the
 * year the member lived it, not the year it was in UTC.
 */
export function cpdTotals(entries: readonly CpdEntry[], memberZone: string): CpdTotals {
  const years = new Map<number, { quarters: number; entries: number }>();
  const types = new Map<CpdEntryType, { quarters: number; entries: number }>();
  let totalQuarters = 0;
  for (const entry of entries) {
    const quarters = quartersOf(entry.hours);
    totalQuarters += quarters;
    const year = Number(localDateIn(Date.parse(entry.date), memberZone).slice(0, 4));
    const yearSum = years.get(year) ?? { quarters: 0, entries: 0 };
    years.set(year, { quarters: yearSum.quarters + quarters, entries: yearSum.entries + 1 });
    const typeSum = types.get(entry.type) ?? { quarters: 0, entries: 0 };
    types.set(entry.type, { quarters: typeSum.quarters + quarters, entries: typeSum.entries + 1 });
  }
  return {
    total: totalQuarters / 4,
    byYear: [...years.entries()]
      .sort(([a], [b]) => a - b)
      .map(([year, sum]) => ({ year, hours: sum.quarters / 4, entries: sum.entries })),
    byType: CPD_ENTRY_TYPES.flatMap((type) => {
      const sum = types.get(type);
      return sum ? [{ type, hours: sum.quarters / 4, entries: sum.entries }] : [];
    }),
  };
}
