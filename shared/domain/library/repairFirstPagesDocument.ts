import {
  LIBRARY_SCHEMA_VERSION,
  type FirstPageFilter,
  type FirstPageRow,
  type FirstPagesDocument,
  type Repaired,
} from './libraryDocuments';
import { repairItemRecord } from './repairItemShard';
import { isPlainRecord, mapIn, nonEmptyText, webAddressOrNull } from './repairPrimitives';

const FILTERS: readonly FirstPageFilter[] = ['all', 'unread', 'starred'];

function count(value: unknown): number | null {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : null;
}

function repairCopy(raw: unknown): FirstPageRow['copies'][number] | null {
  if (!isPlainRecord(raw)) return null;
  const itemId = nonEmptyText(raw.itemId);
  const feedId = nonEmptyText(raw.feedId);
  if (itemId === null || feedId === null) return null;
  return { itemId, feedId, link: webAddressOrNull(raw.link) };
}

function repairRow(raw: unknown): FirstPageRow | null {
  const record = repairItemRecord(raw);
  if (record === null || !isPlainRecord(raw) || !Array.isArray(raw.copies)) return null;
  const copies = raw.copies.flatMap((copy) => repairCopy(copy) ?? []);
  return {
    ...record,
    read: raw.read === true,
    starred: raw.starred === true,
    copies: copies.length > 0 ? copies : [{ itemId: record.id, feedId: record.feedId, link: null }],
    discussedBy: count(raw.discussedBy) ?? 0,
  };
}

/**
 * Repairs a parsed `first-pages.json`. The opening view is derived data: rather than patch a view
 * that may mislead, anything short of a complete, consistent document (a list naming a row that
 * is missing, a count that is not a count) is reported as not recognised, and the store rebuilds
 * the view from the records. Never throws.
 */
export function repairFirstPagesDocument(raw: unknown): Repaired<FirstPagesDocument> {
  const empty: FirstPagesDocument = {
    schemaVersion: LIBRARY_SCHEMA_VERSION,
    lists: { all: [], unread: [], starred: [] },
    rows: [],
    overall: { all: 0, unread: 0, starred: 0 },
    feeds: {},
  };
  const unrecognized = { document: empty, dropped: 0, recognized: false };
  if (!isPlainRecord(raw) || !Array.isArray(raw.rows)) return unrecognized;
  const rows = raw.rows.map(repairRow);
  if (rows.some((row) => row === null)) return unrecognized;
  const ids = new Set(rows.map((row) => (row as FirstPageRow).id));
  const lists = mapIn(raw, 'lists');
  const overall = mapIn(raw, 'overall');
  const feeds = mapIn(raw, 'feeds');
  if (lists === null || overall === null || feeds === null) return unrecognized;
  const document: FirstPagesDocument = { ...empty, rows: rows as FirstPageRow[] };
  for (const filter of FILTERS) {
    const list = lists[filter];
    if (!Array.isArray(list) || !list.every((id) => typeof id === 'string' && ids.has(id))) {
      return unrecognized;
    }
    document.lists[filter] = list as string[];
    const total = count(overall[filter]);
    if (total === null || total < list.length) return unrecognized;
    document.overall[filter] = total;
  }
  const feedCounts: [string, { total: number; unread: number }][] = [];
  for (const [feedId, value] of Object.entries(feeds)) {
    const total = isPlainRecord(value) ? count(value.total) : null;
    const unread = isPlainRecord(value) ? count(value.unread) : null;
    if (total === null || unread === null || unread > total) return unrecognized;
    feedCounts.push([feedId, { total, unread }]);
  }
  // fromEntries defines own properties, so a feed id such as "__proto__" stays plain data.
  document.feeds = Object.fromEntries(feedCounts);
  return { document, dropped: 0, recognized: true };
}
