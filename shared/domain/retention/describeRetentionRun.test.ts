import { describe, expect, it } from 'vitest';
import { describeRetentionRun } from './describeRetentionRun';

const NONE_KEPT = { starred: 0, annotated: 0, imported: 0, discussed: 0 };

describe('describeRetentionRun', () => {
  it('says how many read items went, from how many feeds, and what was kept', () => {
    expect(
      describeRetentionRun({ olderThanDays: 90, removed: 1240, feeds: 12, kept: NONE_KEPT }),
    ).toBe(
      'Removed 1,240 read items older than 90 days from 12 feeds; starred, annotated, imported and discussed papers were kept.',
    );
  });

  it('speaks of one item and one feed in the singular', () => {
    expect(describeRetentionRun({ olderThanDays: 30, removed: 1, feeds: 1, kept: NONE_KEPT })).toBe(
      'Removed 1 read item older than 30 days from 1 feed; starred, annotated, imported and discussed papers were kept.',
    );
  });

  it('names the feeds’ own ages when the overall policy is off', () => {
    expect(
      describeRetentionRun({ olderThanDays: null, removed: 4, feeds: 2, kept: NONE_KEPT }),
    ).toBe(
      'Removed 4 read items older than their feeds’ own limits from 2 feeds; starred, annotated, imported and discussed papers were kept.',
    );
  });

  it('says nothing was removed, and why', () => {
    expect(describeRetentionRun({ olderThanDays: 90, removed: 0, feeds: 0, kept: NONE_KEPT })).toBe(
      'Nothing to remove: no read items older than 90 days outside starred, annotated, imported and discussed papers.',
    );
    expect(
      describeRetentionRun({
        olderThanDays: null,
        removed: 0,
        feeds: 0,
        kept: NONE_KEPT,
        off: true,
      }),
    ).toBe('Nothing was removed: retention is off, so Rounds keeps every item.');
  });
});
