import type { FeedSummary, ItemSummary, LibraryCounts } from '@shared/contract';

/** A change of one item's marks as counts see it, e.g. -1 unread after opening it. */
export interface CountChange {
  unread?: number;
  starred?: number;
}

/** What the change is about: the item and every feed's copy of its paper. */
export type CountedItem = Pick<ItemSummary, 'feedId' | 'sources'>;

/** The counts the sources pane shows. */
export interface SourceCounts {
  feeds: readonly FeedSummary[];
  totals: LibraryCounts;
}

/**
 * The counts after a read or star change, shown before the backend has them. A paper's marks are
 * shared by all its copies, so every feed carrying a copy gains or loses an unread item, while
 * the smart views, which list the paper once, change by one. Feeds carry no starred count.
 */
export function applyCountChange(
  counts: SourceCounts,
  item: CountedItem,
  change: CountChange,
): SourceCounts {
  const unread = change.unread ?? 0;
  const starred = change.starred ?? 0;
  const copiesPerFeed = new Map<string, number>();
  // The contract promises at least the item's own source; an empty list still counts that feed.
  const carriers = item.sources.length > 0 ? item.sources : [{ feedId: item.feedId }];
  for (const { feedId } of carriers) {
    copiesPerFeed.set(feedId, (copiesPerFeed.get(feedId) ?? 0) + 1);
  }
  return {
    feeds:
      unread === 0
        ? counts.feeds
        : counts.feeds.map((feed) => {
            const copies = copiesPerFeed.get(feed.id) ?? 0;
            return copies === 0
              ? feed
              : { ...feed, unreadCount: Math.max(0, feed.unreadCount + unread * copies) };
          }),
    totals: {
      all: counts.totals.all,
      unread: Math.max(0, counts.totals.unread + unread),
      starred: Math.max(0, counts.totals.starred + starred),
    },
  };
}
