import { chmod, lstat, readdir, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataFolderLock } from './DataFolderLock';
import { feedFolderName } from './ItemPieces';
import { LowdbLibraryStore } from './LowdbLibraryStore';
import { SymbolicLinkRefusedError } from './refuseSymbolicLinks';
import { sampleFeed, sampleItems, temporaryDataDir } from './testing/sampleLibrary';

const fixedClock = () => new Date('2026-11-25T22:40:00.123Z');

/** Every folder and file under `dir` (itself included) with its permission bits. */
async function modesUnder(dir: string): Promise<Map<string, number>> {
  const modes = new Map<string, number>([[dir, (await lstat(dir)).mode & 0o777]]);
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    const path = join(entry.parentPath, entry.name);
    modes.set(path, (await lstat(path)).mode & 0o777);
  }
  return modes;
}

async function expectOwnerOnly(dir: string): Promise<void> {
  const modes = await modesUnder(dir);
  const folders: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isDirectory()) folders.push(join(entry.parentPath, entry.name));
  }
  const expected = new Map(
    [...modes.keys()].map((path) => [path, path === dir || folders.includes(path) ? 0o700 : 0o600]),
  );
  expect(Object.fromEntries(modes)).toEqual(Object.fromEntries(expected));
}

describe('LowdbLibraryStore on disk', () => {
  let dataDir: string;
  let removeDataDir: () => Promise<void>;
  let library: string;
  const opened: LowdbLibraryStore[] = [];

  async function open(): Promise<LowdbLibraryStore> {
    const store = await LowdbLibraryStore.open(dataDir, { now: fixedClock });
    opened.push(store);
    return store;
  }

  /** Feeds, items, marks and backups on disk, as a closed session leaves them. */
  async function seedLibrary(): Promise<void> {
    const lock = await DataFolderLock.acquire(dataDir);
    const store = await LowdbLibraryStore.open(dataDir);
    await store.saveFeed(sampleFeed('nejm'));
    await store.putItems(sampleItems('nejm', 3));
    await store.setItemState('nejm-item-1', { read: true });
    await store.close();
    await lock.release();
  }

  beforeEach(async () => {
    ({ dir: dataDir, remove: removeDataDir } = await temporaryDataDir());
    library = join(dataDir, 'library');
  });

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
    await removeDataDir();
  });

  it('removes the temporary files that writes interrupted by a crash left behind', async () => {
    await seedLibrary();
    const leftovers = [
      join(library, 'feeds.json.0b6f1f0e-64a4-4a4e-9d35-3c1b8a2f5e71.tmp'),
      join(
        library,
        'backups',
        'state',
        'state-003.json.bak.5d0c4bb8-8f26-4f1e-a3f9-7f0b2d9e4c10.tmp',
      ),
      join(
        library,
        'pieces',
        feedFolderName('nejm'),
        'records-0000.json.gz.7c1d2e3f-1a2b-4c3d-8e9f-0a1b2c3d4e5f.tmp',
      ),
    ];
    for (const leftover of leftovers) await writeFile(leftover, '{"half":');
    await (await open()).whenLoaded();
    for (const leftover of leftovers) {
      expect(await lstat(leftover).catch(() => null), leftover).toBeNull();
    }
  });

  describe.skipIf(process.platform === 'win32')('permissions', () => {
    it('keeps every folder and file of a new library readable by its owner only', async () => {
      const fresh = join(dataDir, 'fresh');
      const lock = await DataFolderLock.acquire(fresh);
      const store = await LowdbLibraryStore.open(fresh);
      await store.saveFeed(sampleFeed('nejm'));
      await store.putItems(sampleItems('nejm', 3));
      await store.setItemState('nejm-item-1', { read: true });
      // Closed, so that no backup is being written while the files are listed; still locked.
      await store.close();
      await expectOwnerOnly(fresh);
      await lock.release();
      await expectOwnerOnly(fresh);
    });

    it('keeps a damaged file set aside, and the copy restored over it, readable by the owner only', async () => {
      await seedLibrary();
      await writeFile(join(library, 'feeds.json'), '{"schemaVersion":1,"feeds":[', { mode: 0o644 });
      await chmod(join(library, 'feeds.json'), 0o644);
      const store = await open();
      expect(store.notices()).toHaveLength(1);
      await store.close();
      await expectOwnerOnly(dataDir);
    });

    it('tightens the folders and files an earlier version left readable by everyone', async () => {
      await seedLibrary();
      for (const [path] of await modesUnder(dataDir)) {
        const isFolder = (await lstat(path)).isDirectory();
        await chmod(path, isFolder ? 0o755 : 0o644);
      }
      const lock = await DataFolderLock.acquire(dataDir);
      const store = await open();
      expect((await store.getItem('nejm-item-1'))?.read).toBe(true);
      await store.close();
      await expectOwnerOnly(dataDir);
      await lock.release();
    });
  });

  describe('symbolic links', () => {
    let outside: { dir: string; remove: () => Promise<void> };
    const outsideDocument = JSON.stringify({ schemaVersion: 1, feeds: [sampleFeed('outside')] });

    beforeEach(async () => {
      outside = await temporaryDataDir('rounds-outside-');
      await writeFile(join(outside.dir, 'feeds.json'), outsideDocument);
    });
    afterEach(() => outside.remove());

    it('sets aside a document that is a link to a file outside the folder, without reading or writing that file', async () => {
      await seedLibrary();
      const feedsPath = join(library, 'feeds.json');
      await rm(feedsPath);
      await symlink(join(outside.dir, 'feeds.json'), feedsPath);

      const store = await open();
      expect(store.listFeeds().map((feed) => feed.id)).toEqual(['nejm']);
      const keptAt = join(library, 'feeds.json.corrupt-2026-11-25T22-40-00Z');
      expect(store.notices()).toEqual([
        expect.objectContaining({ kind: 'restored-from-backup', keptAt }),
      ]);
      expect(store.notices()[0]?.message).toContain(
        'Rounds could not read your feed subscriptions (feeds.json) because the file was a ' +
          'symbolic link, which Rounds does not follow, so it restored the last good copy',
      );
      expect(store.notices()[0]?.message).toContain(`The link was kept at ${keptAt}.`);
      expect((await lstat(keptAt)).isSymbolicLink()).toBe(true);

      await store.saveFeed(sampleFeed('bmj'));
      expect((await lstat(feedsPath)).isFile()).toBe(true);
      expect(await readFile(join(outside.dir, 'feeds.json'), 'utf8')).toBe(outsideDocument);
      expect(await readdir(outside.dir)).toEqual(['feeds.json']);
    });

    it('refuses to open a library whose folder is a link to a folder outside, naming it', async () => {
      await seedLibrary();
      const linkedFolder = join(library, 'pieces');
      await rename(linkedFolder, join(outside.dir, 'pieces'));
      await symlink(join(outside.dir, 'pieces'), linkedFolder);
      const before = await readdir(join(outside.dir, 'pieces'), { recursive: true });

      await expect(open()).rejects.toThrow(new SymbolicLinkRefusedError(linkedFolder).message);
      expect(await readdir(join(outside.dir, 'pieces'), { recursive: true })).toEqual(before);
    });
  });
});
