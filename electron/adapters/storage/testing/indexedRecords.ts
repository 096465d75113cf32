import type { ItemRecord } from '@shared/domain/library/libraryDocuments';
import type { IndexedItem } from '../NewestFirstItemIndex';

/** An item as stored, with only what orders and groups it filled in; `overrides` adds the rest. */
export function itemRecord(
  id: string,
  feedId: string,
  publishedAt: string | null,
  fetchedAt = '2026-01-01T00:00:00.000Z',
  overrides: Partial<ItemRecord> = {},
): ItemRecord {
  return {
    id,
    feedId,
    guid: id,
    title: id,
    link: null,
    author: null,
    publishedAt,
    excerpt: '',
    fetchedAt,
    authors: [],
    journal: null,
    paperIds: { doi: null, pmid: null, arxiv: null },
    relatedDoi: null,
    citations: [],
    media: [],
    ...overrides,
  };
}

/** Midnight UTC on that day of January 2026, so a higher day is newer. */
export function januaryDay(day: number): string {
  return new Date(Date.UTC(2026, 0, day)).toISOString();
}

/** The ids of index entries in the order given, for comparing a page with what was expected. */
export function idsOf(items: readonly IndexedItem[]): string[] {
  return items.map((item) => item.record.id);
}
