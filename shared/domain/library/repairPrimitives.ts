/** The earliest representable time, used when a record has no usable date at all. */
export const EPOCH_ISO = '1970-01-01T00:00:00.000Z';

// Dates beyond ±8.64e15 ms make `toISOString` throw; a repair must never throw.
const MAX_TIME_MS = 8.64e15;
// What Rounds itself writes; recognising it skips reformatting 100,000 dates on every load.
const CANONICAL_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** True for a JSON object (not null, not an array). */
export function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value when it is a non-empty string, otherwise null. Ids are kept exactly as they are. */
export function nonEmptyText(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

/** The value when it is a string with visible text, otherwise null. */
export function nullableText(value: unknown): string | null {
  return typeof value === 'string' && value.trim().length > 0 ? value : null;
}

/** The value when it is a string (possibly empty), otherwise the fallback. */
export function textOr(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}

/**
 * A date in canonical ISO 8601 UTC form (`2026-01-02T03:04:05.000Z`), or null when the value is
 * not a date. Accepts any string `Date.parse` understands and epoch milliseconds, so dates written
 * by hand or by older builds still sort correctly.
 */
export function isoDateOrNull(value: unknown): string | null {
  let time: number;
  if (typeof value === 'string') {
    time = Date.parse(value);
    // Date.parse rolls 30 February over to March; such a date is rewritten below.
    if (CANONICAL_ISO.test(value) && new Date(time).getUTCDate() === Number(value.slice(8, 10))) {
      return value;
    }
  } else if (typeof value === 'number') time = value;
  else return null;
  if (!Number.isFinite(time) || Math.abs(time) > MAX_TIME_MS) return null;
  return new Date(time).toISOString();
}

/** An http(s) address, or null: other schemes (javascript:, file:) are never kept as links. */
export function webAddressOrNull(value: unknown): string | null {
  const text = nullableText(value);
  return text !== null && /^https?:\/\//i.test(text.trim()) ? text.trim() : null;
}

/**
 * The list a document keeps under `key`: the property when it is an array, the value itself when
 * the whole file is a bare array (the shape of a hand-made file), otherwise null.
 */
export function listIn(raw: unknown, key: string): unknown[] | null {
  if (Array.isArray(raw)) return raw;
  if (isPlainRecord(raw) && Array.isArray(raw[key])) return raw[key];
  return null;
}

/** The object a document keeps under `key`, or null when there is none. */
export function mapIn(raw: unknown, key: string): Record<string, unknown> | null {
  if (isPlainRecord(raw) && isPlainRecord(raw[key])) return raw[key];
  return null;
}

/**
 * Repairs every entry of a list with `repairRecord`, dropping entries it rejects and later
 * duplicates of an id (the first one wins, as it was the one readers saw first).
 */
export function repairUniqueRecords<T extends { id: string }>(
  list: readonly unknown[] | null,
  repairRecord: (entry: unknown) => T | null,
): { records: T[]; dropped: number } {
  const records: T[] = [];
  const seen = new Set<string>();
  let dropped = 0;
  for (const entry of list ?? []) {
    const record = repairRecord(entry);
    if (record === null || seen.has(record.id)) {
      dropped += 1;
      continue;
    }
    seen.add(record.id);
    records.push(record);
  }
  return { records, dropped };
}
