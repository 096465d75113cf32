import type { LayoutDocument, Repaired } from './libraryDocuments';
import { isPlainRecord } from './repairPrimitives';

/**
 * Reads `layout.json`. A file that does not say which layout the library has is not recognised,
 * so it is treated as damaged and the store looks at the files themselves. Never throws.
 */
export function repairLayoutDocument(raw: unknown): Repaired<LayoutDocument> {
  const version = isPlainRecord(raw) ? raw.layoutVersion : undefined;
  const recognized = typeof version === 'number' && Number.isSafeInteger(version) && version > 0;
  return { document: { layoutVersion: recognized ? version : 0 }, dropped: 0, recognized };
}
