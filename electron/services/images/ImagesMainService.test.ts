import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImagesStoredEvent } from '@shared/contract';
import { newFeedRecord } from '@shared/domain/library/newFeedRecord';
import { IMAGE_FILES_FOLDER, ImageFileStore } from '../../adapters/images/ImageFileStore';
import { LowdbItemImageMaps } from '../../adapters/images/LowdbItemImageMaps';
import { tinyGif, tinyPng } from '../../adapters/images/testing/tinyImages';
import { LowdbLibraryStore } from '../../adapters/storage/LowdbLibraryStore';
import type { StoredFeed, StoredItem } from '../library/LibraryStore';
import { SteppingClock } from '../feeds/testing/SteppingClock';
import { ImagesMainService } from './ImagesMainService';
import { ScriptedImageDownloader } from './testing/ScriptedImageDownloader';

// The service over the real library store, image files and maps; only the network is scripted.

const FEED_URL = 'https://journal.example/rss';
const FIGURE = 'https://cdn.journal.example/fig1.png';
const CHART = 'https://cdn.journal.example/chart.gif';
const MISSING = 'https://cdn.journal.example/gone.png';

let dataDir: string;
let store: LowdbLibraryStore;
let files: ImageFileStore;
let maps: LowdbItemImageMaps;
let downloader: ScriptedImageDownloader;
let clock: SteppingClock;
let service: ImagesMainService;
let events: ImagesStoredEvent[];

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const stored = (bytes: Uint8Array) => `/files/images/${sha256(bytes)}`;

function image(src: string, alt: string): string {
  return `<img src="${src}" alt="${alt}" />`;
}

function item(id: string, html: string, feedId = 'journal'): StoredItem {
  return {
    id,
    feedId,
    guid: id,
    title: `Paper ${id}`,
    link: null,
    author: null,
    publishedAt: '2026-01-20T08:00:00.000Z',
    excerpt: '',
    fetchedAt: '2026-01-20T08:00:00.000Z',
    contentHtml: html,
  };
}

async function feed(keepImages: boolean, id = 'journal', url = FEED_URL): Promise<StoredFeed> {
  const record = newFeedRecord({
    id,
    url,
    title: 'The Journal',
    addedAt: '2026-01-01T00:00:00.000Z',
    ...(keepImages ? { keepImages: true as const } : {}),
  });
  await store.saveFeed(record);
  return record;
}

function start(
  options: { maxAttempts?: number; concurrency?: { overall: number; perHost: number } } = {},
) {
  service?.dispose();
  service = new ImagesMainService({ store, files, maps, downloader, clock, ...options });
  events = [];
  service.onDidStoreImages((event) => events.push(event));
}

async function displayed(id: string): Promise<string> {
  const detail = await store.getItem(id);
  return service.contentForDisplay(id, detail?.contentHtml ?? '');
}

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'rounds-images-service-'));
  store = await LowdbLibraryStore.open(dataDir);
  files = new ImageFileStore(join(dataDir, 'library'));
  maps = (await LowdbItemImageMaps.open(join(dataDir, 'library'))).maps;
  downloader = new ScriptedImageDownloader()
    .answer(FIGURE, { ok: true, bytes: tinyPng() })
    .answer(CHART, { ok: true, bytes: tinyGif() });
  clock = new SteppingClock();
  start();
});

