import { shardNumberOf } from './shardNumberOf';

/**
 * Layout 1 sharded item records and their HTML by feed into 64 index and 64 content shards
 * (`items/index-NN.json`, `items/content-NN.json`). Layout 2 keeps them in pieces per feed (see
 * ItemPieces); the shard numbers remain only to read layout-1 libraries while migrating them.
 */
export const ITEM_SHARD_COUNT = 64;

/** The layout-1 index and content shard holding a feed's items. */
export function itemShardOf(feedId: string): number {
  return shardNumberOf(feedId, ITEM_SHARD_COUNT);
}
