import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Annotation } from '@shared/domain/annotations/annotation';
import { ANNOTATION_SHARD_COUNT, LowdbAnnotationStore } from './LowdbAnnotationStore';
import { shardFileName } from './shardFileName';
import { shardNumberOf } from './shardNumberOf';
import { temporaryDataDir } from './testing/sampleLibrary';

function annotation(id: string, itemId: string): Annotation {
  return {
    id,
    itemId,
    source: `urn:rounds:item:${itemId}`,
    selectors: {
      quote: { type: 'TextQuoteSelector', exact: 'sepsis', prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: 0, end: 6 },
      page: null,
    },
    colour: 'blue',
    note: '',
    noteId: null,
    tags: [],
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

const A = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const B = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';

describe('LowdbAnnotationStore', () => {
  let dataDir: string;
  let remove: () => Promise<void>;
  const folder = () => join(dataDir, 'library', 'annotations');

  beforeEach(async () => {
    ({ dir: dataDir, remove } = await temporaryDataDir('rounds-annotation-store-'));
  });

  afterEach(async () => {
    await remove();
  });

  it('writes only the shard of the item changed, and keeps what it wrote across a reopen', async () => {
    const { store } = await LowdbAnnotationStore.open(dataDir);
    await store.putAnnotations([annotation(A, 'item-1'), annotation(B, 'item-2')]);
    await store.saveMeaningEdits({ blue: 'Ask the statistician' });
    await store.close();

    const files = (await readdir(folder())).sort();
    const expected = [
      ...new Set(['item-1', 'item-2'].map((id) => shardNumberOf(id, ANNOTATION_SHARD_COUNT))),
    ].map((shard) => shardFileName('annotations', shard, ANNOTATION_SHARD_COUNT));
    expect(files).toEqual(expected.sort());
    const { store: reopened } = await LowdbAnnotationStore.open(dataDir);
    expect(reopened.forItem('item-1').annotations.map((entry) => entry.id)).toEqual([A]);
    expect(reopened.annotatedItemIds().sort()).toEqual(['item-1', 'item-2']);
    expect(reopened.meaningEdits()).toEqual({ blue: 'Ask the statistician' });
    await reopened.close();
  });

  it('moves a highlight found in another item’s shard (a file copied by hand) to its own', async () => {
    const { store } = await LowdbAnnotationStore.open(dataDir);
    await store.putAnnotations([annotation(A, 'item-1')]);
    await store.close();
    const own = shardNumberOf('item-1', ANNOTATION_SHARD_COUNT);
    const other = (own + 1) % ANNOTATION_SHARD_COUNT;
    const ownFile = join(folder(), shardFileName('annotations', own, ANNOTATION_SHARD_COUNT));
    const otherFile = join(folder(), shardFileName('annotations', other, ANNOTATION_SHARD_COUNT));
    await writeFile(otherFile, await readFile(ownFile));
    await writeFile(ownFile, JSON.stringify({ schemaVersion: 1, annotations: [], notes: [] }));

    const { store: reopened } = await LowdbAnnotationStore.open(dataDir);
    await reopened.close();

    expect(reopened.forItem('item-1').annotations.map((entry) => entry.id)).toEqual([A]);
    const onDisk = JSON.parse(await readFile(ownFile, 'utf8')) as { annotations: Annotation[] };
    expect(onDisk.annotations.map((entry) => entry.id)).toEqual([A]);
  });

  it('leaves out a damaged record and keeps the others', async () => {
    const shard = shardNumberOf('item-1', ANNOTATION_SHARD_COUNT);
    await (await LowdbAnnotationStore.open(dataDir)).store.close();
    await writeFile(
      join(folder(), shardFileName('annotations', shard, ANNOTATION_SHARD_COUNT)),
      JSON.stringify({
        schemaVersion: 1,
        annotations: [annotation(A, 'item-1'), { id: 'not-a-uuid' }, annotation(A, 'item-1')],
        notes: [],
      }),
    );

    const { store } = await LowdbAnnotationStore.open(dataDir);
    expect(store.forItem('item-1').annotations.map((entry) => entry.id)).toEqual([A]);
    await store.close();
  });
});
