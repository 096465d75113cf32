// A club session happens at one instant, chosen as a wall-clock time in the club's IANA time zone
// (e.g. 19:00 in America/New_York). Members elsewhere see it in their own zone as well. Everything
// here is done with Intl.DateTimeFormat and an explicit zone, never the machine's zone, so the
// same code gives the same answers on every member's computer.

/** A zone as Intl accepts it, or a message saying why it is not one. */
export type TimeZoneCheck = { ok: true; zone: string } | { ok: false; message: string };

const EXAMPLE_ZONES = 'such as Europe/London or America/New_York';

/**
 * Checks an IANA time zone name with Intl. The name is kept as the user wrote it, only with its
 * usual capitals: ICU reports some zones under an older alias (Asia/Kolkata as Asia/Calcutta),
 * which would surprise the member who chose it.
 */
export function checkTimeZone(input: string): TimeZoneCheck {
  const name = input.trim();
  if (name.length === 0) return { ok: false, message: `Choose a time zone, ${EXAMPLE_ZONES}.` };
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return {
      ok: false,
      message: `"${name}" is not a time zone this computer knows. Use an IANA name ${EXAMPLE_ZONES}.`,
    };
  }
  const lower = name.toLowerCase();
  const listed = Intl.supportedValuesOf('timeZone').find((zone) => zone.toLowerCase() === lower);
  if (listed !== undefined) return { ok: true, zone: listed };
  return { ok: true, zone: resolved.toLowerCase() === lower ? resolved : name };
}

/** The wall clock at an instant in a zone. */
export interface ZonedParts {
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM, 24-hour */
  time: string;
  /** Minutes ahead of UTC (New York in winter: -300). */
  offsetMinutes: number;
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(zone: string): Intl.DateTimeFormat {
  let formatter = partsFormatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormatters.set(zone, formatter);
  }
  return formatter;
}

function numericParts(instantMs: number, zone: string): Record<string, number> {
  const values: Record<string, number> = {};
  for (const part of partsFormatter(zone).formatToParts(instantMs)) {
    if (part.type !== 'literal') values[part.type] = Number(part.value);
  }
  return values;
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** The date, time and offset that a clock in `zone` shows at `instantMs`. Throws on an unknown zone. */
export function zonedPartsOf(instantMs: number, zone: string): ZonedParts {
  const {
    year = 0,
    month = 1,
    day = 1,
    hour = 0,
    minute = 0,
    second = 0,
  } = numericParts(instantMs, zone);
  const wallAsUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const wholeSecond = Math.floor(instantMs / 1000) * 1000;
  return {
    date: `${pad(year, 4)}-${pad(month)}-${pad(day)}`,
    time: `${pad(hour)}:${pad(minute)}`,
    offsetMinutes: Math.round((wallAsUtc - wholeSecond) / 60_000),
  };
}

/** The calendar date (YYYY-MM-DD) in `zone` at an instant: what a CPD year is counted by. */
export function localDateIn(instantMs: number, zone: string): string {
  return zonedPartsOf(instantMs, zone).date;
}

/** A start time read from a wall clock: the instant, and whether the clock showed it twice. */
export type ZonedLocalResult =
  { ok: true; startsAt: string; ambiguous: boolean } | { ok: false; message: string };

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The instant at which a clock in `zone` shows `local` (YYYY-MM-DDTHH:MM). When clocks go back
 * the time happens twice: the first is taken and `ambiguous` says so. When they go forward it
 * never happens, and the member is asked to choose another time rather than being moved silently.
 */
export function utcFromZonedLocal(local: string, zoneInput: string): ZonedLocalResult {
  const zone = checkTimeZone(zoneInput);
  if (!zone.ok) return zone;
  const match = LOCAL_DATE_TIME.exec(local.trim());
  const notADateTime = {
    ok: false as const,
    message: `"${local}" is not a date and time; write it as YYYY-MM-DDTHH:MM, e.g. 2026-03-10T19:00.`,
  };
  if (!match) return notADateTime;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const wallAsUtc = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(wallAsUtc);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59) {
    return notADateTime;
  }
  // The offsets in force a day either side cover any transition near this time.
  const offsets = new Set(
    [wallAsUtc - DAY_MS, wallAsUtc, wallAsUtc + DAY_MS].map(
      (probe) => zonedPartsOf(probe, zone.zone).offsetMinutes,
    ),
  );
  const wanted = local.trim().replace('T', ' ');
  const instants = [...offsets]
    .map((offset) => wallAsUtc - offset * 60_000)
    .filter((instant) => {
      const parts = zonedPartsOf(instant, zone.zone);
      return `${parts.date} ${parts.time}` === wanted;
    })
    .sort((a, b) => a - b);
  const first = instants[0];
  if (first === undefined) {
    return {
      ok: false,
      message: `${pad(hour)}:${pad(minute)} on ${match[1]}-${match[2]}-${match[3]} does not exist in ${zone.zone}: the clocks go forward that night. Choose a time an hour later or earlier.`,
    };
  }
  return { ok: true, startsAt: new Date(first).toISOString(), ambiguous: instants.length > 1 };
}

