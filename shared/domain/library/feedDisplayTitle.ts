import type { FeedRecord } from './libraryDocuments';

/** The name Rounds shows for a feed: the user's own name when they gave one, else the feed's. */
export function feedDisplayTitle(feed: Pick<FeedRecord, 'title' | 'customTitle'>): string {
  return feed.customTitle ?? feed.title;
}
