import type { ItemImagesRecord } from '@shared/domain/images/itemImageDocuments';

/** What downloading one image came to: its bytes, or why there are none. */
export type ImageDownload =
  | { ok: true; bytes: Uint8Array }
  | {
      ok: false;
      /** A feed fetch failure code (`http-error`, `unreachable`, `too-large`, `blocked-address`…). */
      code: string;
      message: string;
    };

/** Downloads images over HTTP(S): the only network code the images service reaches. */
export interface ImageDownloader {
  /**
   * `foundIn` is the address of the feed whose item names the image (null for a paper the user
   * brought in), so an image named by a feed on the internet cannot lead into the private network.
   * Resolves with the outcome; rejects only with the reason of `signal` once it is aborted.
   */
  download(url: string, foundIn: string | null, signal: AbortSignal): Promise<ImageDownload>;
}

/** What keeping one image's bytes came to. */
export type ImageKept = { ok: true; hash: string } | { ok: false; code: string; message: string };

/** The library's image files, kept once by content hash. */
export interface ImageFiles {
  /** Keeps the bytes when they are an image Rounds keeps; says why not otherwise. */
  keep(bytes: Uint8Array): Promise<ImageKept>;
  /** True when the image with this hash is stored. */
  has(hash: string): Promise<boolean>;
}

/** Which stored image each item's HTML names. Reads are from memory. */
export interface ItemImageMaps {
  get(itemId: string): ItemImagesRecord | undefined;
  /** The items of a feed with at least one image that failed. */
  withFailures(feedId: string): ItemImagesRecord[];
  /** Replaces one item's map; resolves once it is on disk. */
  put(record: ItemImagesRecord): Promise<void>;
  /** Drops these items' maps (the images stay until a sweep); resolves once on disk. */
  forget(itemIds: readonly string[]): Promise<void>;
}
