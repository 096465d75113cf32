import type { RetentionSettingsDocument } from '@shared/domain/retention/retentionDocuments';

/**
 * Where the retention policy keeps its files (see adapters/storage/LowdbRetentionFiles): the
 * user's policy with the last run's result, and per feed the items it removed that the feed still
 * lists. Both were read and validated when opened; each save resolves once on disk.
 */
export interface RetentionFiles {
  settings(): RetentionSettingsDocument;
  saveSettings(settings: RetentionSettingsDocument): Promise<void>;
  /** Item ids by feed id. */
  expiredItems(): Record<string, string[]>;
  saveExpiredItems(expired: Record<string, string[]>): Promise<void>;
}

/** The time, injectable so tests choose it. */
export interface Clock {
  now(): Date;
}
