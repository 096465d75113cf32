import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { utf8ByteLength } from '../../json/jsonLimits';
import {
  buildSessionInvitation,
  escapeIcsText,
  foldIcsLine,
  type SessionInvitation,
} from './sessionInvitation';

// A small reader for what a calendar does with the file: unfold, split name;params:value, unescape.
function unfold(ics: string): string[] {
  return ics
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter((line) => line.length > 0);
}

function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, character: string) =>
    character.toLowerCase() === 'n' ? '\n' : character,
  );
}

function propertiesOf(ics: string): Map<string, string[]> {
  const properties = new Map<string, string[]>();
  for (const line of unfold(ics)) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).split(';')[0] ?? '';
    properties.set(name, [...(properties.get(name) ?? []), line.slice(colon + 1)]);
  }
  return properties;
}

const fixedClock = () => new Date('2026-02-01T09:08:07.654Z');

const session: SessionInvitation = {
  uid: 'session-42@rounds.club',
  startsAt: '2026-03-10T23:00:00.000Z',
  endsAt: '2026-03-11T00:00:00.000Z',
  summary: '#NephJC: SGLT2 inhibitors, CKD; the EMPA-KIDNEY trial',
  description:
    'Paper: Empagliflozin in Patients with Chronic Kidney Disease. N Engl J Med 2023;388:117-127.\nPresenter: Dr Ana Müller\nRead the paper and fill in the appraisal beforehand, please — it helps everyone.',
  location: 'Online (link in the club page)',
  url: 'https://example.org/club/nephjc/session-42',
};

describe('buildSessionInvitation', () => {
  it('writes one VEVENT inside a VCALENDAR, with CRLF line ends', () => {
    const result = buildSessionInvitation(session, fixedClock);
    if (!result.ok) throw new Error(result.message);
    const lines = unfold(result.ics);
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines).toContain('VERSION:2.0');
    expect(lines.some((line) => line.startsWith('PRODID:'))).toBe(true);
    expect(lines.filter((line) => line === 'BEGIN:VEVENT')).toHaveLength(1);
    expect(lines.at(-1)).toBe('END:VCALENDAR');
    expect(result.ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(result.ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('parses back to the same session: times in UTC, DTSTAMP from the injected clock, text unescaped', () => {
    const result = buildSessionInvitation(session, fixedClock);
    if (!result.ok) throw new Error(result.message);
    const properties = propertiesOf(result.ics);
    expect(properties.get('UID')).toEqual(['session-42@rounds.club']);
    expect(properties.get('DTSTAMP')).toEqual(['20260201T090807Z']);
    expect(properties.get('DTSTART')).toEqual(['20260310T230000Z']);
    expect(properties.get('DTEND')).toEqual(['20260311T000000Z']);
    expect(properties.get('SUMMARY')?.map(unescapeText)).toEqual([session.summary]);
    expect(properties.get('DESCRIPTION')?.map(unescapeText)).toEqual([session.description]);
    expect(properties.get('LOCATION')?.map(unescapeText)).toEqual([session.location]);
    expect(properties.get('URL')).toEqual([session.url]);
  });

  it('escapes commas, semicolons, backslashes and newlines in text', () => {
    const result = buildSessionInvitation(session, fixedClock);
    if (!result.ok) throw new Error(result.message);
    const summary = propertiesOf(result.ics).get('SUMMARY')?.[0];
    expect(summary).toBe('#NephJC: SGLT2 inhibitors\\, CKD\\; the EMPA-KIDNEY trial');
    expect(escapeIcsText('a\\b\r\nc\nd\re')).toBe('a\\\\b\\nc\\nd\\ne');
  });

  it('folds every line to at most 75 octets without splitting a character', () => {
    const long: SessionInvitation = {
      ...session,
      description: `${'Müller’s appraisal — 😀 '.repeat(20)}end`,
    };
    const result = buildSessionInvitation(long, fixedClock);
    if (!result.ok) throw new Error(result.message);
    const physical = result.ics.split('\r\n');
    expect(physical.length).toBeGreaterThan(unfold(result.ics).length);
    for (const line of physical) expect(utf8ByteLength(line)).toBeLessThanOrEqual(75);
    expect(result.ics).not.toContain('\uFFFD');
    expect(propertiesOf(result.ics).get('DESCRIPTION')?.map(unescapeText)).toEqual([
      long.description,
    ]);
  });

  it('leaves a line of exactly 75 octets whole and folds the 76th onto a continuation line', () => {
    const exactly = `SUMMARY:${'x'.repeat(67)}`;
    expect(foldIcsLine(exactly)).toBe(exactly);
    expect(foldIcsLine(`${exactly}y`)).toBe(`${exactly}\r\n y`);
  });

  it('refuses a session that ends before it starts, or has no start, with a clear message', () => {
    expect(buildSessionInvitation({ ...session, endsAt: session.startsAt }, fixedClock)).toEqual({
      ok: false,
      message: 'The session must end after it starts.',
    });
    expect(buildSessionInvitation({ ...session, startsAt: 'next Tuesday' }, fixedClock)).toEqual({
      ok: false,
      message: 'The session’s start "next Tuesday" is not a date and time.',
    });
    expect(buildSessionInvitation({ ...session, uid: ' ' }, fixedClock)).toEqual({
      ok: false,
      message: 'The invitation needs the session’s id.',
    });
    expect(buildSessionInvitation({ ...session, url: 'javascript:alert(1)' }, fixedClock)).toEqual({
      ok: false,
      message: 'The session’s link must be an http(s) address.',
    });
  });

  it('leaves out LOCATION and URL when there are none', () => {
    const result = buildSessionInvitation(
      { ...session, location: undefined, url: undefined },
      fixedClock,
    );
    if (!result.ok) throw new Error(result.message);
    const properties = propertiesOf(result.ics);
    expect(properties.has('LOCATION')).toBe(false);
    expect(properties.has('URL')).toBe(false);
  });
});

// What RFC 5545 text can hold of any string: line breaks as LF, no other control characters.
function withoutControls(text: string): string {
  // eslint-disable-next-line no-control-regex -- removing them is the point
  return text.replace(/\r\n|\r/g, '\n').replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '');
}

describe('buildSessionInvitation with any text', () => {
  test.prop([fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' })])(
    'folds to 75 octets and parses back to the text without its control characters',
    (summary, description) => {
      const result = buildSessionInvitation({ ...session, summary, description }, fixedClock);
      if (!result.ok) throw new Error(result.message);
      for (const line of result.ics.split('\r\n'))
        expect(utf8ByteLength(line)).toBeLessThanOrEqual(75);
      const properties = propertiesOf(result.ics);
      expect(properties.get('SUMMARY')?.map(unescapeText)).toEqual([withoutControls(summary)]);
      expect(properties.get('DESCRIPTION')?.map(unescapeText)).toEqual([
        withoutControls(description),
      ]);
    },
  );
});
