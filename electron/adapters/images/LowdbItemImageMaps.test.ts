import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ItemImagesRecord } from '@shared/domain/images/itemImageDocuments';
import { IMAGE_MAP_FOLDER, LowdbItemImageMaps } from './LowdbItemImageMaps';

const HASH = 'c'.repeat(64);
let libraryDir: string;
let maps: LowdbItemImageMaps | null;

beforeEach(async () => {
  libraryDir = await mkdtemp(join(tmpdir(), 'rounds-image-maps-'));
  maps = null;
});

afterEach(async () => {
  await maps?.close();
  await rm(libraryDir, { recursive: true, force: true });
});

async function open(): Promise<LowdbItemImageMaps> {
  await maps?.close();
  const opened = await LowdbItemImageMaps.open(libraryDir);
  maps = opened.maps;
  return opened.maps;
}

function record(id: string, feedId: string, failedAttempts = 0): ItemImagesRecord {
  return {
    id,
    feedId,
    images: [
      { url: 'https://j.org/fig1.png', hash: HASH, failure: null },
      ...(failedAttempts > 0
        ? [
            {
              url: 'https://j.org/fig2.png',
              hash: null,
              failure: {
                code: 'http-error',
                message: 'The server answered 404 Not Found.',
                at: '2026-01-02T03:04:05.000Z',
                attempts: failedAttempts,
              },
            },
          ]
        : []),
    ],
  };
}

describe('LowdbItemImageMaps', () => {
  it('keeps each item’s map across a restart', async () => {
    let store = await open();
    await store.put(record('item-1', 'feed-1', 2));
    await store.put(record('item-2', 'feed-2'));

    store = await open();
    expect(store.get('item-1')).toEqual(record('item-1', 'feed-1', 2));
    expect(store.get('item-2')).toEqual(record('item-2', 'feed-2'));
    expect(store.get('item-3')).toBeUndefined();
  });

  it('lists the items of a feed that have an image still to fetch', async () => {
    const store = await open();
    await store.put(record('item-1', 'feed-1', 1));
    await store.put(record('item-2', 'feed-1'));
    await store.put(record('item-3', 'feed-2', 1));

    expect(store.withFailures('feed-1').map((entry) => entry.id)).toEqual(['item-1']);
  });

  it('forgets items for good, so an expired paper’s map is not kept', async () => {
    let store = await open();
    await store.put(record('item-1', 'feed-1'));
    await store.put(record('item-2', 'feed-1'));
    await store.forget(['item-1', 'never-stored']);

    store = await open();
    expect(store.get('item-1')).toBeUndefined();
    expect(store.get('item-2')).toEqual(record('item-2', 'feed-1'));
  });

  it('writes owner-only JSON shards, and a change rewrites only its item’s shard', async () => {
    const store = await open();
    await store.put(record('item-1', 'feed-1'));
    const files = (await readdir(join(libraryDir, IMAGE_MAP_FOLDER))).filter((name) =>
      name.endsWith('.json'),
    );
    expect(files).toHaveLength(1);
    const shard = JSON.parse(await readFile(join(libraryDir, IMAGE_MAP_FOLDER, files[0]!), 'utf8'));
    expect(shard).toEqual({ schemaVersion: 1, items: [record('item-1', 'feed-1')] });
  });

  it('restores a damaged shard from its last good copy and says so', async () => {
    let store = await open();
    await store.put(record('item-1', 'feed-1'));
    await store.close();
    maps = null;
    const [name] = (await readdir(join(libraryDir, IMAGE_MAP_FOLDER))).filter((file) =>
      file.endsWith('.json'),
    );
    await writeFile(join(libraryDir, IMAGE_MAP_FOLDER, name!), '{"schemaVersion":1,"items":[');

    const reopened = await LowdbItemImageMaps.open(libraryDir);
    maps = reopened.maps;
    store = reopened.maps;
    expect(reopened.notices).toHaveLength(1);
    expect(store.get('item-1')).toEqual(record('item-1', 'feed-1'));
  });
});
