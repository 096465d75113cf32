import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { LowdbLibraryStore } from './LowdbLibraryStore';
import { spawnTypeScript, type TypeScriptChild } from './testing/spawnTypeScript';
import { temporaryDataDir } from './testing/sampleLibrary';

const WRITE_BURST = fileURLToPath(new URL('./testing/writeBurst.ts', import.meta.url));

describe('LowdbLibraryStore killed mid-write', () => {
  const cleanups: (() => Promise<void>)[] = [];
  const children: TypeScriptChild[] = [];

  afterEach(async () => {
    for (const child of children.splice(0)) child.process.kill('SIGKILL');
    await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
  });

  // Early and late kills: the first lands among the first writes of each file, the second while
  // coalesced writes are queued behind each other.
  it.each([30, 400])(
    'loads without error after SIGKILL following %i acknowledged writes, with every acknowledged write present',
    async (killAfter) => {
      const { dir, remove } = await temporaryDataDir('rounds-crash-');
      cleanups.push(remove);
      const child = spawnTypeScript(WRITE_BURST, [dir]);
      children.push(child);
      await child.waitForLine((line) => line === 'ready', 30_000);
      const acknowledged = (): string[] =>
        child.lines.filter((line) => /^(state|item) /.test(line));
      await child.waitForLine(() => acknowledged().length >= killAfter, 30_000);
      child.process.kill('SIGKILL');
      expect(await child.exited).toBe('SIGKILL');

      const store = await LowdbLibraryStore.open(dir);
      try {
        expect(store.notices()).toEqual([]);
        const lines = acknowledged();
        expect(lines.length).toBeGreaterThanOrEqual(killAfter);
        for (const line of lines) {
          const [kind, id = ''] = line.split(' ');
          const item = await store.getItem(id);
          expect(item, `${line} was acknowledged but is missing`).toBeDefined();
          if (kind === 'state')
            expect(item?.read, `${line} was acknowledged but is unread`).toBe(true);
          else expect(item?.contentHtml).toContain('Full text');
        }
      } finally {
        await store.close();
      }
    },
    60_000,
  );
});
