import type { Repaired } from '../library/libraryDocuments';
import { repairListDocument } from '../library/repairListDocument';
import {
  EPOCH_ISO,
  isPlainRecord,
  isoDateOrNull,
  nonEmptyText,
  nullableText,
  webAddressOrNull,
} from '../library/repairPrimitives';

/** Why an image of an item could not be kept, the last time Rounds tried. */
export interface ImageFailureRecord {
  /** Stable code (`http-error`, `not-an-image`, `too-large`, `unreachable`…). */
  code: string;
  /** The sentence the user is shown. */
  message: string;
  /** ISO 8601 UTC of the last attempt. */
  at: string;
  /** Attempts so far that failed: refreshes stop trying after a few, a request never does. */
  attempts: number;
}

/** One image an item's HTML names: kept under its hash, or failed (never both). */
export interface ItemImageRecord {
  /** The address as it appears (decoded) in the item's HTML. */
  url: string;
  /** SHA-256 of the kept image, or null when it is not kept. */
  hash: string | null;
  failure: ImageFailureRecord | null;
}

/** The images of one item, from its address to its hash: what `library.get` rewrites with. */
export interface ItemImagesRecord {
  /** The item's id. */
  id: string;
  feedId: string;
  images: ItemImageRecord[];
}

/** `images/maps/image-map-NN.json`: the image maps of the items whose id hashes to this shard. */
export interface ItemImageShardDocument {
  schemaVersion: number;
  items: ItemImagesRecord[];
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * Repairs one shard of image maps of any version: keeps every item with an id and a feed,
 * and of its images those with a web address and either a valid hash or a failure. Never throws.
 */
export function repairItemImageShard(raw: unknown): Repaired<ItemImageShardDocument> {
  return repairListDocument(raw, 'items', repairItemImages);
}

function repairItemImages(raw: unknown): ItemImagesRecord | null {
  if (!isPlainRecord(raw)) return null;
  const id = nonEmptyText(raw.id);
  const feedId = nonEmptyText(raw.feedId);
  if (id === null || feedId === null) return null;
  const images = Array.isArray(raw.images) ? raw.images.map(repairImage) : [];
  return { id, feedId, images: images.filter((image) => image !== null) };
}

function repairImage(raw: unknown): ItemImageRecord | null {
  if (!isPlainRecord(raw)) return null;
  const url = webAddressOrNull(raw.url);
  if (url === null) return null;
  const hash = typeof raw.hash === 'string' && SHA256_HEX.test(raw.hash) ? raw.hash : null;
  const failure = hash === null ? repairFailure(raw.failure) : null;
  if (hash === null && failure === null) return null;
  return { url, hash, failure };
}

function repairFailure(raw: unknown): ImageFailureRecord | null {
  if (!isPlainRecord(raw)) return null;
  const attempts = raw.attempts;
  return {
    code: nullableText(raw.code) ?? 'internal',
    message: nullableText(raw.message) ?? 'The image could not be saved.',
    at: isoDateOrNull(raw.at) ?? EPOCH_ISO,
    attempts:
      typeof attempts === 'number' && Number.isInteger(attempts) && attempts > 0 ? attempts : 1,
  };
}
