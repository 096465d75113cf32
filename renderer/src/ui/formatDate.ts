/** Locale and time zone for date text; left out, the user's own settings apply. */
export interface DateTextOptions {
  locale?: string;
  timeZone?: string;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * A short date for a list row: "just now", "25 minutes ago", "yesterday", "3 days ago", then the
 * calendar date once it is a week old, when "41 days ago" would be harder to place.
 */
export function formatRelativeDate(
  iso: string | null,
  now: Date,
  options: DateTextOptions = {},
): string {
  const date = parseDate(iso);
  if (!date) return 'No date';
  const elapsed = now.getTime() - date.getTime();
  const relative = new Intl.RelativeTimeFormat(options.locale, { numeric: 'auto' });
  // A feed's clock can run a little ahead of ours; a few minutes "in the future" is still now.
  if (elapsed < MINUTE && elapsed > -5 * MINUTE) return 'just now';
  if (elapsed >= MINUTE && elapsed < HOUR)
    return relative.format(-Math.floor(elapsed / MINUTE), 'minute');
  if (elapsed >= HOUR && elapsed < DAY) return relative.format(-Math.floor(elapsed / HOUR), 'hour');
  if (elapsed >= DAY && elapsed < 7 * DAY)
    return relative.format(-Math.floor(elapsed / DAY), 'day');
  const sameYear = date.getUTCFullYear() === now.getUTCFullYear();
  return new Intl.DateTimeFormat(options.locale, {
    day: 'numeric',
    month: 'short',
    year: sameYear ? undefined : 'numeric',
    timeZone: options.timeZone,
  }).format(date);
}

/** The full date and time for the reader's byline, e.g. "12 March 2025 at 14:05". */
export function formatFullDate(iso: string | null, options: DateTextOptions = {}): string {
  const date = parseDate(iso);
  if (!date) return 'No date';
  return new Intl.DateTimeFormat(options.locale, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: options.timeZone,
  }).format(date);
}

function parseDate(iso: string | null): Date | null {
  if (iso === null) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * When something will happen, to follow a verb: "at 14:30" later today, "tomorrow at 07:00", then
 * "on 14 March at 14:30"; "soon" once the time has passed but the event has not happened yet.
 */
export function formatUpcomingTime(
  iso: string | null,
  now: Date,
  options: DateTextOptions = {},
): string {
  const date = parseDate(iso);
  if (!date || date.getTime() <= now.getTime()) return 'soon';
  const time = new Intl.DateTimeFormat(options.locale, {
    timeStyle: 'short',
    timeZone: options.timeZone,
  }).format(date);
  // Days are compared in the user's (or the given) time zone, not in UTC.
  const dayOf = (moment: Date) =>
    new Intl.DateTimeFormat('en-CA', {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      timeZone: options.timeZone,
    }).format(moment);
  const day = dayOf(date);
  if (day === dayOf(now)) return `at ${time}`;
  if (day === dayOf(new Date(now.getTime() + DAY))) return `tomorrow at ${time}`;
  const calendarDay = new Intl.DateTimeFormat(options.locale, {
    day: 'numeric',
    month: 'long',
    timeZone: options.timeZone,
  }).format(date);
  return `on ${calendarDay} at ${time}`;
}
