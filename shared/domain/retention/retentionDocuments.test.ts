import { describe, expect, it } from 'vitest';
import { repairExpiredItemsDocument, repairRetentionSettings } from './retentionDocuments';

const LAST_RUN = {
  at: '2026-05-01T03:00:00.000Z',
  trigger: 'background',
  olderThanDays: 90,
  removed: 12,
  feeds: 2,
  kept: { starred: 1, annotated: 0, imported: 3, discussed: 0 },
  acknowledged: false,
};

describe('repairRetentionSettings', () => {
  it('keeps a sound file as it is', () => {
    const raw = {
      schemaVersion: 1,
      olderThanDays: 90,
      feeds: [
        { feedId: 'archive', olderThanDays: null },
        { feedId: 'news', olderThanDays: 30 },
      ],
      lastRun: LAST_RUN,
    };
    expect(repairRetentionSettings(raw)).toEqual({ document: raw, dropped: 0, recognized: true });
  });

  it.each([
    ['not an object', [90]],
    ['no policy at all', { feeds: [] }],
    ['an age that is not a number', { olderThanDays: '90' }],
    ['a negative age', { olderThanDays: -5 }],
    ['a fractional age', { olderThanDays: 1.5 }],
    ['an age beyond ten years', { olderThanDays: 100_000 }],
  ])('refuses %s, so the policy falls back to off', (_case, raw) => {
    expect(repairRetentionSettings(raw).recognized).toBe(false);
  });

  it('drops feed rules it cannot read and a last run it cannot read, keeping the rest', () => {
    const repaired = repairRetentionSettings({
      olderThanDays: null,
      feeds: [
        { feedId: 'news', olderThanDays: 30 },
        { feedId: '', olderThanDays: 30 },
        { feedId: 'weird', olderThanDays: 'soon' },
        { feedId: 'news', olderThanDays: 90 },
      ],
      lastRun: { at: 'yesterday' },
    });
    expect(repaired).toEqual({
      document: {
        schemaVersion: 1,
        olderThanDays: null,
        feeds: [{ feedId: 'news', olderThanDays: 30 }],
        lastRun: null,
      },
      dropped: 4,
      recognized: true,
    });
  });
});

describe('repairExpiredItemsDocument', () => {
  it('keeps each feed’s item ids and drops what is not one', () => {
    expect(
      repairExpiredItemsDocument({
        schemaVersion: 1,
        feeds: { journal: ['a', 'b', 7, ''], empty: [], broken: 'a' },
      }),
    ).toEqual({
      document: { schemaVersion: 1, feeds: { journal: ['a', 'b'] } },
      dropped: 3,
      recognized: true,
    });
    expect(repairExpiredItemsDocument('garbage').recognized).toBe(false);
  });
});
