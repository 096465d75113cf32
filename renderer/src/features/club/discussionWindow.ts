import type { SessionMetadata } from '@shared/contract';
import { utcFromZonedLocal, zonedPartsOf } from '@shared/domain/club/time/zonedTime';

export type DiscussionWindow = NonNullable<SessionMetadata['discussionWindow']>;

/** The two `datetime-local` values as typed, wall clock in the session's zone ('' when empty). */
export interface DiscussionWindowDraft {
  opens: string;
  closes: string;
}

export const EMPTY_WINDOW_DRAFT: DiscussionWindowDraft = { opens: '', closes: '' };

export type DiscussionWindowRead =
  { ok: true; window: DiscussionWindow | null } | { ok: false; message: string };

/**
 * Reads the two inputs as instants in `zone`: both empty is no window; one alone, a time that
 * does not exist there, or a close before the open is refused with a sentence saying which.
 */
export function readDiscussionWindow(
  draft: DiscussionWindowDraft,
  zone: string,
): DiscussionWindowRead {
  const opens = draft.opens.trim();
  const closes = draft.closes.trim();
  if (opens === '' && closes === '') return { ok: true, window: null };
  if (opens === '' || closes === '') {
    return {
      ok: false,
      message:
        'Give both when the discussion opens and when it closes, or leave both empty for no discussion window.',
    };
  }
  const opensAt = utcFromZonedLocal(opens, zone);
  if (!opensAt.ok) return { ok: false, message: `Discussion opens: ${opensAt.message}` };
  const closesAt = utcFromZonedLocal(closes, zone);
  if (!closesAt.ok) return { ok: false, message: `Discussion closes: ${closesAt.message}` };
  if (Date.parse(closesAt.startsAt) <= Date.parse(opensAt.startsAt)) {
    return {
      ok: false,
      message: `The discussion closes (${wallClock(closesAt.startsAt, zone)}) before it opens (${wallClock(opensAt.startsAt, zone)}): choose a closing time after the opening time.`,
    };
  }
  return { ok: true, window: { opensAt: opensAt.startsAt, closesAt: closesAt.startsAt } };
}

/** The window as the two inputs show it, in the session's zone. */
export function discussionWindowDraft(
  window: DiscussionWindow | null,
  zone: string,
): DiscussionWindowDraft {
  if (window === null) return EMPTY_WINDOW_DRAFT;
  const local = (instant: string) => {
    const parts = zonedPartsOf(Date.parse(instant), zone);
    return `${parts.date}T${parts.time}`;
  };
  return { opens: local(window.opensAt), closes: local(window.closesAt) };
}

/** "Mon 9 Mar 19:00": short enough for one line, unambiguous within the year. */
export function wallClock(instant: string, zone: string): string {
  const parts: Record<string, string> = {};
  const formatter = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  for (const part of formatter.formatToParts(Date.parse(instant))) parts[part.type] = part.value;
  return `${parts.weekday} ${parts.day} ${parts.month} ${parts.hour}:${parts.minute}`;
}

export type WindowPhase = 'not-yet' | 'open' | 'closed';

export function windowPhase(window: DiscussionWindow, now: Date): WindowPhase {
  const at = now.getTime();
  if (at < Date.parse(window.opensAt)) return 'not-yet';
  if (at < Date.parse(window.closesAt)) return 'open';
  return 'closed';
}

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** "2 days", "1 hour", "5 minutes": how far off, in the largest unit that is at least one. */
function distance(ms: number): string {
  const [unit, size] =
    ms >= DAY_MS ? ['day', DAY_MS] : ms >= HOUR_MS ? ['hour', HOUR_MS] : ['minute', MINUTE_MS];
  const count = Math.max(1, Math.round(ms / size));
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

/** "opens in 2 days", "open now (closes in 5 hours)", "closed". */
export function windowRelativeText(window: DiscussionWindow, now: Date): string {
  const phase = windowPhase(window, now);
  if (phase === 'not-yet')
    return `opens in ${distance(Date.parse(window.opensAt) - now.getTime())}`;
  if (phase === 'open') {
    return `open now (closes in ${distance(Date.parse(window.closesAt) - now.getTime())})`;
  }
  return 'closed';
}

/**
 * "Discussion open from Mon 9 Mar 19:00 to Sun 15 Mar 23:00 (Europe/London)", with the viewer's
 * own clock after it when theirs shows another time.
 */
export function describeDiscussionWindow(
  window: DiscussionWindow,
  sessionZone: string,
  viewerZone: string,
): string {
  const span = (zone: string) =>
    `${wallClock(window.opensAt, zone)} to ${wallClock(window.closesAt, zone)}`;
  const inSession = `Discussion open from ${span(sessionZone)} (${sessionZone})`;
  const inViewer = span(viewerZone);
  if (inViewer === span(sessionZone)) return inSession;
  return `${inSession}; ${inViewer} in your time zone (${viewerZone})`;
}
