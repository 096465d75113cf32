import { describe, expect, it } from 'vitest';
import { parseArgs } from './define';
import { retentionContract } from './retention';

const setPolicy = retentionContract.members.setPolicy;

describe('retention.setPolicy arguments', () => {
  it('accepts an age in whole days, for ever, and feeds of their own', () => {
    expect(
      parseArgs(setPolicy, [{ olderThanDays: 90, feeds: [{ feedId: 'f', olderThanDays: null }] }]),
    ).toEqual({
      ok: true,
      args: [{ olderThanDays: 90, feeds: [{ feedId: 'f', olderThanDays: null }] }],
    });
    expect(parseArgs(setPolicy, [{ olderThanDays: null }])).toEqual({
      ok: true,
      args: [{ olderThanDays: null, feeds: [] }],
    });
  });

  it.each([
    [0, 'Invalid argument at 0.olderThanDays: Keep read items at least one day'],
    [2.5, 'Invalid argument at 0.olderThanDays: Choose a whole number of days'],
    [5000, 'Invalid argument at 0.olderThanDays: Rounds keeps read items at most 3650 days'],
  ])('refuses %s days with a message that says why', (days, message) => {
    expect(parseArgs(setPolicy, [{ olderThanDays: days }])).toEqual({
      ok: false,
      code: 'invalid-argument',
      message,
    });
  });
});
