import { describe, expect, it } from 'vitest';
import { repairFeedRecord, repairFeedsDocument } from './repairFeedsDocument';

const complete = {
  id: 'f1',
  url: 'https://journal.example/rss',
  title: 'NEJM',
  customTitle: null,
  siteUrl: 'https://journal.example',
  addedAt: '2026-01-02T03:04:05.000Z',
  lastFetchedAt: '2026-01-03T00:00:00.000Z',
  lastError: { code: 'timeout', message: 'Too slow', at: '2026-01-03T00:00:00.000Z' },
  etag: '"abc"',
  lastModified: 'Tue, 02 Jan 2026 00:00:00 GMT',
  bodyHash: 'ff00',
  folder: ['Cardiology'],
  tags: ['trials'],
  refreshIntervalMinutes: 30,
  consecutiveFailures: 2,
  retryNotBefore: '2026-01-03T02:00:00.000Z',
};

describe('repairFeedsDocument', () => {
  it('keeps a complete current document unchanged', () => {
    const result = repairFeedsDocument({ schemaVersion: 1, feeds: [complete] });
    expect(result).toEqual({
      document: { schemaVersion: 1, feeds: [complete] },
      dropped: 0,
      recognized: true,
    });
  });

  it('migrates an unversioned bare array and fills missing fields', () => {
    const result = repairFeedsDocument([{ id: 'f1', url: 'https://a.example/feed' }]);
    expect(result.recognized).toBe(true);
    expect(result.document.schemaVersion).toBe(1);
    expect(result.document.feeds).toEqual([
      {
        id: 'f1',
        url: 'https://a.example/feed',
        title: 'https://a.example/feed',
        customTitle: null,
        siteUrl: null,
        addedAt: '1970-01-01T00:00:00.000Z',
        lastFetchedAt: null,
        lastError: null,
        etag: null,
        lastModified: null,
        bodyHash: null,
        folder: [],
        tags: [],
        refreshIntervalMinutes: 60,
        consecutiveFailures: 0,
        retryNotBefore: null,
      },
    ]);
  });

  it('drops feeds without id or url and later duplicates, counting them', () => {
    const result = repairFeedsDocument({
      feeds: [
        complete,
        { url: 'https://x.example' },
        { id: 'f2' },
        'text',
        null,
        { ...complete, title: 'Copy' },
      ],
    });
    expect(result.document.feeds.map((feed) => feed.title)).toEqual(['NEJM']);
    expect(result.dropped).toBe(5);
  });

  it('normalises dates and forgets an error with an unknown code', () => {
    const feed = repairFeedRecord({
      ...complete,
      addedAt: 'Tue, 02 Jan 2026 10:00:00 +0100',
      lastFetchedAt: 'not a date',
      lastError: { code: 'exploded', message: 'x', at: 'now' },
    });
    expect(feed?.addedAt).toBe('2026-01-02T09:00:00.000Z');
    expect(feed?.lastFetchedAt).toBeNull();
    expect(feed?.lastError).toBeNull();
  });

  it('does not recognise values that are not a feeds document', () => {
    for (const raw of [null, 42, 'feeds', {}, { feeds: 'none' }]) {
      const result = repairFeedsDocument(raw);
      expect(result.recognized).toBe(false);
      expect(result.document.feeds).toEqual([]);
    }
  });

  it('keeps the mark of a local source, and only that one, never writing it for a feed', () => {
    const local = { ...complete, id: 'local:my-papers', url: 'rounds:my-papers', kind: 'local' };
    expect(repairFeedRecord(local)).toEqual(local);
    expect(repairFeedRecord({ ...complete, kind: 'remote' })).toEqual(complete);
    expect(repairFeedRecord({ ...complete, kind: 7 })).not.toHaveProperty('kind');
    expect(repairFeedRecord(complete)).not.toHaveProperty('kind');
  });

  it('keeps "save images for offline reading" when on, and writes nothing when off or damaged', () => {
    expect(repairFeedRecord({ ...complete, keepImages: true })).toEqual({
      ...complete,
      keepImages: true,
    });
    expect(repairFeedRecord({ ...complete, keepImages: false })).toEqual(complete);
    expect(repairFeedRecord({ ...complete, keepImages: 'yes' })).toEqual(complete);
  });
});
