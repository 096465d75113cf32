import { newFeedRecord } from '@shared/domain/library/newFeedRecord';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StoredFeed, StoredItem } from '../../../services/library/LibraryStore';

/** A fresh data folder in the system temp folder; `remove` deletes it. */
export async function temporaryDataDir(
  prefix = 'rounds-storage-',
): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** A subscription with every field filled. */
export function sampleFeed(id: string, overrides: Partial<StoredFeed> = {}): StoredFeed {
  return newFeedRecord({
    id,
    url: `https://journal.example/${id}/rss`,
    title: `Journal ${id}`,
    siteUrl: `https://journal.example/${id}`,
    addedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  });
}

/** Item `n` of a feed, published `n` hours after 2026-01-01 so higher numbers are newer. */
export function sampleItem(
  feedId: string,
  n: number,
  overrides: Partial<StoredItem> = {},
): StoredItem {
  const published = new Date(Date.UTC(2026, 0, 1) + n * 3_600_000).toISOString();
  return {
    id: `${feedId}-item-${n}`,
    feedId,
    guid: `urn:${feedId}:${n}`,
    title: `Trial report ${n} from ${feedId}`,
    link: `https://journal.example/${feedId}/articles/${n}`,
    author: 'A. Clinician',
    publishedAt: published,
    excerpt: `Excerpt of article ${n}.`,
    contentHtml: `<p>Full text of article ${n} in ${feedId}.</p>`,
    fetchedAt: published,
    ...overrides,
  };
}

/** `count` items of one feed, numbered from `from`. */
export function sampleItems(feedId: string, count: number, from = 0): StoredItem[] {
  return Array.from({ length: count }, (_, i) => sampleItem(feedId, from + i));
}
