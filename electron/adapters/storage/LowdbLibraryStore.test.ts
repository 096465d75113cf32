import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  LowdbLibraryStore,
  STATE_SHARD_COUNT,
  type LowdbLibraryStoreOptions,
} from './LowdbLibraryStore';
import { feedFolderName } from './ItemPieces';
import { shardNumberOf } from './shardNumberOf';
import { sampleFeed, sampleItem, sampleItems, temporaryDataDir } from './testing/sampleLibrary';

const everything = { filter: 'all', offset: 0, limit: 1_000 } as const;

describe('LowdbLibraryStore', () => {
  let dataDir: string;
  let removeDataDir: () => Promise<void>;
  let library: string;
  const opened: LowdbLibraryStore[] = [];

  async function open(options: LowdbLibraryStoreOptions = {}): Promise<LowdbLibraryStore> {
    const store = await LowdbLibraryStore.open(dataDir, options);
    opened.push(store);
    return store;
  }

  /** A library with two feeds, marks and content, closed so every file and backup is on disk. */
  async function seedLibrary(): Promise<void> {
    const store = await open();
    await store.saveFeed(sampleFeed('nejm'));
    await store.saveFeed(sampleFeed('bmj'));
    await store.putItems([...sampleItems('nejm', 5), ...sampleItems('bmj', 3)]);
    await store.setItemState('nejm-item-1', { read: true });
    await store.setItemState('bmj-item-2', { starred: true });
    await store.close();
  }

  async function filesIn(folder: string): Promise<string[]> {
    return (await readdir(join(library, folder))).sort();
  }

  /** The folder holding a feed's records and content pieces. */
  function piecesOf(feedId: string): string {
    return join('pieces', feedFolderName(feedId));
  }

  beforeEach(async () => {
    ({ dir: dataDir, remove: removeDataDir } = await temporaryDataDir());
    library = join(dataDir, 'library');
  });

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
    await removeDataDir();
  });

  describe('round trip', () => {
    it('keeps feeds, items, content and marks across a reopen', async () => {
      await seedLibrary();
      const store = await open();
      expect(store.listFeeds().map((feed) => feed.id)).toEqual(['nejm', 'bmj']);
      expect(store.getFeed('bmj')).toEqual(sampleFeed('bmj'));
      expect(store.findFeedByUrl(sampleFeed('nejm').url)?.id).toBe('nejm');
      expect(await store.getItem('nejm-item-1')).toMatchObject({
        ...sampleItem('nejm', 1),
        read: true,
        starred: false,
      });
      expect(await store.getItem('bmj-item-2')).toMatchObject({
        ...sampleItem('bmj', 2),
        read: false,
        starred: true,
      });
      expect(store.countItems('nejm')).toEqual({ total: 5, unread: 4 });
      expect((await store.queryItems(everything)).total).toBe(8);
      expect(store.notices()).toEqual([]);
    });

    it('writes feeds.json as a versioned, readable document', async () => {
      await seedLibrary();
      const feeds: unknown = JSON.parse(await readFile(join(library, 'feeds.json'), 'utf8'));
      expect(feeds).toMatchObject({ schemaVersion: 1, feeds: [{ id: 'nejm' }, { id: 'bmj' }] });
    });

    it('returns copies, so a caller cannot change the library without saving', async () => {
      await seedLibrary();
      const store = await open();
      const feed = store.getFeed('nejm');
      if (feed) feed.title = 'Changed';
      expect(store.getFeed('nejm')?.title).toBe('Journal nejm');
    });

    it('reports unknown items and feeds without writing anything', async () => {
      const store = await open();
      expect(await store.setItemState('missing', { read: true })).toBe(false);
      expect(await store.removeFeed('missing')).toBe(false);
      expect(await store.getItem('missing')).toBeUndefined();
      expect(await filesIn('state')).toEqual([]);
    });

    it('refuses records that cannot be stored', async () => {
      const store = await open();
      await expect(store.putItems([sampleItem('f', 1, { id: '' })])).rejects.toThrow(TypeError);
      await expect(store.saveFeed(sampleFeed('f', { url: '' }))).rejects.toThrow(TypeError);
    });
  });

  describe('putItems', () => {
    it('counts only new items and keeps the marks of the items it refreshes', async () => {
      const store = await open();
      await store.saveFeed(sampleFeed('nejm'));
      expect(await store.putItems(sampleItems('nejm', 3))).toBe(3);
      await store.setItemState('nejm-item-0', { read: true, starred: true });

      const refreshed = sampleItem('nejm', 0, {
        title: 'Corrected title',
        contentHtml: '<p>Corrected</p>',
      });
      expect(await store.putItems([refreshed, sampleItem('nejm', 1), sampleItem('nejm', 3)])).toBe(
        1,
      );

      const reopened = await reopen(store);
      expect(await reopened.getItem('nejm-item-0')).toMatchObject({
        ...refreshed,
        read: true,
        starred: true,
      });
      expect(reopened.countItems('nejm')).toEqual({ total: 4, unread: 3 });
    });

    it('moves an item in the order when its date changes', async () => {
      const store = await open();
      await store.putItems(sampleItems('nejm', 3));
      await store.putItems([sampleItem('nejm', 0, { publishedAt: '2027-01-01T00:00:00.000Z' })]);
      const order = (await store.queryItems(everything)).rows.map((row) => row.id);
      expect(order).toEqual(['nejm-item-0', 'nejm-item-2', 'nejm-item-1']);
    });

    it('does not rewrite anything when a refresh brings nothing new', async () => {
      const written: string[] = [];
      const store = await open({ onDocumentWritten: (path) => written.push(path) });
      await store.putItems(sampleItems('nejm', 3));
      written.length = 0;
      expect(await store.putItems(sampleItems('nejm', 3))).toBe(0);
      expect(written).toEqual([]);
    });

    it('keeps the text of every item of many feeds across a reopen', async () => {
      const store = await open();
      const feeds = Array.from({ length: 12 }, (_, n) => `feed-${n}`);
      await store.putItems(feeds.flatMap((feedId) => sampleItems(feedId, 2)));
      for (const feedId of feeds) {
        expect((await store.getItem(`${feedId}-item-1`))?.contentHtml).toBe(
          sampleItem(feedId, 1).contentHtml,
        );
      }
      const reopened = await reopen(store);
      for (const feedId of feeds) {
        expect((await reopened.getItem(`${feedId}-item-0`))?.contentHtml).toBe(
          sampleItem(feedId, 0).contentHtml,
        );
      }
    });
  });

  describe('removeFeed', () => {
    it('deletes the feed, its items, their content and their marks, and nothing else', async () => {
      await seedLibrary();
      const store = await open();
      expect(await store.removeFeed('bmj')).toBe(true);
      expect(store.listFeeds().map((feed) => feed.id)).toEqual(['nejm']);

      const reopened = await reopen(store);
      expect(reopened.getFeed('bmj')).toBeUndefined();
      expect(reopened.countItems('bmj')).toEqual({ total: 0, unread: 0 });
      expect(
        (await reopened.queryItems(everything)).rows.every((row) => row.feedId === 'nejm'),
      ).toBe(true);
      expect((await reopened.queryItems({ filter: 'starred', offset: 0, limit: 10 })).total).toBe(
        0,
      );
      expect((await reopened.getItem('nejm-item-1'))?.read).toBe(true);

      expect(existsSync(join(library, piecesOf('bmj')))).toBe(false);
      expect(await filesIn(piecesOf('nejm'))).toEqual([
        'content-0000.json.gz',
        'records-0000.json.gz',
      ]);
      const onDisk = await Promise.all(
        [
          ...(await filesIn(piecesOf('nejm'))).map((name) => join(piecesOf('nejm'), name)),
          ...(await filesIn('state')).map((name) => `state/${name}`),
          'first-pages.json',
        ].map((path) => readFile(join(library, path), 'utf8')),
      );
      expect(onDisk.join('\n')).not.toContain('bmj-item');

      // Subscribing again starts clean: old marks do not come back.
      await reopened.putItems(sampleItems('bmj', 3));
      expect(await reopened.getItem('bmj-item-2')).toMatchObject({ read: false, starred: false });
    });
  });

  describe('queryItems', () => {
    it('lists newest first, filters by feed and by marks, and pages', async () => {
      const store = await open();
      await store.putItems([...sampleItems('nejm', 6), ...sampleItems('bmj', 6, 100)]);
      await store.setItemState('bmj-item-105', { read: true });
      await store.setItemState('nejm-item-2', { starred: true });

      const firstPage = await store.queryItems({ filter: 'all', offset: 0, limit: 3 });
      expect(firstPage.total).toBe(12);
      expect(firstPage.rows.map((row) => row.id)).toEqual([
        'bmj-item-105',
        'bmj-item-104',
        'bmj-item-103',
      ]);
      expect(firstPage.rows[0]).not.toHaveProperty('contentHtml');

      const unread = await store.queryItems({
        feedId: 'bmj',
        filter: 'unread',
        offset: 0,
        limit: 2,
      });
      expect(unread).toMatchObject({ total: 5 });
      expect(unread.rows.map((row) => row.id)).toEqual(['bmj-item-104', 'bmj-item-103']);
      expect(
        (await store.queryItems({ filter: 'starred', offset: 0, limit: 10 })).rows.map(
          (row) => row.id,
        ),
      ).toEqual(['nejm-item-2']);
      expect(
        (await store.queryItems({ feedId: 'nejm', filter: 'all', offset: 5, limit: 10 })).rows.map(
          (row) => row.id,
        ),
      ).toEqual(['nejm-item-0']);
    });
  });

  describe('durable, coalesced writes', () => {
    it('writes each state file once for a burst of marks, and every mark survives', async () => {
      const written: string[] = [];
      const store = await open({ onDocumentWritten: (path) => written.push(path) });
      const items = sampleItems('nejm', 1_000);
      await store.putItems(items);
      written.length = 0;

      const results = await Promise.all(
        items.map((item) => store.setItemState(item.id, { read: true })),
      );
      expect(results.every(Boolean)).toBe(true);
      const stateWrites = written.filter((path) => path.startsWith('state/'));
      expect(stateWrites.length).toBeLessThanOrEqual(STATE_SHARD_COUNT);
      expect(new Set(stateWrites).size).toBe(stateWrites.length);

      const reopened = await reopen(store);
      expect(reopened.countItems('nejm')).toEqual({ total: 1_000, unread: 0 });
    });

    it('turns many changes made during one in-flight write into one following write', async () => {
      const written: string[] = [];
      const store = await open({ onDocumentWritten: (path) => written.push(path) });
      const items = sampleItems('nejm', 6_000);
      await store.putItems(items);
      const shard = shardNumberOf(items[0]?.id ?? '', STATE_SHARD_COUNT);
      const sameFile = items.filter((item) => shardNumberOf(item.id, STATE_SHARD_COUNT) === shard);
      expect(sameFile.length).toBeGreaterThan(10);
      written.length = 0;

      const [first, ...rest] = sameFile;
      const firstWrite = store.setItemState(first?.id ?? '', { read: true });
      // By the next turn of the event loop the first write has captured its data and is on its way.
      await new Promise((resolve) => setImmediate(resolve));
      const laterWrites = rest.map((item) => store.setItemState(item.id, { starred: true }));
      await Promise.all([firstWrite, ...laterWrites]);

      expect(written.filter((path) => path.startsWith('state/'))).toHaveLength(2);
      const reopened = await reopen(store);
      expect(
        (await reopened.queryItems({ filter: 'starred', offset: 0, limit: 1_000 })).total,
      ).toBe(rest.length);
      expect((await reopened.getItem(first?.id ?? ''))?.read).toBe(true);
    });

    it('rejects the callers of a failed write, and saves their change with a later write', async () => {
      const store = await open();
      await store.putItems(sampleItems('nejm', 2));
      // Put a file where the state folder should be: writing into it fails, even as root.
      await rm(join(library, 'state'), { recursive: true });
      await writeFile(join(library, 'state'), 'not a folder');
      await expect(store.setItemState('nejm-item-0', { read: true })).rejects.toThrow();
      expect((await store.getItem('nejm-item-0'))?.read).toBe(true);

      await rm(join(library, 'state'));
      await mkdir(join(library, 'state'));
      const reopened = await reopen(store);
      expect((await reopened.getItem('nejm-item-0'))?.read).toBe(true);
    });

    it('refuses changes once closed', async () => {
      const store = await open();
      await store.close();
      await expect(store.setItemState('x', { read: true })).rejects.toThrow(/closed/);
    });

    it('removes temporary files that a crash left behind', async () => {
      await seedLibrary();
      await writeFile(join(library, 'feeds.json.3735928559'), '{"half":');
      await writeFile(join(library, 'backups', 'feeds.json.bak.4242-1.tmp'), '');
      await open();
      expect(await filesIn('.')).not.toContain('feeds.json.3735928559');
      expect(await filesIn('backups')).not.toContain('feeds.json.bak.4242-1.tmp');
    });
  });

  describe('damaged files', () => {
    const fixedClock = () => new Date('2026-11-25T22:40:00.123Z');

    it('sets a damaged feeds.json aside, restores the last good copy and tells the user', async () => {
      await seedLibrary();
      const damaged = '{"schemaVersion":1,"feeds":[{"id":"nejm","url":"https://jour';
      await writeFile(join(library, 'feeds.json'), damaged);

      const store = await open({ now: fixedClock });
      expect(store.listFeeds().map((feed) => feed.id)).toEqual(['nejm', 'bmj']);
      const keptAt = join(library, 'feeds.json.corrupt-2026-11-25T22-40-00Z');
      expect(await readFile(keptAt, 'utf8')).toBe(damaged);
      expect(store.notices()).toEqual([
        expect.objectContaining({
          kind: 'restored-from-backup',
          keptAt,
          at: '2026-11-25T22:40:00.123Z',
        }),
      ]);
      expect(store.notices()[0]?.message).toContain('your feed subscriptions');
      expect(store.notices()[0]?.message).toContain(keptAt);
      // The restored file is whole again on disk.
      expect(JSON.parse(await readFile(join(library, 'feeds.json'), 'utf8'))).toMatchObject({
        schemaVersion: 1,
      });
    });

    it.each([
      [
        'a truncated state shard',
        'state',
        'state-',
        '{"schemaVersion":1,"states":{"nejm-item-1":{"read":tr',
      ],
      ['a state shard that is not a document', 'state', 'state-', 'null'],
    ])('recovers %s from its backup', async (_, folder, prefix, content) => {
      await seedLibrary();
      const names = (await filesIn(folder)).filter((name) => name.startsWith(prefix));
      for (const name of names) await writeFile(join(library, folder, name), content);

      const store = await open();
      expect(await store.getItem('nejm-item-1')).toMatchObject({
        title: sampleItem('nejm', 1).title,
        read: true,
      });
      expect((await store.getItem('bmj-item-2'))?.starred).toBe(true);
      expect(store.notices()).toHaveLength(names.length);
      expect(store.notices().every((notice) => notice.kind === 'restored-from-backup')).toBe(true);
      for (const notice of store.notices()) expect(existsSync(notice.keptAt)).toBe(true);
    });

    it('keeps no backup of fetched items, only of what the user made', async () => {
      await seedLibrary();
      const backups = await readdir(join(library, 'backups'), { recursive: true });
      expect(backups.filter((name) => name.endsWith('.bak')).sort()).toEqual([
        'feeds.json.bak',
        ...(await filesIn('state')).map((name) => join('state', `${name}.bak`)),
      ]);
    });

    it('reports a damaged records piece, keeps the other feeds and fetches its feed again', async () => {
      await seedLibrary();
      const seeded = await open();
      await seeded.saveFeed({ ...sampleFeed('bmj'), etag: '"v7"', bodyHash: 'a'.repeat(64) });
      await seeded.close();
      const damaged = join(library, piecesOf('bmj'), 'records-0000.json.gz');
      await writeFile(damaged, '{"schemaVersion":1,"feedId":"bmj","items":[{"id":"bm');

      const store = await open({ now: fixedClock });
      await store.whenLoaded();
      expect((await store.queryItems(everything)).rows.map((row) => row.feedId)).toEqual(
        Array(5).fill('nejm'),
      );
      expect(store.notices()).toEqual([
        expect.objectContaining({
          kind: 'reset-to-empty',
          keptAt: `${damaged}.corrupt-2026-11-25T22-40-00Z`,
        }),
      ]);
      expect(store.notices()[0]?.message).toContain(
        'Refreshing your feeds fetches their articles again',
      );
      expect(store.getFeed('bmj')).toMatchObject({
        etag: null,
        lastModified: null,
        bodyHash: null,
      });
      // The next refresh stores them again, with the marks the user had kept.
      await store.putItems(sampleItems('bmj', 3));
      expect((await store.getItem('bmj-item-2'))?.starred).toBe(true);
    });

    it('reports a damaged content piece when an article is opened, and fetches its feed again', async () => {
      await seedLibrary();
      const seeded = await open();
      await seeded.saveFeed({ ...sampleFeed('nejm'), bodyHash: 'a'.repeat(64) });
      await seeded.close();
      await writeFile(
        join(library, piecesOf('nejm'), 'content-0000.json.gz'),
        gzipSync('{"schemaVersion":1,"html":{"nejm-item-0":"<p>cut'),
      );
      const store = await open();
      expect(store.notices()).toEqual([]);
      expect(await store.getItem('nejm-item-0')).toMatchObject({
        title: sampleItem('nejm', 0).title,
        contentHtml: '',
      });
      expect(store.notices()[0]).toMatchObject({ kind: 'reset-to-empty' });
      expect(store.notices()[0]?.message).toContain('the text of some articles');
      expect(store.getFeed('nejm')?.bodyHash).toBeNull();
      // Opening another item of the same piece reads the fresh (empty) piece without a new notice.
      expect((await store.getItem('nejm-item-1'))?.contentHtml).toBe('');
      expect(store.notices()).toHaveLength(1);
    });

    it('starts a damaged document empty when there is no backup, and says so', async () => {
      await seedLibrary();
      await rm(join(library, 'backups'), { recursive: true });
      await writeFile(join(library, 'feeds.json'), '');

      const store = await open();
      expect(store.listFeeds()).toEqual([]);
      expect((await store.queryItems(everything)).total).toBe(8);
      const [notice] = store.notices();
      expect(notice?.kind).toBe('reset-to-empty');
      expect(notice && existsSync(notice.keptAt)).toBe(true);
      expect(notice?.message).toContain('no good backup');
    });

    it('restores a document that vanished from the folder', async () => {
      await seedLibrary();
      await rm(join(library, 'feeds.json'));
      const store = await open();
      expect(store.listFeeds()).toHaveLength(2);
      expect(store.notices()[0]).toMatchObject({ kind: 'restored-from-backup', keptAt: '' });
    });

    it('reads a feeds.json saved with a byte-order mark, losing nothing and raising no notice', async () => {
      await seedLibrary();
      const text = await readFile(join(library, 'feeds.json'));
      await writeFile(
        join(library, 'feeds.json'),
        Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), text]),
      );
      const store = await open();
      expect(store.listFeeds()).toEqual([sampleFeed('nejm'), sampleFeed('bmj')]);
      expect(store.notices()).toEqual([]);
    });

    it('refreshes the backup from a file that loaded cleanly', async () => {
      await seedLibrary();
      // Edited by hand (or left by a session that crashed before its backup caught up).
      const edited = {
        schemaVersion: 1,
        feeds: [sampleFeed('nejm'), sampleFeed('bmj'), sampleFeed('lancet')],
      };
      await writeFile(join(library, 'feeds.json'), JSON.stringify(edited));
      await (await open()).close();

      await writeFile(join(library, 'feeds.json'), '{');
      const store = await open();
      expect(store.listFeeds().map((feed) => feed.id)).toEqual(['nejm', 'bmj', 'lancet']);
    });

    it('leaves every backup current after a clean close', async () => {
      const store = await open();
      await store.saveFeed(sampleFeed('nejm'));
      await store.saveFeed(sampleFeed('bmj'));
      await store.close();
      const backup: unknown = JSON.parse(
        await readFile(join(library, 'backups', 'feeds.json.bak'), 'utf8'),
      );
      expect(backup).toMatchObject({ feeds: [{ id: 'nejm' }, { id: 'bmj' }] });
    });

    it('keeps notices until they are dismissed', async () => {
      await seedLibrary();
      await writeFile(join(library, 'feeds.json'), 'not json');
      const first = await open();
      const [notice] = first.notices();
      await first.close();

      const second = await open();
      expect(second.notices()).toEqual([notice]);
      expect(await second.dismissNotice(notice?.id ?? '')).toBe(true);
      expect(await second.dismissNotice(notice?.id ?? '')).toBe(false);
      await second.close();

      expect((await open()).notices()).toEqual([]);
    });
  });

  async function reopen(
    store: LowdbLibraryStore,
    options: LowdbLibraryStoreOptions = {},
  ): Promise<LowdbLibraryStore> {
    await store.close();
    return open(options);
  }
});
