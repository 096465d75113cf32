import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { LowdbLibraryStore } from './LowdbLibraryStore';
import { batchOf, EXPIRING, STAYING } from './testing/removeBurst';
import { spawnTypeScript, type TypeScriptChild } from './testing/spawnTypeScript';
import { temporaryDataDir } from './testing/sampleLibrary';

const REMOVE_BURST = fileURLToPath(new URL('./testing/removeBurst.ts', import.meta.url));

describe('LowdbLibraryStore killed while removing expired items', () => {
  const cleanups: (() => Promise<void>)[] = [];
  const children: TypeScriptChild[] = [];

  afterEach(async () => {
    for (const child of children.splice(0)) child.process.kill('SIGKILL');
    await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
  });

  // The process dies right after the first, second or fourth file written by one removal: a
  // records piece, then content pieces and mark shards. Batch 6 also empties a whole piece.
  it.each([
    [1, 1],
    [6, 2],
    [6, 4],
  ])(
    'after a crash in removal %i (following %i written files) removed items stay gone and the others keep their text and marks',
    async (crashBatch, crashAfterWrites) => {
      const { dir, remove } = await temporaryDataDir('rounds-retention-crash-');
      cleanups.push(remove);
      const child = spawnTypeScript(REMOVE_BURST, [dir, `${crashBatch}`, `${crashAfterWrites}`]);
      children.push(child);
      expect(await child.exited).toBe('SIGKILL');
      const printed = (word: string) =>
        child.lines
          .filter((line) => line.startsWith(`${word} `))
          .map((line) => line.slice(word.length + 1));
      expect(child.lines).toContain('ready');

      const removed = new Set(printed('removed').flatMap((n) => batchOf(Number(n))));
      const interrupted = new Set(batchOf(crashBatch));
      const starred = new Set(printed('star'));
      const store = await LowdbLibraryStore.open(dir);
      try {
        await store.whenLoaded();
        expect(store.notices()).toEqual([]);
        for (const { id } of EXPIRING) {
          const item = await store.getItem(id);
          if (removed.has(id)) {
            expect(item, `${id} was removed but came back`).toBeUndefined();
          } else if (item || !interrupted.has(id)) {
            // Never half there: listed means its text and its read mark are there too.
            expect(item, `${id} was never removed but is missing`).toBeDefined();
            expect(item?.read, `${id} came back unread`).toBe(true);
            expect(item?.contentHtml).toContain('Full text');
          }
        }
        for (const { id } of STAYING) {
          const item = await store.getItem(id);
          expect(item?.read, `${id} lost its read mark`).toBe(true);
          if (starred.has(id)) expect(item?.starred, `${id} lost its star`).toBe(true);
        }
        // The counts agree with the items: nothing listed unread, nothing counted twice.
        const all = await store.queryItems({ filter: 'all', offset: 0, limit: 10_000 });
        expect(store.countOverall()).toMatchObject({ all: all.total, unread: 0 });
        expect(store.countItems('expiring').total).toBe(
          all.rows.filter((row) => row.feedId === 'expiring').length,
        );
      } finally {
        await store.close();
      }
    },
    120_000,
  );
});
