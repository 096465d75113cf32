import { describe, expect, it } from 'vitest';
import { formatFullDate, formatRelativeDate, formatUpcomingTime } from './formatDate';

const now = new Date('2025-03-12T14:00:00Z');
const inEnglish = { locale: 'en-GB', timeZone: 'UTC' };
const ago = (milliseconds: number) => new Date(now.getTime() - milliseconds).toISOString();

describe('formatRelativeDate', () => {
  it('says "just now" for the last minute and for a feed clock slightly ahead of ours', () => {
    expect(formatRelativeDate(ago(20_000), now, inEnglish)).toBe('just now');
    expect(formatRelativeDate(ago(-120_000), now, inEnglish)).toBe('just now');
  });

  it('counts minutes, hours and days for the last week', () => {
    expect(formatRelativeDate(ago(25 * 60_000), now, inEnglish)).toBe('25 minutes ago');
    expect(formatRelativeDate(ago(3 * 3_600_000 + 59 * 60_000), now, inEnglish)).toBe(
      '3 hours ago',
    );
    expect(formatRelativeDate(ago(30 * 3_600_000), now, inEnglish)).toBe('yesterday');
    expect(formatRelativeDate(ago(3 * 86_400_000), now, inEnglish)).toBe('3 days ago');
  });

  it('gives the calendar date from a week on, with the year only when it differs', () => {
    expect(formatRelativeDate('2025-02-01T09:00:00Z', now, inEnglish)).toBe('1 Feb');
    expect(formatRelativeDate('2024-12-24T09:00:00Z', now, inEnglish)).toBe('24 Dec 2024');
  });

  it('gives a date rather than a negative age for items dated well in the future', () => {
    expect(formatRelativeDate('2025-04-01T00:00:00Z', now, inEnglish)).toBe('1 Apr');
  });

  it('says so when the feed gave no usable date', () => {
    expect(formatRelativeDate(null, now, inEnglish)).toBe('No date');
    expect(formatRelativeDate('not a date', now, inEnglish)).toBe('No date');
  });
});

describe('formatFullDate', () => {
  it('shows the date and time in the requested time zone', () => {
    expect(formatFullDate('2025-03-12T14:05:00Z', inEnglish)).toBe('12 March 2025 at 14:05');
    expect(
      formatFullDate('2025-03-12T14:05:00Z', { locale: 'en-GB', timeZone: 'Asia/Tokyo' }),
    ).toBe('12 March 2025 at 23:05');
  });

  it('says so when there is no date', () => {
    expect(formatFullDate(null, inEnglish)).toBe('No date');
  });
});

describe('formatUpcomingTime', () => {
  it('gives the time alone later the same day', () => {
    expect(formatUpcomingTime('2025-03-12T14:30:00Z', now, inEnglish)).toBe('at 14:30');
  });

  it('says tomorrow, then the date, for later days', () => {
    expect(formatUpcomingTime('2025-03-13T07:00:00Z', now, inEnglish)).toBe('tomorrow at 07:00');
    expect(formatUpcomingTime('2025-03-14T14:30:00Z', now, inEnglish)).toBe('on 14 March at 14:30');
  });

  it('compares days in the given time zone', () => {
    // 23:30 UTC on the 12th is already the 13th in Tokyo, where "now" is 23:00 on the 12th.
    const tokyo = { locale: 'en-GB', timeZone: 'Asia/Tokyo' };
    expect(formatUpcomingTime('2025-03-12T15:30:00Z', now, tokyo)).toBe('tomorrow at 00:30');
  });

  it('says "soon" for a time already past or missing', () => {
    expect(formatUpcomingTime('2025-03-12T13:00:00Z', now, inEnglish)).toBe('soon');
    expect(formatUpcomingTime(null, now, inEnglish)).toBe('soon');
  });
});
