import { MAX_RETENTION_DAYS } from '@shared/contract';
import type { Repaired } from '../library/libraryDocuments';
import { isoDateOrNull, isPlainRecord, nonEmptyText } from '../library/repairPrimitives';

/** Version written into the retention documents. */
export const RETENTION_SCHEMA_VERSION = 1;

/** One feed's own rule, as kept on disk. */
export interface FeedRetentionRecord {
  feedId: string;
  /** Days; null keeps the feed's items for ever. */
  olderThanDays: number | null;
}

/** The last run of the policy, as kept on disk (its sentence is written again when shown). */
export interface RetentionRunRecord {
  /** ISO 8601 UTC. */
  at: string;
  trigger: 'background' | 'manual';
  olderThanDays: number | null;
  removed: number;
  feeds: number;
  kept: { starred: number; annotated: number; imported: number; discussed: number };
  acknowledged: boolean;
}

/** `retention.json`: the user's retention policy and the last run's result. */
export interface RetentionSettingsDocument {
  schemaVersion: number;
  /** Days; null (the default) removes nothing. */
  olderThanDays: number | null;
  feeds: FeedRetentionRecord[];
  lastRun: RetentionRunRecord | null;
}

/**
 * `retention-expired.json`: per feed, the ids of items the policy removed while the feed still
 * lists them, so a refresh does not store them again as new. Trimmed as feeds drop them.
 */
export interface ExpiredItemsDocument {
  schemaVersion: number;
  feeds: Record<string, string[]>;
}

/** The settings of a library that never chose a policy: off. */
export function emptyRetentionSettings(): RetentionSettingsDocument {
  return { schemaVersion: RETENTION_SCHEMA_VERSION, olderThanDays: null, feeds: [], lastRun: null };
}

/** A whole number of days within range, null for "for ever", undefined when it is neither. */
function daysOrNull(value: unknown): number | null | undefined {
  if (value === null) return null;
  return typeof value === 'number' &&
    Number.isInteger(value) &&
    value >= 1 &&
    value <= MAX_RETENTION_DAYS
    ? value
    : undefined;
}

function count(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : null;
}

function repairRun(raw: unknown): RetentionRunRecord | null {
  if (!isPlainRecord(raw)) return null;
  const at = isoDateOrNull(raw.at);
  const olderThanDays = daysOrNull(raw.olderThanDays);
  const removed = count(raw.removed);
  const feeds = count(raw.feeds);
  const kept = isPlainRecord(raw.kept) ? raw.kept : {};
  if (at === null || olderThanDays === undefined || removed === null || feeds === null) return null;
  return {
    at,
    trigger: raw.trigger === 'manual' ? 'manual' : 'background',
    olderThanDays,
    removed,
    feeds,
    kept: {
      starred: count(kept.starred) ?? 0,
      annotated: count(kept.annotated) ?? 0,
      imported: count(kept.imported) ?? 0,
      discussed: count(kept.discussed) ?? 0,
    },
    // An old run the window may not have shown: better told twice than never.
    acknowledged: raw.acknowledged === true,
  };
}

/**
 * Validates a parsed `retention.json`. A policy that cannot be read exactly is refused
 * (`recognized: false`): the file is then set aside and retention is off, since removing items
 * on a guess is the one thing this file must never cause. Feed rules and a last run that cannot
 * be read are dropped; the first rule of a feed wins. Never throws.
 */
export function repairRetentionSettings(raw: unknown): Repaired<RetentionSettingsDocument> {
  const empty = emptyRetentionSettings();
  if (!isPlainRecord(raw) || !('olderThanDays' in raw)) {
    return { document: empty, dropped: 0, recognized: false };
  }
  const olderThanDays = daysOrNull(raw.olderThanDays);
  if (olderThanDays === undefined) return { document: empty, dropped: 0, recognized: false };
  let dropped = 0;
  const feeds: FeedRetentionRecord[] = [];
  const seen = new Set<string>();
  for (const entry of Array.isArray(raw.feeds) ? raw.feeds : []) {
    const feedId = isPlainRecord(entry) ? nonEmptyText(entry.feedId) : null;
    const days = isPlainRecord(entry) ? daysOrNull(entry.olderThanDays) : undefined;
    if (feedId === null || days === undefined || seen.has(feedId)) {
      dropped += 1;
      continue;
    }
    seen.add(feedId);
    feeds.push({ feedId, olderThanDays: days });
  }
  const lastRun = raw.lastRun === null || raw.lastRun === undefined ? null : repairRun(raw.lastRun);
  if (lastRun === null && raw.lastRun !== null && raw.lastRun !== undefined) dropped += 1;
  return {
    document: { schemaVersion: RETENTION_SCHEMA_VERSION, olderThanDays, feeds, lastRun },
    dropped,
    recognized: true,
  };
}

/** Validates a parsed `retention-expired.json`, dropping whatever is not an item id. Never throws. */
export function repairExpiredItemsDocument(raw: unknown): Repaired<ExpiredItemsDocument> {
  const feedsIn = isPlainRecord(raw) && isPlainRecord(raw.feeds) ? raw.feeds : null;
  let dropped = 0;
  const feeds: Record<string, string[]> = {};
  for (const [feedId, ids] of Object.entries(feedsIn ?? {})) {
    if (!Array.isArray(ids)) {
      dropped += 1;
      continue;
    }
    const kept = ids.filter((id): id is string => nonEmptyText(id) !== null);
    dropped += ids.length - kept.length;
    if (kept.length > 0) feeds[feedId] = [...new Set(kept)];
  }
  return {
    document: { schemaVersion: RETENTION_SCHEMA_VERSION, feeds },
    dropped,
    recognized: feedsIn !== null,
  };
}
