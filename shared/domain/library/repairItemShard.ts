import {
  LIBRARY_SCHEMA_VERSION,
  type ItemRecord,
  type ItemShardDocument,
  type Repaired,
} from './libraryDocuments';
import {
  EPOCH_ISO,
  isPlainRecord,
  isoDateOrNull,
  listIn,
  nonEmptyText,
  nullableText,
  textOr,
  webAddressOrNull,
  repairUniqueRecords,
} from './repairPrimitives';

/** Title given to an item whose title was lost; lists never show an empty line. */
export const UNTITLED_ITEM_TITLE = 'Untitled';

/**
 * Makes one stored item usable: fills missing fields, keeps only http(s) links and normalises
 * dates. Any `contentHtml` field is ignored (content is kept in content shards). Returns null only
 * when the record has no id or no feed id. Never throws.
 */
export function repairItemRecord(raw: unknown): ItemRecord | null {
  if (!isPlainRecord(raw)) return null;
  const id = nonEmptyText(raw.id);
  const feedId = nonEmptyText(raw.feedId);
  if (id === null || feedId === null) return null;
  const link = webAddressOrNull(raw.link);
  const publishedAt = isoDateOrNull(raw.publishedAt);
  return {
    id,
    feedId,
    guid: nonEmptyText(raw.guid) ?? link ?? id,
    title: nullableText(raw.title) ?? UNTITLED_ITEM_TITLE,
    link,
    author: nullableText(raw.author),
    publishedAt,
    excerpt: textOr(raw.excerpt, ''),
    fetchedAt: isoDateOrNull(raw.fetchedAt) ?? publishedAt ?? EPOCH_ISO,
  };
}

/**
 * Repairs and migrates a parsed item-index shard of any version: keeps every usable item record,
 * drops records without an id or feed id and later duplicates of an id. Never throws.
 */
export function repairItemShard(raw: unknown): Repaired<ItemShardDocument> {
  const list = listIn(raw, 'items');
  const { records: items, dropped } = repairUniqueRecords(list, repairItemRecord);
  return {
    document: { schemaVersion: LIBRARY_SCHEMA_VERSION, items },
    dropped,
    recognized: list !== null,
  };
}
