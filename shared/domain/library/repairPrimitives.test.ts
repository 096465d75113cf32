import { describe, expect, it } from 'vitest';
import { isoDateOrNull, listIn, webAddressOrNull } from './repairPrimitives';

describe('isoDateOrNull', () => {
  it('keeps canonical dates and rewrites other date forms canonically', () => {
    expect(isoDateOrNull('2026-05-06T07:08:09.010Z')).toBe('2026-05-06T07:08:09.010Z');
    expect(isoDateOrNull('2026-05-06T09:08:09+02:00')).toBe('2026-05-06T07:08:09.000Z');
    expect(isoDateOrNull(0)).toBe('1970-01-01T00:00:00.000Z');
  });

  it('rewrites a day the month does not have instead of keeping an impossible date', () => {
    expect(isoDateOrNull('2026-02-30T00:00:00.000Z')).toBe('2026-03-02T00:00:00.000Z');
  });

  it('gives null for anything that is not a representable date', () => {
    for (const value of [
      '',
      'soon',
      '2026-13-01T00:00:00.000Z',
      1e300,
      Number.NaN,
      null,
      {},
      true,
    ]) {
      expect(isoDateOrNull(value)).toBeNull();
    }
  });
});

describe('webAddressOrNull', () => {
  it('keeps http(s) addresses only', () => {
    expect(webAddressOrNull(' https://a.example/x ')).toBe('https://a.example/x');
    expect(webAddressOrNull('HTTP://A.EXAMPLE')).toBe('HTTP://A.EXAMPLE');
    expect(webAddressOrNull('mailto:a@example.org')).toBeNull();
  });
});

describe('listIn', () => {
  it('finds the list under its key or as the whole value', () => {
    expect(listIn({ feeds: [1] }, 'feeds')).toEqual([1]);
    expect(listIn([2], 'feeds')).toEqual([2]);
    expect(listIn({ feeds: {} }, 'feeds')).toBeNull();
  });
});
