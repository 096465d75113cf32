import type { StorageNotice } from '@shared/contract';
import { repairListDocument } from './repairListDocument';
import { type NoticesDocument, type Repaired } from './libraryDocuments';
import {
  EPOCH_ISO,
  isPlainRecord,
  isoDateOrNull,
  nonEmptyText,
  nullableText,
  textOr,
} from './repairPrimitives';

const NOTICE_KINDS: readonly string[] = [
  'restored-from-backup',
  'reset-to-empty',
] satisfies StorageNotice['kind'][];

function repairNotice(raw: unknown): StorageNotice | null {
  if (!isPlainRecord(raw)) return null;
  const id = nonEmptyText(raw.id);
  const message = nullableText(raw.message);
  const kind = raw.kind;
  if (id === null || message === null || typeof kind !== 'string' || !NOTICE_KINDS.includes(kind)) {
    return null;
  }
  return {
    id,
    kind: kind as StorageNotice['kind'],
    message,
    keptAt: textOr(raw.keptAt, ''),
    at: isoDateOrNull(raw.at) ?? EPOCH_ISO,
  };
}

/**
 * Repairs and migrates a parsed `notices.json` of any version: keeps every notice that can still
 * be shown (id, kind and message present), drops the rest and later duplicates. Never throws.
 */
export function repairNoticesDocument(raw: unknown): Repaired<NoticesDocument> {
  return repairListDocument(raw, 'notices', repairNotice);
}
