/**
 * `index-07.json` for shard 7 of 64: zero-padded to the widest number of the set, so a folder
 * listing sorts the shards in order.
 */
export function shardFileName(prefix: string, shard: number, count: number): string {
  return `${prefix}-${String(shard).padStart(String(count - 1).length, '0')}.json`;
}
