import { LIBRARY_SCHEMA_VERSION, type Repaired } from './libraryDocuments';
import { listIn, repairUniqueRecords } from './repairPrimitives';

/**
 * Repairs a document that is one list of records under `key` (`feeds.json`, an item shard,
 * `notices.json`): every usable record is kept, unusable ones and later duplicates of an id are
 * dropped and counted, and the result carries the current schema version. Never throws.
 */
export function repairListDocument<K extends string, T extends { id: string }>(
  raw: unknown,
  key: K,
  repairRecord: (entry: unknown) => T | null,
): Repaired<{ schemaVersion: number } & Record<K, T[]>> {
  const list = listIn(raw, key);
  const { records, dropped } = repairUniqueRecords(list, repairRecord);
  const document = { schemaVersion: LIBRARY_SCHEMA_VERSION, [key]: records } as {
    schemaVersion: number;
  } & Record<K, T[]>;
  return { document, dropped, recognized: list !== null };
}
