import { describe, expect, it } from 'vitest';
import {
  checkTimeZone,
  describeSessionTime,
  localDateIn,
  utcFromZonedLocal,
  zonedPartsOf,
} from './zonedTime';

const NEW_YORK = 'America/New_York';
const LONDON = 'Europe/London';
const KOLKATA = 'Asia/Kolkata';

describe('checkTimeZone', () => {
  it('accepts IANA zones and keeps their usual spelling', () => {
    expect(checkTimeZone(NEW_YORK)).toEqual({ ok: true, zone: NEW_YORK });
    expect(checkTimeZone(' europe/london ')).toEqual({ ok: true, zone: LONDON });
    expect(checkTimeZone(KOLKATA)).toEqual({ ok: true, zone: KOLKATA });
    expect(checkTimeZone('UTC')).toEqual({ ok: true, zone: 'UTC' });
  });

  it('names an unknown zone and shows what a valid one looks like', () => {
    const result = checkTimeZone('Mars/Olympus_Mons');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toBe(
      '"Mars/Olympus_Mons" is not a time zone this computer knows. Use an IANA name such as Europe/London or America/New_York.',
    );
  });

  it('asks for a zone when none is given', () => {
    expect(checkTimeZone('  ')).toEqual({
      ok: false,
      message: 'Choose a time zone, such as Europe/London or America/New_York.',
    });
  });
});

describe('zonedPartsOf and localDateIn', () => {
  const instant = Date.parse('2026-03-10T23:30:00Z');

  it('gives the wall clock and offset in each zone', () => {
    expect(zonedPartsOf(instant, NEW_YORK)).toEqual({
      date: '2026-03-10',
      time: '19:30',
      offsetMinutes: -240,
    });
    expect(zonedPartsOf(instant, LONDON)).toEqual({
      date: '2026-03-10',
      time: '23:30',
      offsetMinutes: 0,
    });
    expect(zonedPartsOf(instant, KOLKATA)).toEqual({
      date: '2026-03-11',
      time: '05:00',
      offsetMinutes: 330,
    });
  });

  it('puts a New Year’s Eve evening in different years by zone', () => {
    const evening = Date.parse('2026-12-31T20:00:00Z');
    expect(localDateIn(evening, NEW_YORK)).toBe('2026-12-31');
    expect(localDateIn(evening, KOLKATA)).toBe('2027-01-01');
  });
});

describe('utcFromZonedLocal', () => {
  it('reads a local time in each zone', () => {
    expect(utcFromZonedLocal('2026-01-15T19:00', NEW_YORK)).toEqual({
      ok: true,
      startsAt: '2026-01-16T00:00:00.000Z',
      ambiguous: false,
    });
    expect(utcFromZonedLocal('2026-07-15T19:00', LONDON)).toEqual({
      ok: true,
      startsAt: '2026-07-15T18:00:00.000Z',
      ambiguous: false,
    });
    expect(utcFromZonedLocal('2026-07-15T19:00', KOLKATA)).toEqual({
      ok: true,
      startsAt: '2026-07-15T13:30:00.000Z',
      ambiguous: false,
    });
  });

  it('refuses a time skipped when clocks go forward, saying so', () => {
    // New York springs forward at 02:00 on 8 March 2026; London at 01:00 on 29 March 2026.
    expect(utcFromZonedLocal('2026-03-08T02:30', NEW_YORK)).toEqual({
      ok: false,
      message:
        '02:30 on 2026-03-08 does not exist in America/New_York: the clocks go forward that night. Choose a time an hour later or earlier.',
    });
    expect(utcFromZonedLocal('2026-03-29T01:15', LONDON).ok).toBe(false);
  });

  it('takes the first of the two times repeated when clocks go back, and says it is ambiguous', () => {
    // New York falls back at 02:00 on 1 November 2026, so 01:30 happens at -04:00 then -05:00.
    expect(utcFromZonedLocal('2026-11-01T01:30', NEW_YORK)).toEqual({
      ok: true,
      startsAt: '2026-11-01T05:30:00.000Z',
      ambiguous: true,
    });
    expect(utcFromZonedLocal('2026-10-25T01:30', LONDON)).toEqual({
      ok: true,
      startsAt: '2026-10-25T00:30:00.000Z',
      ambiguous: true,
    });
  });

  it('explains malformed input and unknown zones', () => {
    expect(utcFromZonedLocal('2026-02-30T19:00', LONDON)).toEqual({
      ok: false,
      message:
        '"2026-02-30T19:00" is not a date and time; write it as YYYY-MM-DDTHH:MM, e.g. 2026-03-10T19:00.',
    });
    expect(utcFromZonedLocal('tomorrow', LONDON).ok).toBe(false);
    const unknown = utcFromZonedLocal('2026-02-10T19:00', 'Nowhere/City');
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.message).toContain('"Nowhere/City" is not a time zone');
  });
});