afterEach(async () => {
  service.dispose();
  await service.idle();
  await maps.close();
  await store.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('ImagesMainService after a refresh', () => {
  it('keeps a feed’s images once each and shows them from the app’s origin', async () => {
    const journal = await feed(true);
    const items = [
      item('a', `<p>Results</p>${image(FIGURE, 'Figure 1')}${image(CHART, 'Chart')}`),
      item('b', `<p>Same figure</p>${image(FIGURE, 'Figure 1')}`),
    ];
    await store.putItems(items);

    service.afterRefresh(journal, items);
    await service.idle();

    expect(downloader.requests.map((request) => request.url).sort()).toEqual([CHART, FIGURE]);
    expect(downloader.requests.every((request) => request.foundIn === FEED_URL)).toBe(true);
    expect((await readdir(join(dataDir, 'library', IMAGE_FILES_FOLDER))).sort()).toEqual(
      [`${sha256(tinyGif())}.img`, `${sha256(tinyPng())}.img`].sort(),
    );
    expect(await displayed('a')).toBe(
      `<p>Results</p>${image(stored(tinyPng()), 'Figure 1')}${image(stored(tinyGif()), 'Chart')}`,
    );
    expect(await displayed('b')).toBe(`<p>Same figure</p>${image(stored(tinyPng()), 'Figure 1')}`);
    // The HTML as stored stays as the feed sent it.
    expect((await store.getItem('a'))?.contentHtml).toContain(FIGURE);
    expect(events.flatMap((event) => event.itemIds).sort()).toEqual(['a', 'b']);
  });

  it('fetches nothing for a feed whose images are not kept', async () => {
    const journal = await feed(false);
    const items = [item('a', image(FIGURE, 'Figure 1'))];
    await store.putItems(items);

    service.afterRefresh(journal, items);
    await service.idle();

    expect(downloader.requests).toEqual([]);
    expect(await displayed('a')).toBe(image(FIGURE, 'Figure 1'));
  });

  it('downloads at most two images of one host and four overall at a time', async () => {
    const journal = await feed(true);
    const sources = [
      ...Array.from({ length: 6 }, (_, n) => `https://cdn.journal.example/f${n}.png`),
      ...Array.from({ length: 3 }, (_, n) => `https://images.other.example/o${n}.png`),
      ...Array.from({ length: 3 }, (_, n) => `https://third.example/t${n}.png`),
    ];
    sources.forEach((src, n) => downloader.answer(src, { ok: true, bytes: tinyPng([n, 0, 0]) }));
    const items = [item('a', sources.map((src) => image(src, 'figure')).join(''))];
    await store.putItems(items);
    downloader.hold();

    service.afterRefresh(journal, items);
    // Let the held downloads go one wave at a time, each wave once its downloads have started.
    for (let started = 4; started < sources.length; started += 4) {
      await downloader.started(started);
      downloader.releaseAll({ keepHolding: true });
    }
    downloader.releaseAll();
    await service.idle();

    expect(downloader.requests).toHaveLength(sources.length);
    expect(downloader.peak).toEqual({ overall: 4, perHost: 2 });
    expect(await displayed('a')).not.toContain('https://');
  });

  it('records a failed image without failing anything, and tries it again on a later refresh', async () => {
    const journal = await feed(true);
    const items = [item('a', `${image(FIGURE, 'Figure 1')}${image(MISSING, 'Gone')}`)];
    await store.putItems(items);

    service.afterRefresh(journal, items);
    await service.idle();
    expect(maps.get('a')?.images).toEqual([
      { url: FIGURE, hash: sha256(tinyPng()), failure: null },
      {
        url: MISSING,
        hash: null,
        failure: {
          code: 'http-error',
          message: 'The server answered 404 Not Found.',
          at: '2026-02-01T08:00:00.000Z',
          attempts: 1,
        },
      },
    ]);

    // The feed has not changed; its failed image is tried again, and now it is there.
    downloader.answer(MISSING, { ok: true, bytes: tinyGif() });
    service.afterRefresh(journal, []);
    await service.idle();

    expect(downloader.requests.map((request) => request.url)).toEqual([FIGURE, MISSING, MISSING]);
    expect(await displayed('a')).toBe(
      `${image(stored(tinyPng()), 'Figure 1')}${image(stored(tinyGif()), 'Gone')}`,
    );
  });

  it('stops trying an image that keeps failing, until the user asks for the paper’s images', async () => {
    start({ maxAttempts: 2 });
    const journal = await feed(true);
    const items = [item('a', image(MISSING, 'Gone'))];
    await store.putItems(items);

    for (let refresh = 0; refresh < 4; refresh++) {
      service.afterRefresh(journal, refresh === 0 ? items : []);
      await service.idle();
    }
    expect(downloader.requests).toHaveLength(2);
    expect(maps.get('a')?.images[0]?.failure?.attempts).toBe(2);

    const saved = await service.savePaperImages({ itemId: 'a' });
    expect(saved).toEqual({
      ok: true,
      value: {
        itemId: 'a',
        stored: 0,
        failed: [{ url: MISSING, message: 'The server answered 404 Not Found.' }],
      },
    });
    expect(downloader.requests).toHaveLength(3);
  });

  it('records what the image store refuses (an SVG) as that image’s failure', async () => {
    const svg = 'https://cdn.journal.example/drawing.svg';
    downloader.answer(svg, {
      ok: true,
      bytes: new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"></svg>'),
    });
    const journal = await feed(true);
    const items = [item('a', image(svg, 'Drawing'))];
    await store.putItems(items);

    service.afterRefresh(journal, items);
    await service.idle();

    expect(maps.get('a')?.images[0]?.failure).toMatchObject({ code: 'unsafe-image' });
    expect(await displayed('a')).toBe(image(svg, 'Drawing'));
    expect(events).toEqual([]);
  });

  it('fetches again an image whose file was found damaged and removed', async () => {
    const journal = await feed(true);
    const items = [item('a', image(FIGURE, 'Figure 1'))];
    await store.putItems(items);
    service.afterRefresh(journal, items);
    await service.idle();
    const path = join(dataDir, 'library', IMAGE_FILES_FOLDER, `${sha256(tinyPng())}.img`);
    await writeFile(path, 'damaged');
    expect(await files.read(sha256(tinyPng()))).toBeNull();

    expect(await displayed('a')).toBe(image(FIGURE, 'Figure 1'));
    service.afterRefresh(journal, items);
    await service.idle();

    expect(downloader.requests).toHaveLength(2);
    expect(await displayed('a')).toBe(image(stored(tinyPng()), 'Figure 1'));
  });
});

describe('ImagesMainService for the papers already stored', () => {
  it('keeps their images when the feed’s setting is turned on', async () => {
    const before = await feed(false);
    await store.putItems([item('a', image(FIGURE, 'Figure 1')), item('b', '<p>No image</p>')]);
    const after = { ...before, keepImages: true as const };
    await store.saveFeed(after);

    service.afterSettingsChanged(before, after);
    await service.idle();

    expect(downloader.requests.map((request) => request.url)).toEqual([FIGURE]);
    expect(await displayed('a')).toBe(image(stored(tinyPng()), 'Figure 1'));
    service.afterSettingsChanged(after, after);
    await service.idle();
    expect(downloader.requests).toHaveLength(1);
  });
});

describe('ImagesMainService.savePaperImages', () => {
  it('keeps one paper’s images whatever its feed’s setting, and says what failed', async () => {
    await feed(false);
    await store.putItems([item('a', `${image(FIGURE, 'Figure 1')}${image(MISSING, 'Gone')}`)]);

    const saved = await service.savePaperImages({ itemId: 'a' });

    expect(saved).toEqual({
      ok: true,
      value: {
        itemId: 'a',
        stored: 1,
        failed: [{ url: MISSING, message: 'The server answered 404 Not Found.' }],
      },
    });
    expect(events).toEqual([{ itemIds: ['a'] }]);
    expect(await displayed('a')).toBe(
      `${image(stored(tinyPng()), 'Figure 1')}${image(MISSING, 'Gone')}`,
    );
    // Asked again, only the missing one is fetched.
    await service.savePaperImages({ itemId: 'a' });
    expect(downloader.requests.map((request) => request.url)).toEqual([FIGURE, MISSING, MISSING]);
  });

  it('answers not-found for an item that is not in the library', async () => {
    expect(await service.savePaperImages({ itemId: 'nope' })).toEqual({
      ok: false,
      code: 'not-found',
      message: 'That article is no longer in your library.',
    });
  });

  it('forgets the maps of a feed’s papers when the feed is removed', async () => {
    await feed(false);
    await store.putItems([item('a', image(FIGURE, 'Figure 1'))]);
    await service.savePaperImages({ itemId: 'a' });
    expect(maps.get('a')).toBeDefined();

    await store.removeFeed('journal');
    await service.idle();

    expect(maps.get('a')).toBeUndefined();
  });
});
