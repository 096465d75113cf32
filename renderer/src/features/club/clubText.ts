import type { ClubSyncState, SessionSummary } from '@shared/contract';
import { describeSessionTime } from '@shared/domain/club/time/zonedTime';

/** How each sync status reads wherever the club's sync state is shown (the e2e journeys read it). */
const SYNC_WORDS: Record<ClubSyncState['status'], string> = {
  connected: 'Sync: connected',
  connecting: 'Sync: connecting…',
  offline: 'Sync: offline — your changes are kept and sent when the server is back',
  off: 'Sync: off — exchange bundles to share',
};

/** The club's sync state in one line, with the last problem when there is one. */
export function describeSync(sync: ClubSyncState): string {
  const words = SYNC_WORDS[sync.status];
  return sync.problem ? `${words} (${sync.problem})` : words;
}

export const SESSION_STATUS_NAMES: Record<SessionSummary['status'], string> = {
  planned: 'Planned',
  reading: 'Reading',
  live: 'Live',
  closed: 'Closed',
};

/** The zone of whoever is looking, so a session's time can be shown in theirs too. */
export function windowTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

const DAY_SHIFT_WORDS: Record<number, string> = { [-1]: ' the day before', 1: ' the next day' };

/**
 * A session's start in its own zone and, when the clock there differs, in the viewer's:
 * "Wed, 9 Dec 2026, 19:00 GMT; 14:00 in your time zone (America/New_York)".
 */
export function describeStart(
  startsAt: string | null,
  sessionZone: string | null,
  viewerZone: string,
): string {
  if (startsAt === null) return 'Not scheduled yet';
  const zone = sessionZone ?? viewerZone;
  const time = describeSessionTime({
    startsAt,
    sessionZone: zone,
    viewerZone,
    locale: navigator.language || 'en-GB',
  });
  if (!time.ok) return time.message;
  const inSessionZone = `${time.session.text} (${zone})`;
  if (time.sameWallClock) return inSessionZone;
  const shift = DAY_SHIFT_WORDS[time.viewerDayShift] ?? '';
  return `${inSessionZone}; ${time.viewer.time}${shift} in your time zone (${viewerZone})`;
}
