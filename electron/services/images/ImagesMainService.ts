import {
  fail,
  type ImagesStoredEvent,
  type imagesContract,
  ok,
  type ServiceImplementation,
} from '@shared/contract';
import { remoteImageSourcesOf, withImageSources } from '@shared/domain/images/imageSources';
import type { ItemImageRecord } from '@shared/domain/images/itemImageDocuments';
import { storedImagePathOf } from '@shared/domain/images/storedImagePaths';
import { Emitter } from '../Emitter';
import type { FeedImageKeeper } from '../feeds/FeedImageKeeper';
import { HostConcurrencyLimiter } from '../feeds/HostConcurrencyLimiter';
import type { Clock } from '../feeds/ports';
import type { LibraryStore, StoredFeed, StoredItem } from '../library/LibraryStore';
import type { ImageDownloader, ImageFiles, ItemImageMaps } from './ports';

type ImagesService = ServiceImplementation<typeof imagesContract>;

/** What {@link ImagesMainService} works with. */
export interface ImagesMainServiceDependencies {
  store: Pick<
    LibraryStore,
    'getFeed' | 'getItem' | 'queryItems' | 'searchableItems' | 'onItemsChanged'
  >;
  files: ImageFiles;
  maps: ItemImageMaps;
  downloader: ImageDownloader;
  clock: Clock;
  /** Images downloaded at the same time, overall and per host. Default 4 and 2, as for feeds. */
  concurrency?: { overall: number; perHost: number };
  /**
   * Failed attempts after which refreshes stop trying an image (a paper's own request still
   * does). Default {@link DEFAULT_MAX_ATTEMPTS}.
   */
  maxAttempts?: number;
}

/** Refreshes try a failing image this many times; after that only the user's request does. */
export const DEFAULT_MAX_ATTEMPTS = 5;
/** Items whose HTML is read at once when a feed's stored papers get their images. */
const ITEMS_PER_BATCH = 50;
const GONE = 'That article is no longer in your library.';

/** One item's images to keep. */
interface ImageJob {
  itemId: string;
  feedId: string;
  /** The addresses to keep. */
  urls: readonly string[];
  /** `urls` is every image the item's HTML names now: images no longer named are dropped. */
  complete: boolean;
  /** Where the item came from, for the address policy (see ImageDownloader). */
  foundIn: string | null;
  /** The user asked: images that failed too often are tried again too. */
  requested: boolean;
}

/** What keeping one image came to. */
type Attempt = { ok: true; hash: string } | { ok: false; code: string; message: string };

/**
 * Keeps papers' images in the library so they read the same offline: for every paper of a feed
 * whose "Save images for offline reading" is on (after each refresh, and for the papers already
 * stored when it is turned on) and for one paper when the user asks. Images are fetched in the
 * background through the feeds' own fetching code (address checks, size cap, deadlines) with the
 * same per-host politeness, each address once however many papers name it, each image stored
 * once by its content hash. A failure is recorded per image and tried again on a later refresh;
 * it never fails a feed. `library.get` shows stored images from the app's own origin through
 * {@link contentForDisplay}.
 */
export class ImagesMainService implements ImagesService, FeedImageKeeper {
  private readonly store: ImagesMainServiceDependencies['store'];
  private readonly files: ImageFiles;
  private readonly maps: ItemImageMaps;
  private readonly downloader: ImageDownloader;
  private readonly clock: Clock;
  private readonly maxAttempts: number;
  private readonly limiter: HostConcurrencyLimiter;
  private readonly stored = new Emitter<ImagesStoredEvent>();
  /** Aborted by {@link dispose}: downloads stop and nothing more is written. */
  private readonly lifetime = new AbortController();
  /** Downloads in flight by address (and where it was found): a second asker joins the first. */
  private readonly downloading = new Map<string, Promise<Attempt>>();
  /** Each item's work runs after the previous one's, so two never overwrite each other's map. */
  private readonly itemWork = new Map<string, Promise<unknown>>();
  private readonly background = new Set<Promise<void>>();
  private readonly stopListening: () => void;

  readonly onDidStoreImages = this.stored.subscribe;

  constructor(dependencies: ImagesMainServiceDependencies) {
    this.store = dependencies.store;
    this.files = dependencies.files;
    this.maps = dependencies.maps;
    this.downloader = dependencies.downloader;
    this.clock = dependencies.clock;
    this.maxAttempts = dependencies.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    const concurrency = dependencies.concurrency ?? { overall: 4, perHost: 2 };
    this.limiter = new HostConcurrencyLimiter(concurrency.overall, concurrency.perHost);
    // Items leave the library by unsubscribing (and, later, by retention): their maps go too.
    // The image files stay; one no map names any more is left for a later sweep.
    this.stopListening = this.store.onItemsChanged(({ removed }) => {
      if (removed.length > 0) this.inBackground(() => this.forgetItems(removed));
    });
  }

