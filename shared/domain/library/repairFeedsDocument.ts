import { repairListDocument } from './repairListDocument';
import { FEED_FAILURE_CODES, type FeedError } from '@shared/contract';
import {
  DEFAULT_REFRESH_INTERVAL_MINUTES,
  type FeedRecord,
  type FeedsDocument,
  type Repaired,
} from './libraryDocuments';
import {
  EPOCH_ISO,
  isPlainRecord,
  isoDateOrNull,
  nonEmptyText,
  nullableText,
} from './repairPrimitives';

const FAILURE_CODES: readonly string[] = FEED_FAILURE_CODES;

/**
 * Makes one stored subscription usable: fills missing fields with neutral defaults and
 * normalises dates. Returns null only when the record cannot identify a feed (no id or no URL).
 * Never throws.
 */
export function repairFeedRecord(raw: unknown): FeedRecord | null {
  if (!isPlainRecord(raw)) return null;
  const id = nonEmptyText(raw.id);
  const url = nullableText(raw.url);
  if (id === null || url === null) return null;
  const lastFetchedAt = isoDateOrNull(raw.lastFetchedAt);
  return {
    id,
    url,
    title: nullableText(raw.title) ?? url,
    customTitle: nullableText(raw.customTitle),
    siteUrl: nullableText(raw.siteUrl),
    addedAt: isoDateOrNull(raw.addedAt) ?? lastFetchedAt ?? EPOCH_ISO,
    lastFetchedAt,
    lastError: repairFeedError(raw.lastError),
    etag: nullableText(raw.etag),
    lastModified: nullableText(raw.lastModified),
    bodyHash: nullableText(raw.bodyHash),
    folder: textList(raw.folder),
    tags: textList(raw.tags),
    refreshIntervalMinutes: refreshInterval(raw.refreshIntervalMinutes),
    consecutiveFailures:
      Number.isInteger(raw.consecutiveFailures) && (raw.consecutiveFailures as number) > 0
        ? (raw.consecutiveFailures as number)
        : 0,
    retryNotBefore: isoDateOrNull(raw.retryNotBefore),
    // Written only for a local source: an ordinary feed's record stays as it was.
    ...(raw.kind === 'local' ? { kind: 'local' as const } : {}),
    ...(raw.keepImages === true ? { keepImages: true as const } : {}),
  };
}

/** Fields added after schema 1 went out: old files simply lack them, and get the defaults. */
function textList(raw: unknown): string[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter((entry): entry is string => typeof entry === 'string' && entry.trim() !== '');
}

// Five minutes is the floor: a shorter interval would hammer publishers; a week the ceiling.
function refreshInterval(raw: unknown): number {
  if (typeof raw !== 'number' || !Number.isFinite(raw)) return DEFAULT_REFRESH_INTERVAL_MINUTES;
  return Math.min(Math.max(Math.round(raw), 5), 7 * 24 * 60);
}

// A damaged error is dropped rather than guessed at: it only describes the last refresh, and the
// next refresh replaces it anyway.
function repairFeedError(raw: unknown): FeedError | null {
  if (!isPlainRecord(raw)) return null;
  const code = raw.code;
  if (typeof code !== 'string' || !FAILURE_CODES.includes(code)) return null;
  return {
    code: code as FeedError['code'],
    message: nullableText(raw.message) ?? 'The last refresh failed.',
    at: isoDateOrNull(raw.at) ?? EPOCH_ISO,
  };
}

/**
 * Repairs and migrates a parsed `feeds.json` of any version: keeps every usable subscription,
 * drops records without an id or URL and later duplicates of an id. Never throws.
 */
export function repairFeedsDocument(raw: unknown): Repaired<FeedsDocument> {
  return repairListDocument(raw, 'feeds', repairFeedRecord);
}
