import { shardNumberOf } from './shardNumberOf';

/**
 * Item records and their HTML are sharded by feed: a refresh adds items to one feed, and
 * removing a feed empties one shard pair, so each touches two files instead of rewriting the
 * whole library. 64 shards keep a file near 1/64 of the library (about 2 MB of HTML at 100,000
 * items); a single very large feed makes its shard grow with that feed alone.
 */
export const ITEM_SHARD_COUNT = 64;

/** The index and content shard holding a feed's items. */
export function itemShardOf(feedId: string): number {
  return shardNumberOf(feedId, ITEM_SHARD_COUNT);
}