  // Methods are arrow properties so a transport may call them detached from the instance.

  readonly savePaperImages: ImagesService['savePaperImages'] = async ({ itemId }) => {
    const item = await this.store.getItem(itemId);
    if (!item) return fail('not-found', GONE);
    const urls = remoteImageSourcesOf(item.contentHtml);
    const images = await this.keep({
      itemId,
      feedId: item.feedId,
      urls,
      complete: true,
      foundIn: this.foundIn(item.feedId),
      requested: true,
    });
    const mine = new Map(images.map((image) => [image.url, image]));
    return ok({
      itemId,
      stored: urls.filter((url) => mine.get(url)?.hash != null).length,
      failed: urls.flatMap((url) => {
        const failure = mine.get(url)?.failure;
        return failure ? [{ url, message: failure.message }] : [];
      }),
    });
  };

  afterRefresh(feed: StoredFeed, stored: readonly StoredItem[]): void {
    if (feed.keepImages !== true) return;
    const foundIn = this.foundIn(feed.id);
    const refreshed = new Set(stored.map((item) => item.id));
    const jobs: ImageJob[] = stored.map((item) => ({
      itemId: item.id,
      feedId: feed.id,
      urls: remoteImageSourcesOf(item.contentHtml),
      complete: true,
      foundIn,
      requested: false,
    }));
    // Papers the refresh did not touch are tried again for the images that failed before.
    for (const record of this.maps.withFailures(feed.id)) {
      if (refreshed.has(record.id)) continue;
      const urls = record.images
        .filter((image) => image.failure !== null && image.failure.attempts < this.maxAttempts)
        .map((image) => image.url);
      if (urls.length === 0) continue;
      jobs.push({
        itemId: record.id,
        feedId: feed.id,
        urls,
        complete: false,
        foundIn,
        requested: false,
      });
    }
    for (const job of jobs) {
      if (job.urls.length > 0 || this.maps.get(job.itemId) !== undefined) {
        this.inBackground(() => this.keep(job));
      }
    }
  }

  afterSettingsChanged(before: StoredFeed, after: StoredFeed): void {
    if (after.keepImages === true && before.keepImages !== true) {
      this.inBackground(() => this.keepStoredPapersOf(after));
    }
  }

  /**
   * The item's HTML with each stored image's address replaced by `/files/images/<hash>`, served
   * from the app's own origin; the HTML as stored is left as the feed sent it. An image whose
   * file is gone keeps its remote address, which the window does not load.
   */
  readonly contentForDisplay = async (itemId: string, html: string): Promise<string> => {
    const kept = (this.maps.get(itemId)?.images ?? []).filter((image) => image.hash !== null);
    if (kept.length === 0) return html;
    const present = new Map<string, string>();
    await Promise.all(
      kept.map(async ({ url, hash }) => {
        if (hash !== null && (await this.files.has(hash))) present.set(url, hash);
      }),
    );
    if (present.size === 0) return html;
    return withImageSources(html, (src) => {
      const hash = present.get(src);
      return hash === undefined ? undefined : storedImagePathOf(hash);
    });
  };

  /**
   * Drops these items' image maps, for whoever removes items (an unsubscribe does it through the
   * store's change events; retention may call it directly). The image files are left: another
   * paper may show the same one, and files no map names are for a later sweep.
   */
  async forgetItems(itemIds: readonly string[]): Promise<void> {
    if (itemIds.length === 0 || this.lifetime.signal.aborted) return;
    await this.maps.forget(itemIds);
  }

  /** Resolves once the background work started so far (and what it started) has finished. */
  async idle(): Promise<void> {
    while (this.background.size > 0) await Promise.allSettled([...this.background]);
  }

  /** Stops downloads in flight; from then on nothing is written and no event fires. */
  dispose(): void {
    this.stopListening();
    this.lifetime.abort(new Error('The images service was closed.'));
  }

