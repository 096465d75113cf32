const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Offsets in minutes of the zone names feeds actually use (RFC 822 and common abbreviations). */
// prettier-ignore
const ZONE_OFFSETS: Record<string, number> = {
  z: 0, ut: 0, utc: 0, gmt: 0,
  est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420,
  akst: -540, akdt: -480, hst: -600,
  wet: 0, west: 60, bst: 60, cet: 60, cest: 120, eet: 120, eest: 180,
  jst: 540, aest: 600, aedt: 660,
};

const ISO_8601 =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(.*))?$/i;
// "Tue, 02 Jan 2024 10:00:00 +0000", "2 January 2024 10:00 GMT" (RFC 822 / 2822 and relatives).
const DAY_MONTH_YEAR =
  /^(?:[a-z]+\b\.?,?\s*)?(\d{1,2})[\s-]+([a-z]+)\.?[\s-]+(\d{2,4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*(.*)$/i;
// "Jan 2, 2024 10:00:00 PST", "Tuesday, January 2 2024".
const MONTH_DAY_YEAR =
  /^(?:[a-z]+\b\.?,?\s*)?([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*(.*)$/i;

interface DateParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** Minutes east of UTC. */
  offset: number;
}

/**
 * Reads a date as feeds write it (RFC 822 / 2822 in RSS, ISO 8601 in Atom and Dublin Core, plus
 * common slips) and returns it as an ISO 8601 UTC string, or null when it cannot be read.
 *
 * A date without a time zone is taken as UTC rather than as the machine's local time, so the same
 * feed gives the same dates on every computer. Unknown zone names are also read as UTC.
 */
export function normalizeFeedDate(raw: string): string | null {
  const text = raw.trim().replace(/\s+/g, ' ');
  if (text === '') return null;
  const parts = readIso8601(text) ?? readDayMonthYear(text) ?? readMonthDayYear(text);
  return parts ? toIsoString(parts) : null;
}

function readIso8601(text: string): DateParts | null {
  const m = ISO_8601.exec(text);
  if (!m) return null;
  const offset = readZone(m[8] ?? '');
  if (offset === null) return null;
  return {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: Number(m[4] ?? 0),
    minute: Number(m[5] ?? 0),
    second: Number(m[6] ?? 0),
    millisecond: Math.round(Number(`0.${m[7] ?? '0'}`) * 1000),
    offset,
  };
}

function readDayMonthYear(text: string): DateParts | null {
  const m = DAY_MONTH_YEAR.exec(text);
  if (!m) return null;
  return partsFromWords(m[3], m[2], m[1], m[4], m[5], m[6], m[7]);
}

function readMonthDayYear(text: string): DateParts | null {
  const m = MONTH_DAY_YEAR.exec(text);
  if (!m) return null;
  return partsFromWords(m[3], m[1], m[2], m[4], m[5], m[6], m[7]);
}

function partsFromWords(
  year: string | undefined,
  monthName: string | undefined,
  day: string | undefined,
  hour: string | undefined,
  minute: string | undefined,
  second: string | undefined,
  zone: string | undefined,
): DateParts | null {
  const month = MONTHS.indexOf((monthName ?? '').slice(0, 3).toLowerCase()) + 1;
  const offset = readZone(zone ?? '');
  if (month === 0 || offset === null) return null;
  return {
    year: expandYear(Number(year)),
    month,
    day: Number(day),
    hour: Number(hour ?? 0),
    minute: Number(minute ?? 0),
    second: Number(second ?? 0),
    millisecond: 0,
    offset,
  };
}

/** Two-digit years as RFC 2822 reads them: 00–49 are 20xx, 50–99 are 19xx. */
function expandYear(year: number): number {
  if (year >= 100) return year;
  return year < 50 ? 2000 + year : 1900 + year;
}

/** Minutes east of UTC for a zone designator; 0 when absent or unknown; null when malformed. */
function readZone(zone: string): number | null {
  const text = zone.trim().replace(/^\(|\)$/g, '');
  if (text === '') return 0;
  const numeric = /^(?:gmt|utc)?\s*([+-])(\d{2}):?(\d{2})?$/i.exec(text);
  if (numeric) {
    const minutes = Number(numeric[2]) * 60 + Number(numeric[3] ?? 0);
    if (minutes > 18 * 60) return null;
    return numeric[1] === '-' ? -minutes : minutes;
  }
  if (/^[a-z]{1,5}$/i.test(text)) return ZONE_OFFSETS[text.toLowerCase()] ?? 0;
  return null;
}

function toIsoString(parts: DateParts): string | null {
  const { year, month, day, hour, minute, millisecond, offset } = parts;
  // A leap second (":60") is kept as the last second of the minute.
  const second = Math.min(parts.second, 59);
  if (month < 1 || month > 12 || day < 1 || hour > 24 || minute > 59) return null;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  if (hour === 24 && (minute > 0 || second > 0)) return null;
  const time = Date.UTC(year, month - 1, day, hour, minute, second, millisecond) - offset * 60_000;
  const date = new Date(time);
  return Number.isNaN(time) || year < 1000 ? null : date.toISOString();
}
