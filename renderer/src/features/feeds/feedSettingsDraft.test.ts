import type { FeedSummary } from '@shared/contract';
import { describe, expect, it } from 'vitest';
import {
  checkFeedSettings,
  describeInterval,
  draftOf,
  intervalChoicesFor,
  parseFolderPath,
  parseTags,
} from './feedSettingsDraft';

const feed: FeedSummary = {
  id: 'nejm',
  url: 'https://www.nejm.org/rss',
  title: 'NEJM',
  siteUrl: null,
  addedAt: '2025-03-01T00:00:00.000Z',
  lastFetchedAt: null,
  lastError: null,
  itemCount: 0,
  unreadCount: 0,
  folder: ['Cardiology', 'Trials'],
  tags: ['trials'],
  refreshIntervalMinutes: 60,
  nextRefreshAt: null,
  consecutiveFailures: 0,
  kind: 'feed',
  keepImages: false,
};

describe('parseFolderPath', () => {
  it('reads slashes with or without spaces and drops empty levels', () => {
    expect(parseFolderPath('Cardiology / Trials')).toEqual(['Cardiology', 'Trials']);
    expect(parseFolderPath(' Cardiology//Trials/ ')).toEqual(['Cardiology', 'Trials']);
    expect(parseFolderPath('   ')).toEqual([]);
  });
});

describe('parseTags', () => {
  it('splits on commas, trims, and keeps the first spelling of a repeated tag', () => {
    expect(parseTags('trials, Heart failure,,heart FAILURE , ')).toEqual([
      'trials',
      'Heart failure',
    ]);
  });
});

describe('checkFeedSettings', () => {
  it('sends nothing when nothing changed', () => {
    expect(checkFeedSettings(feed, draftOf(feed))).toEqual({ ok: true, changes: {} });
  });

  it('sends only the changed fields, parsed', () => {
    const draft = { ...draftOf(feed), title: ' NEJM Cardiology ', folder: 'Cardiology' };
    expect(
      checkFeedSettings(feed, { ...draft, tags: 'trials, HF', refreshIntervalMinutes: 15 }),
    ).toEqual({
      ok: true,
      changes: {
        title: 'NEJM Cardiology',
        folder: ['Cardiology'],
        tags: ['trials', 'HF'],
        refreshIntervalMinutes: 15,
      },
    });
  });

  it('sends "save images for offline reading" only when it was switched', () => {
    expect(checkFeedSettings(feed, { ...draftOf(feed), keepImages: true })).toEqual({
      ok: true,
      changes: { keepImages: true },
    });
    const keeping = { ...feed, keepImages: true };
    expect(draftOf(keeping).keepImages).toBe(true);
    expect(checkFeedSettings(keeping, draftOf(keeping))).toEqual({ ok: true, changes: {} });
    expect(checkFeedSettings(keeping, { ...draftOf(keeping), keepImages: false })).toEqual({
      ok: true,
      changes: { keepImages: false },
    });
  });

  it('moves the feed to the top level when the folder is cleared', () => {
    expect(checkFeedSettings(feed, { ...draftOf(feed), folder: '' })).toEqual({
      ok: true,
      changes: { folder: [] },
    });
  });

  it('names the field of the first problem', () => {
    expect(checkFeedSettings(feed, { ...draftOf(feed), title: '  ' })).toMatchObject({
      ok: false,
      field: 'title',
    });
    expect(
      checkFeedSettings(feed, { ...draftOf(feed), folder: 'a/b/c/d/e/f/g/h/i' }),
    ).toMatchObject({ ok: false, field: 'folder' });
    expect(checkFeedSettings(feed, { ...draftOf(feed), tags: 'x'.repeat(61) })).toMatchObject({
      ok: false,
      field: 'tags',
    });
  });
});

describe('intervalChoicesFor', () => {
  it('offers the standard choices, plus the feed’s own interval in order when it is unusual', () => {
    expect(intervalChoicesFor(60)).toHaveLength(6);
    const choices = intervalChoicesFor(45);
    expect(choices.map((choice) => choice.minutes)).toEqual([15, 30, 45, 60, 180, 720, 1440]);
    expect(choices[2]?.label).toBe('Every 45 minutes');
  });

  it('describes intervals in the largest whole unit', () => {
    expect(describeInterval(120)).toBe('Every 2 hours');
    expect(describeInterval(2880)).toBe('Every 2 days');
    expect(describeInterval(1440)).toBe('Once a day');
  });
});
