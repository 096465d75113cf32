import { DEFAULT_REFRESH_INTERVAL_MINUTES, type FeedRecord } from './libraryDocuments';

/** The fields that say which feed a new subscription is; everything else starts neutral. */
export type NewFeedFields = Pick<FeedRecord, 'id' | 'url' | 'title' | 'addedAt'> &
  Partial<Omit<FeedRecord, 'id' | 'url' | 'title' | 'addedAt'>>;

/**
 * A complete subscription record from the fields that identify it, with defaults for the rest
 * (top level, no tags, hourly refresh, no failures). One place to add a field's default.
 */
export function newFeedRecord(fields: NewFeedFields): FeedRecord {
  return {
    customTitle: null,
    siteUrl: null,
    lastFetchedAt: null,
    lastError: null,
    etag: null,
    lastModified: null,
    bodyHash: null,
    folder: [],
    tags: [],
    refreshIntervalMinutes: DEFAULT_REFRESH_INTERVAL_MINUTES,
    consecutiveFailures: 0,
    retryNotBefore: null,
    ...fields,
  };
}
