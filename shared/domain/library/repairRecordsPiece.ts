import type { RecordsPieceDocument, Repaired } from './libraryDocuments';
import { repairItemShard } from './repairItemShard';
import { nonEmptyText } from './repairPrimitives';

/**
 * Repairs a parsed records piece of any version: keeps every usable item record (as
 * {@link repairItemShard} does) and the feed it belongs to. A piece that does not name its feed
 * takes `folderFeedId`, the feed its folder belongs to, or the feed of its first record. Never
 * throws.
 */
export function repairRecordsPiece(
  raw: unknown,
  folderFeedId: string | null = null,
): Repaired<RecordsPieceDocument> {
  const { document, dropped, recognized } = repairItemShard(raw);
  const named =
    typeof raw === 'object' && raw !== null ? (raw as { feedId?: unknown }).feedId : undefined;
  const feedId = nonEmptyText(named) ?? folderFeedId ?? document.items[0]?.feedId ?? null;
  return {
    document: {
      schemaVersion: document.schemaVersion,
      feedId: feedId ?? '',
      items: document.items,
    },
    dropped,
    recognized: recognized && feedId !== null,
  };
}
