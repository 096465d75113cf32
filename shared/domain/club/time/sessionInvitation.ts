import { utf8ByteLength } from '../../json/jsonLimits';

// An .ics invitation (RFC 5545) for one club session, which a member saves and opens in their
// calendar. Times are written in UTC (the "Z" form): a TZID would oblige us to embed a VTIMEZONE
// with the zone's rules, and every calendar shows a UTC time in the reader's own zone anyway.
// DTSTAMP comes from an injected clock so the file is reproducible in tests.

/** What the invitation says about a session. */
export interface SessionInvitation {
  /** Stable across re-exports, so a calendar updates the event instead of adding a second one. */
  uid: string;
  /** ISO 8601 with Z or an offset. */
  startsAt: string;
  endsAt: string;
  summary: string;
  description: string;
  location?: string | undefined;
  /** The session's page, if it has a web address. */
  url?: string | undefined;
}

export type SessionInvitationResult = { ok: true; ics: string } | { ok: false; message: string };

const MAX_LINE_OCTETS = 75;

/**
 * Escapes a TEXT value: backslash, semicolon and comma get a backslash, every kind of line break
 * becomes `\n`, and other control characters (which RFC 5545 forbids in text) are dropped.
 */
export function escapeIcsText(text: string): string {
  return (
    text
      .replace(/\\/g, '\\\\')
      .replace(/;/g, '\\;')
      .replace(/,/g, '\\,')
      .replace(/\r\n|\r|\n/g, '\\n')
      // eslint-disable-next-line no-control-regex -- the point is to remove control characters
      .replace(/[\u0000-\u0008\u000A-\u001F\u007F]/g, '')
  );
}

/**
 * Folds a content line so no physical line exceeds 75 octets of UTF-8: the rest continues on the
 * next line after CRLF and one space (which counts toward that line's 75). Breaks fall between
 * code points, never inside a multi-byte character.
 */
export function foldIcsLine(line: string): string {
  const pieces: string[] = [];
  let current = '';
  let currentOctets = 0;
  for (const character of line) {
    const octets = utf8ByteLength(character);
    if (currentOctets + octets > MAX_LINE_OCTETS) {
      pieces.push(current);
      current = ' ';
      currentOctets = 1;
    }
    current += character;
    currentOctets += octets;
  }
  pieces.push(current);
  return pieces.join('\r\n');
}

/** 20260310T230000Z */
function icsUtc(instantMs: number): string {
  return new Date(instantMs)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

function instantOf(value: string, what: string): number | string {
  const instant = Date.parse(value);
  return Number.isFinite(instant)
    ? instant
    : `The session’s ${what} "${value}" is not a date and time.`;
}

/** The .ics text for a session, or a message saying what is missing or wrong. */
export function buildSessionInvitation(
  session: SessionInvitation,
  now: () => Date,
): SessionInvitationResult {
  const uid = session.uid.trim();
  if (uid.length === 0) return { ok: false, message: 'The invitation needs the session’s id.' };
  const start = instantOf(session.startsAt, 'start');
  if (typeof start === 'string') return { ok: false, message: start };
  const end = instantOf(session.endsAt, 'end');
  if (typeof end === 'string') return { ok: false, message: end };
  if (end <= start) return { ok: false, message: 'The session must end after it starts.' };
  const url = session.url?.trim();
  if (url && !/^https?:\/\/[^\s]+$/i.test(url)) {
    return { ok: false, message: 'The session’s link must be an http(s) address.' };
  }
  const location = session.location?.trim();

  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Rounds//Journal club//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${escapeIcsText(uid)}`,
    `DTSTAMP:${icsUtc(now().getTime())}`,
    `DTSTART:${icsUtc(start)}`,
    `DTEND:${icsUtc(end)}`,
    `SUMMARY:${escapeIcsText(session.summary)}`,
    `DESCRIPTION:${escapeIcsText(session.description)}`,
    ...(location ? [`LOCATION:${escapeIcsText(location)}`] : []),
    ...(url ? [`URL:${url}`] : []),
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return { ok: true, ics: lines.map(foldIcsLine).join('\r\n') + '\r\n' };
}
