import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { feedFolderName, ITEMS_PER_PIECE } from './ItemPieces';
import { LowdbLibraryStore } from './LowdbLibraryStore';
import { sampleFeed, sampleItems, temporaryDataDir } from './testing/sampleLibrary';

describe('LowdbLibraryStore, items in small pieces per feed', () => {
  let dataDir: string;
  let removeDataDir: () => Promise<void>;
  const opened: LowdbLibraryStore[] = [];

  async function open(written: string[] = []): Promise<LowdbLibraryStore> {
    const store = await LowdbLibraryStore.open(dataDir, {
      onDocumentWritten: (path) => written.push(path),
    });
    opened.push(store);
    return store;
  }

  /** Item ids per piece file of a feed, as on disk. */
  async function piecesOnDisk(feedId: string): Promise<Record<string, string[]>> {
    const folder = join(dataDir, 'library', 'pieces', feedFolderName(feedId));
    const pieces: Record<string, string[]> = {};
    for (const name of (await readdir(folder)).sort()) {
      const bytes = await readFile(join(folder, name));
      // Content pieces are gzip-compressed; records pieces are plain JSON.
      const text = name.endsWith('.gz')
        ? gunzipSync(bytes).toString('utf8')
        : bytes.toString('utf8');
      const document = JSON.parse(text) as {
        items?: { id: string }[];
        html?: Record<string, string>;
      };
      pieces[name] = document.items?.map((item) => item.id) ?? Object.keys(document.html ?? {});
    }
    return pieces;
  }

  beforeEach(async () => {
    ({ dir: dataDir, remove: removeDataDir } = await temporaryDataDir());
  });

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
    await removeDataDir();
  });

  it('stores a feed in pieces of a few dozen items, filling the newest piece before starting one', async () => {
    const store = await open();
    await store.putItems(sampleItems('nejm', 40));
    const written: string[] = [];
    await store.close();
    const reopened = await open(written);
    await reopened.putItems(sampleItems('nejm', 10, 40));

    const pieces = await piecesOnDisk('nejm');
    expect(Object.keys(pieces)).toEqual([
      'content-0000.json.gz',
      'content-0001.json.gz',
      'records-0000.json.gz',
      'records-0001.json.gz',
    ]);
    expect(pieces['records-0000.json.gz']).toHaveLength(ITEMS_PER_PIECE);
    expect(pieces['records-0001.json.gz']).toHaveLength(18);
    expect(pieces['content-0001.json.gz']).toEqual(pieces['records-0001.json.gz']);
    const folder = `pieces/${feedFolderName('nejm')}`;
    // Ten new items rewrite one piece, never the full ones.
    expect(written.filter((path) => path.startsWith('pieces/')).sort()).toEqual([
      `${folder}/content-0001.json.gz`,
      `${folder}/records-0001.json.gz`,
    ]);
    expect((await reopened.getItem('nejm-item-45'))?.contentHtml).toContain('article 45');
  });

  it('writes the same files to add a 1,000-item feed to a small library and to a larger one', async () => {
    const filesWritten = async (otherFeeds: number): Promise<string[]> => {
      const store = await open();
      for (let n = 0; n < otherFeeds; n += 1) await store.putItems(sampleItems(`feed-${n}`, 100));
      const written: string[] = [];
      await store.close();
      const reopened = await open(written);
      await reopened.whenLoaded();
      await reopened.saveFeed(sampleFeed('added'));
      written.length = 0;
      await reopened.putItems(sampleItems('added', 1_000));
      await reopened.close();
      return written.sort();
    };
    const small = await filesWritten(1);
    opened.length = 0;
    await removeDataDir();
    ({ dir: dataDir, remove: removeDataDir } = await temporaryDataDir());
    const larger = await filesWritten(20);

    expect(larger).toEqual(small);
    const pieces = small.filter((path) => path.startsWith('pieces/'));
    expect(pieces).toHaveLength(2 * Math.ceil(1_000 / ITEMS_PER_PIECE));
    expect(pieces.every((path) => path.startsWith(`pieces/${feedFolderName('added')}/`))).toBe(
      true,
    );
    expect(small.filter((path) => !path.startsWith('pieces/'))).toEqual(['first-pages.json']);
  });
});
