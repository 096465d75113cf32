import type { FeedSummary, ItemSource } from '@shared/contract';
import { describe, expect, it } from 'vitest';
import { applyCountChange, type SourceCounts } from './applyCountChange';

function feed(id: string, unreadCount: number): FeedSummary {
  return {
    id,
    url: `https://example.org/${id}.xml`,
    title: id,
    siteUrl: null,
    addedAt: '2026-01-01T00:00:00.000Z',
    lastFetchedAt: null,
    lastError: null,
    itemCount: unreadCount,
    unreadCount,
    folder: [],
    tags: [],
    refreshIntervalMinutes: 60,
    nextRefreshAt: null,
    consecutiveFailures: 0,
    keepImages: false,
    kind: 'feed',
  };
}

function source(feedId: string, itemId: string): ItemSource {
  return { itemId, feedId, feedTitle: feedId, link: null };
}

const counts: SourceCounts = {
  feeds: [feed('heart', 5), feed('pubmed', 3), feed('oncology', 2)],
  // The trial is in both heart and pubmed, so the library lists 9 unread rows, not 10.
  totals: { all: 9, unread: 9, starred: 1 },
};

const unreadCounts = (result: SourceCounts) => result.feeds.map((f) => [f.id, f.unreadCount]);

describe('applyCountChange', () => {
  it('takes a paper read in one feed off every feed carrying it, and off the smart views once', () => {
    const trial = {
      feedId: 'heart',
      sources: [source('heart', 'heart-1'), source('pubmed', 'pubmed-7')],
    };

    const result = applyCountChange(counts, trial, { unread: -1 });

    expect(unreadCounts(result)).toEqual([
      ['heart', 4],
      ['pubmed', 2],
      ['oncology', 2],
    ]);
    expect(result.totals).toEqual({ all: 9, unread: 8, starred: 1 });
  });

  it('counts each copy when one feed carries a paper twice', () => {
    const twice = {
      feedId: 'pubmed',
      sources: [source('pubmed', 'pubmed-1'), source('pubmed', 'pubmed-2')],
    };

    expect(unreadCounts(applyCountChange(counts, twice, { unread: -1 }))[1]).toEqual(['pubmed', 1]);
  });

  it('changes only the starred total for a star, and never counts below zero', () => {
    const post = { feedId: 'oncology', sources: [source('oncology', 'post-1')] };

    const starred = applyCountChange(counts, post, { starred: 1 });
    const overRead = applyCountChange(
      { ...counts, totals: { all: 0, unread: 0, starred: 0 } },
      post,
      { unread: -5 },
    );

    expect(starred.feeds).toBe(counts.feeds);
    expect(starred.totals).toEqual({ all: 9, unread: 9, starred: 2 });
    expect(unreadCounts(overRead)[2]).toEqual(['oncology', 0]);
    expect(overRead.totals.unread).toBe(0);
  });
});
