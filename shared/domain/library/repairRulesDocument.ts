import type { ItemFilter, MuteRule, SavedSearch } from '@shared/contract';
import { LIBRARY_SCHEMA_VERSION, type Repaired, type RulesDocument } from './libraryDocuments';
import {
  EPOCH_ISO,
  isPlainRecord,
  isoDateOrNull,
  nonEmptyText,
  nullableText,
  repairUniqueRecords,
} from './repairPrimitives';

const FILTERS: readonly string[] = ['all', 'unread', 'starred'] satisfies ItemFilter[];

function repairMuteRule(raw: unknown): MuteRule | null {
  if (!isPlainRecord(raw)) return null;
  const id = nonEmptyText(raw.id);
  const text = nullableText(raw.text);
  if (id === null || text === null) return null;
  return {
    id,
    text: text.trim(),
    feedId: nonEmptyText(raw.feedId),
    // A rule of unknown scope is widened rather than dropped: the user asked for it to be hidden.
    field: raw.field === 'title' ? 'title' : 'any',
    createdAt: isoDateOrNull(raw.createdAt) ?? EPOCH_ISO,
  };
}

function repairSavedSearch(raw: unknown): SavedSearch | null {
  if (!isPlainRecord(raw)) return null;
  const id = nonEmptyText(raw.id);
  const query = nullableText(raw.query);
  if (id === null || query === null) return null;
  return {
    id,
    name: nullableText(raw.name)?.trim() ?? query.trim(),
    query: query.trim(),
    feedId: nonEmptyText(raw.feedId),
    filter:
      typeof raw.filter === 'string' && FILTERS.includes(raw.filter)
        ? (raw.filter as ItemFilter)
        : 'all',
    createdAt: isoDateOrNull(raw.createdAt) ?? EPOCH_ISO,
  };
}

/**
 * Repairs and migrates a parsed `rules.json` of any version: keeps every rule and saved search
 * with an id and some text, fills missing scope, filter and dates, and drops the rest and later
 * duplicates. A file with only one of the two lists still counts as a rules document. Never throws.
 */
export function repairRulesDocument(raw: unknown): Repaired<RulesDocument> {
  const muteList = isPlainRecord(raw) && Array.isArray(raw.muteRules) ? raw.muteRules : null;
  const searchList =
    isPlainRecord(raw) && Array.isArray(raw.savedSearches) ? raw.savedSearches : null;
  const muteRules = repairUniqueRecords(muteList, repairMuteRule);
  const savedSearches = repairUniqueRecords(searchList, repairSavedSearch);
  return {
    document: {
      schemaVersion: LIBRARY_SCHEMA_VERSION,
      muteRules: muteRules.records,
      savedSearches: savedSearches.records,
    },
    dropped: muteRules.dropped + savedSearches.dropped,
    recognized: muteList !== null || searchList !== null,
  };
}