describe('describeSessionTime', () => {
  it('shows a New York session in London and Kolkata, with the day it falls on', () => {
    const startsAt = '2026-01-15T00:00:00.000Z'; // 19:00 on 14 January in New York
    const inLondon = describeSessionTime({
      startsAt,
      sessionZone: NEW_YORK,
      viewerZone: LONDON,
      locale: 'en-GB',
    });
    if (!inLondon.ok) throw new Error(inLondon.message);
    expect(inLondon.session).toMatchObject({
      zone: NEW_YORK,
      date: '2026-01-14',
      time: '19:00',
      offset: 'UTC−05:00',
    });
    expect(inLondon.viewer).toMatchObject({
      zone: LONDON,
      date: '2026-01-15',
      time: '00:00',
      offset: 'UTC+00:00',
    });
    expect(inLondon.viewerDayShift).toBe(1);
    expect(inLondon.sameWallClock).toBe(false);
    expect(inLondon.session.text).toContain('14 Jan 2026');
    expect(inLondon.session.text).toContain('19:00');
    expect(inLondon.viewer.text).toContain('15 Jan 2026');

    const inKolkata = describeSessionTime({
      startsAt,
      sessionZone: NEW_YORK,
      viewerZone: KOLKATA,
      locale: 'en-GB',
    });
    if (!inKolkata.ok) throw new Error(inKolkata.message);
    expect(inKolkata.viewer).toMatchObject({
      date: '2026-01-15',
      time: '05:30',
      offset: 'UTC+05:30',
    });
    expect(inKolkata.viewer.text).toContain('05:30');
  });

  it('follows daylight saving: the gap between New York and London changes for three weeks in March', () => {
    // The US springs forward on 8 March, the UK on 29 March 2026.
    const before = describeSessionTime({
      startsAt: '2026-03-05T00:00:00Z',
      sessionZone: NEW_YORK,
      viewerZone: LONDON,
      locale: 'en-GB',
    });
    const between = describeSessionTime({
      startsAt: '2026-03-12T23:00:00Z',
      sessionZone: NEW_YORK,
      viewerZone: LONDON,
      locale: 'en-GB',
    });
    const after = describeSessionTime({
      startsAt: '2026-04-02T23:00:00Z',
      sessionZone: NEW_YORK,
      viewerZone: LONDON,
      locale: 'en-GB',
    });
    if (!before.ok || !between.ok || !after.ok) throw new Error('unexpected failure');
    expect([before.session.time, before.viewer.time]).toEqual(['19:00', '00:00']);
    expect([between.session.time, between.viewer.time]).toEqual(['19:00', '23:00']);
    expect([after.session.time, after.viewer.time]).toEqual(['19:00', '00:00']);
    expect(between.session.offset).toBe('UTC−04:00');
    expect(after.viewer.offset).toBe('UTC+01:00');
  });

  it('Kolkata keeps one offset all year while London moves', () => {
    const winter = describeSessionTime({
      startsAt: '2026-01-10T13:30:00Z',
      sessionZone: KOLKATA,
      viewerZone: LONDON,
      locale: 'en-GB',
    });
    const summer = describeSessionTime({
      startsAt: '2026-07-10T13:30:00Z',
      sessionZone: KOLKATA,
      viewerZone: LONDON,
      locale: 'en-GB',
    });
    if (!winter.ok || !summer.ok) throw new Error('unexpected failure');
    expect([winter.session.time, winter.viewer.time]).toEqual(['19:00', '13:30']);
    expect([summer.session.time, summer.viewer.time]).toEqual(['19:00', '14:30']);
  });

  it('marks the same wall clock when viewer and session share a zone', () => {
    const same = describeSessionTime({
      startsAt: '2026-06-01T18:00:00Z',
      sessionZone: LONDON,
      viewerZone: LONDON,
      locale: 'en-GB',
    });
    if (!same.ok) throw new Error(same.message);
    expect(same.sameWallClock).toBe(true);
    expect(same.viewerDayShift).toBe(0);
  });

  it('explains an unknown viewer zone or a start that is not a date', () => {
    const badZone = describeSessionTime({
      startsAt: '2026-06-01T18:00:00Z',
      sessionZone: LONDON,
      viewerZone: 'Atlantis/Capital',
      locale: 'en-GB',
    });
    expect(badZone.ok).toBe(false);
    if (!badZone.ok) expect(badZone.message).toContain('"Atlantis/Capital"');
    const badStart = describeSessionTime({
      startsAt: 'soon',
      sessionZone: LONDON,
      viewerZone: LONDON,
      locale: 'en-GB',
    });
    expect(badStart).toEqual({
      ok: false,
      message: 'The session’s start "soon" is not a date and time.',
    });
  });
});
