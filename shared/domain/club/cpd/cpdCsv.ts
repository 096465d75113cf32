import { localDateIn } from '../time/zonedTime';
import { CPD_ENTRY_TYPE_LABELS, type CpdEntry } from './cpdEntry';
import { writeCsv } from './csv';

/** The export's columns, in order; docs/club/cpd.md says what each holds. */
export const CPD_CSV_COLUMNS = [
  'Date',
  'Session',
  'Citation',
  'Type',
  'Hours',
  'What I learned',
  'What I will change',
  'Reported to',
  'Session ID',
  'Entry ID',
] as const;

/**
 * A member's CPD log as a CSV file's text, oldest entry first. Dates are the member's calendar
 * dates (YYYY-MM-DD in `memberZone`), matching the per-year totals. Hours are written with a
 * decimal point and are always positive, so that column never needs the formula escape.
 */
export function cpdLogCsv(entries: readonly CpdEntry[], memberZone: string): string {
  const ordered = [...entries].sort(
    (a, b) => Date.parse(a.date) - Date.parse(b.date) || a.id.localeCompare(b.id),
  );
  return writeCsv([
    CPD_CSV_COLUMNS,
    ...ordered.map((entry) => [
      localDateIn(Date.parse(entry.date), memberZone),
      entry.session.title,
      entry.citation,
      CPD_ENTRY_TYPE_LABELS[entry.type],
      String(entry.hours),
      entry.reflection.learned,
      entry.reflection.willChange,
      entry.reportedTo,
      entry.session.id,
      entry.id,
    ]),
  ]);
}
