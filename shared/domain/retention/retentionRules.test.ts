import { describe, expect, it } from 'vitest';
import type { RetentionPolicy } from '@shared/contract';
import {
  cutoffOf,
  planRetention,
  retentionVerdict,
  type RetentionCandidate,
  type RetentionContext,
} from './retentionRules';

const NOW = Date.parse('2026-06-01T00:00:00.000Z');
const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (days: number) => new Date(NOW - days * DAY).toISOString();

const NINETY_DAYS: RetentionPolicy = { olderThanDays: 90, feeds: [] };

/** A read, unstarred, unannotated item of an ordinary feed, 200 days old: it expires. */
function candidate(overrides: Partial<RetentionCandidate> = {}): RetentionCandidate {
  const id = overrides.id ?? 'old-read';
  const feedId = overrides.feedId ?? 'journal';
  return {
    id,
    feedId,
    read: true,
    starred: false,
    datedAt: daysAgo(200),
    copies: [{ itemId: id, feedId }],
    hasPdf: false,
    discussedBy: 0,
    citesStoredPaper: false,
    ...overrides,
  };
}

function context(overrides: Partial<RetentionContext> = {}): RetentionContext {
  return {
    policy: NINETY_DAYS,
    nowMs: NOW,
    localFeedIds: new Set(['local:my-papers']),
    annotatedItemIds: new Set(),
    ...overrides,
  };
}

describe('retentionVerdict', () => {
  it.each<[string, Partial<RetentionCandidate>, Partial<RetentionContext>, string]>([
    ['a read item older than the policy', {}, {}, 'expire'],
    ['an unread item, however old', { read: false }, {}, 'unread'],
    ['a read item younger than the policy', { datedAt: daysAgo(30) }, {}, 'recent'],
    ['a read item exactly as old as the policy', { datedAt: daysAgo(90) }, {}, 'recent'],
    ['any item while retention is off', {}, { policy: { olderThanDays: null, feeds: [] } }, 'off'],
    ['a starred item', { starred: true }, {}, 'starred'],
    [
      'an item with a highlight or note',
      {},
      { annotatedItemIds: new Set(['old-read']) },
      'annotated',
    ],
    [
      'an item whose paper has a highlight on another copy',
      {
        copies: [
          { itemId: 'old-read', feedId: 'journal' },
          { itemId: 'pubmed-copy', feedId: 'pubmed' },
        ],
      },
      { annotatedItemIds: new Set(['pubmed-copy']) },
      'annotated',
    ],
    ['an item of "My papers"', { feedId: 'local:my-papers' }, {}, 'imported'],
    [
      'a feed copy of a paper that also has a "My papers" copy',
      {
        copies: [
          { itemId: 'old-read', feedId: 'journal' },
          { itemId: 'mine', feedId: 'local:my-papers' },
        ],
      },
      {},
      'imported',
    ],
    ['a paper with an attached PDF', { hasPdf: true }, {}, 'imported'],
    ['a paper colleagues discuss', { discussedBy: 2 }, {}, 'discussed'],
    [
      'a colleague’s post citing a paper in the library',
      { citesStoredPaper: true },
      {},
      'discussed',
    ],
    [
      'an undated item stored longer ago than the policy (dated by its first fetch)',
      { datedAt: daysAgo(120) },
      {},
      'expire',
    ],
    ['an item whose date cannot be read', { datedAt: 'not a date' }, {}, 'recent'],
  ])('%s: %s', (_case, item, given, verdict) => {
    expect(retentionVerdict(candidate(item), context(given))).toBe(verdict);
  });

  it('lets a feed keep its items for ever, or by its own age, whatever the overall policy', () => {
    const policy: RetentionPolicy = {
      olderThanDays: 90,
      feeds: [
        { feedId: 'archive', olderThanDays: null },
        { feedId: 'news', olderThanDays: 30 },
      ],
    };
    expect(retentionVerdict(candidate({ feedId: 'archive' }), context({ policy }))).toBe('off');
    expect(
      retentionVerdict(candidate({ feedId: 'news', datedAt: daysAgo(45) }), context({ policy })),
    ).toBe('expire');
    // A feed's own age applies even with the overall policy off: the user asked for it.
    const onlyNews: RetentionPolicy = { ...policy, olderThanDays: null };
    expect(
      retentionVerdict(
        candidate({ feedId: 'news', datedAt: daysAgo(45) }),
        context({ policy: onlyNews }),
      ),
    ).toBe('expire');
    expect(retentionVerdict(candidate(), context({ policy: onlyNews }))).toBe('off');
  });

  it('never expires "My papers", even if a rule names it', () => {
    const policy: RetentionPolicy = {
      olderThanDays: 30,
      feeds: [{ feedId: 'local:my-papers', olderThanDays: 30 }],
    };
    expect(retentionVerdict(candidate({ feedId: 'local:my-papers' }), context({ policy }))).toBe(
      'imported',
    );
  });
});

describe('cutoffOf', () => {
  it('is the time before which a feed’s read items may expire, or null when they never do', () => {
    const policy: RetentionPolicy = {
      olderThanDays: 90,
      feeds: [{ feedId: 'archive', olderThanDays: null }],
    };
    expect(cutoffOf(policy, 'journal', NOW)).toBe(NOW - 90 * DAY);
    expect(cutoffOf(policy, 'archive', NOW)).toBeNull();
    expect(cutoffOf({ olderThanDays: null, feeds: [] }, 'journal', NOW)).toBeNull();
  });
});

describe('planRetention', () => {
  it('groups what expires by feed and counts each kept item once, under its first reason', () => {
    const plan = planRetention(
      [
        candidate({ id: 'a', feedId: 'journal' }),
        candidate({ id: 'b', feedId: 'journal' }),
        candidate({ id: 'c', feedId: 'pubmed' }),
        candidate({ id: 'starred-and-discussed', starred: true, discussedBy: 1 }),
        candidate({ id: 'noted' }),
        candidate({ id: 'mine', feedId: 'local:my-papers' }),
        candidate({ id: 'post', citesStoredPaper: true }),
        candidate({ id: 'fresh', datedAt: daysAgo(1) }),
        candidate({ id: 'unread', read: false }),
      ],
      context({ annotatedItemIds: new Set(['noted']) }),
    );
    expect(Object.fromEntries(plan.expire)).toEqual({ journal: ['a', 'b'], pubmed: ['c'] });
    expect(plan.kept).toEqual({ starred: 1, annotated: 1, imported: 1, discussed: 1 });
  });
});
