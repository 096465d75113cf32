/**
 * The shard (0 … shardCount-1) a key belongs to: FNV-1a over the key's UTF-16 code units. The
 * result must never change for a given key and count, or records would be looked for in the wrong
 * file; changing a shard count therefore needs a layout migration.
 */
export function shardNumberOf(key: string, shardCount: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i += 1) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % shardCount;
}
