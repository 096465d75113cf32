import type { FeedSummary } from '@shared/contract';
import { describe, expect, it } from 'vitest';
import { buildFolderTree, buildTagList, folderKeyOf, folderPathsOf } from './buildFolderTree';

function feed(title: string, folder: string[], unreadCount = 0, tags: string[] = []): FeedSummary {
  return {
    id: title.toLowerCase().replace(/\W+/g, '-'),
    url: `https://example.org/${title}`,
    title,
    siteUrl: null,
    addedAt: '2025-03-01T00:00:00.000Z',
    lastFetchedAt: null,
    lastError: null,
    itemCount: unreadCount,
    unreadCount,
    folder,
    tags,
    refreshIntervalMinutes: 60,
    nextRefreshAt: null,
    consecutiveFailures: 0,
    keepImages: false,
    kind: 'feed',
  };
}

describe('buildFolderTree', () => {
  it('keeps feeds without a folder at the top level, in the order given', () => {
    const tree = buildFolderTree([feed('BMJ', []), feed('Annals', [])]);
    expect(tree.folders).toEqual([]);
    expect(tree.feeds.map((f) => f.title)).toEqual(['BMJ', 'Annals']);
  });

  it('nests folders by path, sorted by name, and totals unread items at every level', () => {
    const tree = buildFolderTree([
      feed('Circulation', ['Cardiology'], 4),
      feed('NEJM trials', ['Cardiology', 'Trials'], 2),
      feed('eLife', ['Preprints'], 1),
      feed('JACC', ['cardiology', 'Trials'], 3),
      feed('BMJ', [], 5),
    ]);
    expect(tree.folders.map((f) => f.name)).toEqual(['Cardiology', 'cardiology', 'Preprints']);
    const [cardiology] = tree.folders;
    expect(cardiology?.unreadCount).toBe(6);
    expect(cardiology?.feeds.map((f) => f.title)).toEqual(['Circulation']);
    expect(cardiology?.folders[0]?.path).toEqual(['Cardiology', 'Trials']);
    expect(cardiology?.folders[0]?.unreadCount).toBe(2);
    expect(tree.feeds.map((f) => f.title)).toEqual(['BMJ']);
  });

  it('ignores blank folder names rather than showing an unnamed folder', () => {
    const tree = buildFolderTree([feed('BMJ', ['  ', 'General'])]);
    expect(tree.folders.map((f) => f.key)).toEqual([folderKeyOf(['General'])]);
  });
});

describe('folderPathsOf', () => {
  it('lists every folder, including those holding only other folders', () => {
    const paths = folderPathsOf([feed('A', ['Cardiology', 'Trials']), feed('B', ['Oncology'])]);
    expect(paths).toEqual([['Cardiology'], ['Cardiology', 'Trials'], ['Oncology']]);
  });
});

describe('buildFolderTree counts', () => {
  const feeds = [
    feed('Circulation', ['Cardiology'], 4),
    feed('PubMed: SGLT2', ['Cardiology', 'Searches'], 2),
    feed('eLife', ['Preprints'], 1),
  ];

  it('shows the library’s own count of a folder, which counts a paper in two feeds once', () => {
    const counted = new Map([
      [folderKeyOf(['Cardiology']), 5],
      [folderKeyOf(['Cardiology', 'Searches']), 2],
    ]);
    const tree = buildFolderTree(feeds, (folder) => counted.get(folder.key));
    expect(tree.folders.map((f) => [f.name, f.unreadCount])).toEqual([
      ['Cardiology', 5],
      ['Preprints', 1],
    ]);
    expect(tree.folders[0]?.folders[0]?.unreadCount).toBe(2);
  });

  it('adds up its feeds’ counts until the library has answered', () => {
    const tree = buildFolderTree(feeds, () => undefined);
    expect(tree.folders[0]?.unreadCount).toBe(6);
  });
});

describe('buildTagList', () => {
  it('lists every tag once whatever its case, by name, with its feeds and their unread total', () => {
    const tags = buildTagList([
      feed('Circulation', [], 4, ['Trials', 'ECG']),
      feed('JACC', [], 3, ['trials']),
      feed('BMJ', [], 5),
    ]);
    expect(tags.map((tag) => [tag.name, tag.feeds.map((f) => f.title), tag.unreadCount])).toEqual([
      ['ECG', ['Circulation'], 4],
      ['Trials', ['Circulation', 'JACC'], 7],
    ]);
  });

  it('shows the library’s own count of a tag when it has one', () => {
    const tags = buildTagList([feed('Circulation', [], 4, ['Trials'])], (tag) =>
      tag.key === 'trials' ? 3 : undefined,
    );
    expect(tags[0]?.unreadCount).toBe(3);
  });
});
