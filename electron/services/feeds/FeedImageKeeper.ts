import type { StoredFeed, StoredItem } from '../library/LibraryStore';

/**
 * What the feeds service tells whoever keeps feeds' images for offline reading (the images
 * service). Both calls return at once: the images are fetched in the background, so a refresh's
 * outcome never waits for them and no image can fail a feed.
 */
export interface FeedImageKeeper {
  /**
   * A refresh of `feed` ended well. `stored` are the items it stored (new or changed); none when
   * the feed had not changed.
   */
  afterRefresh(feed: StoredFeed, stored: readonly StoredItem[]): void;
  /** The user saved a feed's settings: `before` and `after` the change. */
  afterSettingsChanged(before: StoredFeed, after: StoredFeed): void;
}
