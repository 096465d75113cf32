import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newFeedRecord } from '@shared/domain/library/newFeedRecord';
import { ImageFileStore } from '../../adapters/images/ImageFileStore';
import { LowdbItemImageMaps } from '../../adapters/images/LowdbItemImageMaps';
import { WorkerSearchIndex } from '../../adapters/search/WorkerSearchIndex';
import { tinyPng } from '../../adapters/images/testing/tinyImages';
import { LowdbLibraryStore } from '../../adapters/storage/LowdbLibraryStore';
import { SteppingClock } from '../feeds/testing/SteppingClock';
import { ImagesMainService } from '../images/ImagesMainService';
import { ScriptedImageDownloader } from '../images/testing/ScriptedImageDownloader';
import { LibraryMainService } from './LibraryMainService';
import { SearchIndexFeeder } from './SearchIndexFeeder';

const FIGURE = 'https://cdn.journal.example/fig1.png?size=large&amp;v=2';
const FIGURE_URL = 'https://cdn.journal.example/fig1.png?size=large&v=2';
const OTHER = 'https://cdn.journal.example/other.png';
const HTML =
  `<p>Results.</p><img src="${FIGURE}" alt="Figure 1" />` +
  `<img src="${OTHER}" alt="Figure 2" /><p>Discussion.</p>`;

let dataDir: string;
let store: LowdbLibraryStore;
let maps: LowdbItemImageMaps;
let images: ImagesMainService;
let library: LibraryMainService;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'rounds-library-images-'));
  store = await LowdbLibraryStore.open(dataDir);
  await store.saveFeed(
    newFeedRecord({
      id: 'feed-1',
      url: 'https://journal.example/rss',
      title: 'Journal',
      addedAt: '2026-01-01T00:00:00.000Z',
    }),
  );
  await store.putItems([
    {
      id: 'item-1',
      feedId: 'feed-1',
      guid: 'item-1',
      title: 'A paper',
      link: null,
      author: null,
      publishedAt: null,
      excerpt: '',
      fetchedAt: '2026-01-02T00:00:00.000Z',
      contentHtml: HTML,
    },
  ]);
  maps = (await LowdbItemImageMaps.open(join(dataDir, 'library'))).maps;
  images = new ImagesMainService({
    store,
    files: new ImageFileStore(join(dataDir, 'library')),
    maps,
    downloader: new ScriptedImageDownloader().answer(FIGURE_URL, { ok: true, bytes: tinyPng() }),
    clock: new SteppingClock(),
  });
  library = new LibraryMainService({
    store,
    // Searching has tests of its own; here the index stays unopened.
    search: new SearchIndexFeeder({ store, index: WorkerSearchIndex.inDataFolder(dataDir) }),
    displayedContent: images.contentForDisplay,
  });
});

afterEach(async () => {
  images.dispose();
  await maps.close();
  await store.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('LibraryMainService.get with saved images', () => {
  it('names each saved image by its address on the app’s origin, and leaves the rest', async () => {
    expect(await library.get({ id: 'item-1' })).toMatchObject({ value: { contentHtml: HTML } });

    await images.savePaperImages({ itemId: 'item-1' });

    const hash = createHash('sha256').update(tinyPng()).digest('hex');
    expect(await library.get({ id: 'item-1' })).toMatchObject({
      ok: true,
      value: {
        contentHtml:
          `<p>Results.</p><img src="/files/images/${hash}" alt="Figure 1" />` +
          `<img src="${OTHER}" alt="Figure 2" /><p>Discussion.</p>`,
      },
    });
    // What is stored is what the feed sent.
    expect((await store.getItem('item-1'))?.contentHtml).toBe(HTML);
  });
});