/** A session's start as one zone shows it. */
export interface ZonedDisplay extends Omit<ZonedParts, 'offsetMinutes'> {
  zone: string;
  /** "UTC+05:30", "UTC−05:00" (a true minus sign, as typeset). */
  offset: string;
  /** Localised for reading, e.g. "Wed, 14 Jan 2026, 19:00 GMT-5" in en-GB. */
  text: string;
}

export type SessionTimeDescription =
  | {
      ok: true;
      session: ZonedDisplay;
      viewer: ZonedDisplay;
      /** The viewer's date minus the session's date in days (-1, 0 or 1): "the next day". */
      viewerDayShift: number;
      /** Both clocks show the same date and time, so one line is enough. */
      sameWallClock: boolean;
    }
  | { ok: false; message: string };

export interface SessionTimeQuery {
  /** The session's start, ISO 8601 with Z or an offset. */
  startsAt: string;
  /** The zone the session was planned in (the club's). */
  sessionZone: string;
  /** The zone of whoever is looking; in the window, `Intl.DateTimeFormat().resolvedOptions().timeZone`. */
  viewerZone: string;
  /** A BCP 47 locale for the readable text, e.g. the window's `navigator.language`. */
  locale: string;
}

/** Formats the offset from UTC as ±HH:MM with a real minus sign. */
export function formatUtcOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '−' : '+';
  const magnitude = Math.abs(offsetMinutes);
  return `UTC${sign}${pad(Math.floor(magnitude / 60))}:${pad(magnitude % 60)}`;
}

function displayIn(instantMs: number, zone: string, locale: string): ZonedDisplay {
  const { offsetMinutes, ...parts } = zonedPartsOf(instantMs, zone);
  const text = new Intl.DateTimeFormat(locale, {
    timeZone: zone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  }).format(instantMs);
  return { zone, ...parts, offset: formatUtcOffset(offsetMinutes), text };
}

/** A session's start shown in its own zone and in the viewer's. */
export function describeSessionTime(query: SessionTimeQuery): SessionTimeDescription {
  const instantMs = Date.parse(query.startsAt);
  if (!Number.isFinite(instantMs)) {
    return {
      ok: false,
      message: `The session’s start "${query.startsAt}" is not a date and time.`,
    };
  }
  const sessionZone = checkTimeZone(query.sessionZone);
  if (!sessionZone.ok) return sessionZone;
  const viewerZone = checkTimeZone(query.viewerZone);
  if (!viewerZone.ok) return viewerZone;
  const session = displayIn(instantMs, sessionZone.zone, query.locale);
  const viewer = displayIn(instantMs, viewerZone.zone, query.locale);
  const viewerDayShift = Math.round((Date.parse(viewer.date) - Date.parse(session.date)) / DAY_MS);
  return {
    ok: true,
    session,
    viewer,
    viewerDayShift,
    sameWallClock: viewerDayShift === 0 && session.time === viewer.time,
  };
}
