import {
  LIBRARY_SCHEMA_VERSION,
  type ContentShardDocument,
  type Repaired,
} from './libraryDocuments';
import { mapIn } from './repairPrimitives';

/**
 * Repairs and migrates a parsed content shard of any version: keeps every item id whose content
 * is a string and drops the rest. Never throws.
 */
export function repairContentShard(raw: unknown): Repaired<ContentShardDocument> {
  const map = mapIn(raw, 'html');
  const kept: [string, string][] = [];
  let dropped = 0;
  for (const [id, html] of Object.entries(map ?? {})) {
    if (id.length > 0 && typeof html === 'string') kept.push([id, html]);
    else dropped += 1;
  }
  return {
    // fromEntries defines own properties, so an id such as "__proto__" stays plain data.
    document: { schemaVersion: LIBRARY_SCHEMA_VERSION, html: Object.fromEntries(kept) },
    dropped,
    recognized: map !== null,
  };
}
