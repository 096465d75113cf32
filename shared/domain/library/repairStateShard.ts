import {
  LIBRARY_SCHEMA_VERSION,
  type ItemStateRecord,
  type Repaired,
  type StateShardDocument,
} from './libraryDocuments';
import { isPlainRecord, mapIn } from './repairPrimitives';

/**
 * Makes one item's marks usable: only a literal `true` counts as read or starred, so a damaged
 * value falls back to the default (unread, not starred) instead of inventing a mark. Returns null
 * when the value is not an object. Never throws.
 */
export function repairItemState(raw: unknown): ItemStateRecord | null {
  if (!isPlainRecord(raw)) return null;
  return { read: raw.read === true, starred: raw.starred === true };
}

/**
 * Repairs and migrates a parsed state shard of any version: keeps the marks of every item id,
 * drops unusable values, and leaves out items that carry no mark (absent means unread and not
 * starred). Never throws.
 */
export function repairStateShard(raw: unknown): Repaired<StateShardDocument> {
  const map = mapIn(raw, 'states');
  const kept: [string, ItemStateRecord][] = [];
  let dropped = 0;
  for (const [id, value] of Object.entries(map ?? {})) {
    const state = repairItemState(value);
    if (id.length === 0 || state === null) dropped += 1;
    else if (state.read || state.starred) kept.push([id, state]);
  }
  return {
    // fromEntries defines own properties, so an id such as "__proto__" stays plain data.
    document: { schemaVersion: LIBRARY_SCHEMA_VERSION, states: Object.fromEntries(kept) },
    dropped,
    recognized: map !== null,
  };
}