  /** The images of every paper a feed already holds, read a batch of items at a time. */
  private async keepStoredPapersOf(feed: StoredFeed): Promise<void> {
    const { rows } = await this.store.queryItems({
      feedId: feed.id,
      filter: 'all',
      offset: 0,
      limit: Number.MAX_SAFE_INTEGER,
    });
    const foundIn = this.foundIn(feed.id);
    for (let start = 0; start < rows.length; start += ITEMS_PER_BATCH) {
      if (this.lifetime.signal.aborted) return;
      const ids = rows.slice(start, start + ITEMS_PER_BATCH).map((row) => row.id);
      const items = await this.store.searchableItems(ids);
      await Promise.all(
        items.map(({ record, contentHtml }) =>
          this.keep({
            itemId: record.id,
            feedId: feed.id,
            urls: remoteImageSourcesOf(contentHtml),
            complete: true,
            foundIn,
            requested: false,
          }),
        ),
      );
    }
  }

  /** Runs one item's job after any earlier one for the same item; resolves with its map. */
  private keep(job: ImageJob): Promise<ItemImageRecord[]> {
    const previous = this.itemWork.get(job.itemId) ?? Promise.resolve();
    const work = previous.catch(() => undefined).then(() => this.keepNow(job));
    this.itemWork.set(job.itemId, work);
    void work
      .finally(() => {
        if (this.itemWork.get(job.itemId) === work) this.itemWork.delete(job.itemId);
      })
      .catch(() => undefined);
    return work;
  }

  private async keepNow(job: ImageJob): Promise<ItemImageRecord[]> {
    const before = this.maps.get(job.itemId)?.images ?? [];
    const known = new Map(before.map((image) => [image.url, image]));
    const settled = await Promise.all(
      job.urls.map((url) => this.settleImage(url, known.get(url), job)),
    );
    const images = job.complete
      ? settled
      : before.map((image) => settled.find((next) => next.url === image.url) ?? image);
    if (this.lifetime.signal.aborted) return images;
    if (!sameImages(before, images)) {
      await this.maps.put({ id: job.itemId, feedId: job.feedId, images });
    }
    const newlyStored = images.some(
      (image) => image.hash !== null && known.get(image.url)?.hash !== image.hash,
    );
    if (newlyStored && !this.lifetime.signal.aborted) this.stored.fire({ itemIds: [job.itemId] });
    return images;
  }

  /** One image of a job: kept already, left alone after too many failures, or fetched now. */
  private async settleImage(
    url: string,
    known: ItemImageRecord | undefined,
    job: ImageJob,
  ): Promise<ItemImageRecord> {
    if (known?.hash != null && (await this.files.has(known.hash))) return known;
    if (known?.failure != null && !job.requested && known.failure.attempts >= this.maxAttempts) {
      return known;
    }
    const attempt = await this.download(url, job.foundIn);
    if (attempt.ok) return { url, hash: attempt.hash, failure: null };
    return {
      url,
      hash: null,
      failure: {
        code: attempt.code,
        message: attempt.message,
        at: this.clock.now().toISOString(),
        attempts: (known?.failure?.attempts ?? 0) + 1,
      },
    };
  }

  private download(url: string, foundIn: string | null): Promise<Attempt> {
    const key = `${foundIn ?? ''}\n${url}`;
    const running = this.downloading.get(key);
    if (running) return running;
    const attempt = this.limiter
      .run(hostOf(url), () => this.downloadAndKeep(url, foundIn))
      .finally(() => this.downloading.delete(key));
    this.downloading.set(key, attempt);
    return attempt;
  }

  /** Never rejects: whatever goes wrong becomes this image's failure. */
  private async downloadAndKeep(url: string, foundIn: string | null): Promise<Attempt> {
    const signal = this.lifetime.signal;
    try {
      if (signal.aborted) return { ok: false, code: 'cancelled', message: 'Rounds was closing.' };
      const download = await this.downloader.download(url, foundIn, signal);
      if (!download.ok) return download;
      return await this.files.keep(download.bytes);
    } catch (error) {
      if (signal.aborted) return { ok: false, code: 'cancelled', message: 'Rounds was closing.' };
      console.error(`[rounds] keeping the image ${url} failed`, error);
      return {
        ok: false,
        code: 'internal',
        message: 'Rounds could not save this image because of an unexpected problem.',
      };
    }
  }

  /** The address of the feed an item came from, or null for a source Rounds keeps itself. */
  private foundIn(feedId: string): string | null {
    const feed = this.store.getFeed(feedId);
    return feed === undefined || feed.kind === 'local' ? null : feed.url;
  }

  private inBackground(task: () => Promise<unknown>): void {
    const running: Promise<void> = task()
      .then(() => undefined)
      .catch((error: unknown) => {
        if (!this.lifetime.signal.aborted) console.error('[rounds] saving images failed', error);
      })
      .finally(() => this.background.delete(running));
    this.background.add(running);
  }
}

function sameImages(a: readonly ItemImageRecord[], b: readonly ItemImageRecord[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}
