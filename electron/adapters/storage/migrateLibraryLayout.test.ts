import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ItemRow } from '../../services/library/LibraryStore';
import { LowdbLibraryStore, type MigrationProgress } from './LowdbLibraryStore';
import { feedFolderName } from './ItemPieces';
import { spawnTypeScript, type TypeScriptChild } from './testing/spawnTypeScript';
import { temporaryDataDir } from './testing/sampleLibrary';

/**
 * A library written by the layout-1 store (commit 59d4e3d): 300 items in four feeds, read and
 * starred marks, two mute rules, twelve papers in two feeds, posts discussing papers, a preprint
 * and its published version, undated items. Beside it, what that store showed of it.
 */
const LAYOUT_1_LIBRARY = fileURLToPath(new URL('./fixtures/layout-1/library', import.meta.url));
const LAYOUT_1_EXPECTED = fileURLToPath(
  new URL('./fixtures/layout-1-expected.json', import.meta.url),
);
const MIGRATE_UNTIL_PAUSED = fileURLToPath(
  new URL('./testing/migrateUntilPaused.ts', import.meta.url),
);
const FEEDS = ['lancet', 'nejm', 'pubmed', 'colleague'];
const FILTERS = ['all', 'unread', 'starred'] as const;

interface ExpectedViews {
  feeds: unknown;
  overall: unknown;
  perFeed: Record<string, unknown>;
  rules: unknown;
  lists: Record<string, unknown>;
  opened: Record<string, unknown>;
}

function rowView(row: ItemRow): unknown[] {
  return [row.id, row.read, row.starred, row.copies.map((copy) => copy.itemId), row.discussedBy];
}

function sha(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** What the store shows of the library, in the same form as the fixture's expectations. */
async function viewsOf(store: LowdbLibraryStore): Promise<ExpectedViews> {
  await store.whenLoaded();
  const lists: Record<string, unknown> = {};
  for (const filter of FILTERS) {
    for (const scope of [undefined, ...FEEDS]) {
      const { rows, total } = await store.queryItems({
        feedId: scope,
        filter,
        offset: 0,
        limit: 1000,
      });
      lists[`${scope ?? 'overall'}/${filter}`] = { total, rows: rows.map(rowView) };
    }
  }
  const opened: Record<string, unknown> = {};
  for (const id of await store.itemIds()) {
    const detail = await store.getItem(id);
    if (!detail) continue;
    const { linkedVersion } = detail;
    opened[id] = {
      row: rowView(detail),
      html: sha(detail.contentHtml),
      title: detail.title,
      publishedAt: detail.publishedAt,
      discussions: detail.discussions.map((post) => post.id),
      linked: linkedVersion && [
        linkedVersion.relation,
        linkedVersion.doi,
        linkedVersion.row?.id ?? null,
      ],
    };
  }
  return {
    feeds: store.listFeeds(),
    overall: store.countOverall(),
    perFeed: Object.fromEntries(FEEDS.map((feedId) => [feedId, store.countItems(feedId)])),
    rules: store.rules(),
    lists,
    opened,
  };
}

describe('migrating a library written in layout 1', () => {
  let dataDir: string;
  let library: string;
  let removeDataDir: () => Promise<void>;
  let expected: ExpectedViews;
  const opened: LowdbLibraryStore[] = [];
  const children: TypeScriptChild[] = [];

  async function open(progress: MigrationProgress[] = []): Promise<LowdbLibraryStore> {
    const store = await LowdbLibraryStore.open(dataDir, {
      onMigrationProgress: (step) => void progress.push(step),
    });
    opened.push(store);
    return store;
  }

  beforeEach(async () => {
    ({ dir: dataDir, remove: removeDataDir } = await temporaryDataDir('rounds-migration-'));
    library = join(dataDir, 'library');
    await cp(LAYOUT_1_LIBRARY, library, { recursive: true });
    const { madeBy, ...views } = JSON.parse(await readFile(LAYOUT_1_EXPECTED, 'utf8')) as {
      madeBy: string;
    } & ExpectedViews;
    void madeBy;
    expected = views;
  });

  afterEach(async () => {
    for (const child of children.splice(0)) child.process.kill('SIGKILL');
    await Promise.all(opened.splice(0).map((store) => store.close()));
    await removeDataDir();
  });

  it('lists, counts and opens every item exactly as the layout-1 store did, reporting progress', async () => {
    const progress: MigrationProgress[] = [];
    const store = await open(progress);

    expect(await viewsOf(store)).toEqual(expected);
    expect(progress.map(({ done }) => done)).toEqual(Array.from({ length: 64 }, (_, n) => n + 1));
    expect(progress.every(({ of }) => of === 64)).toBe(true);
    expect(JSON.parse(await readFile(join(library, 'layout.json'), 'utf8'))).toEqual({
      layoutVersion: 3,
    });
    // The old item files and their backups are gone; the user's own backups stay.
    expect(existsSync(join(library, 'items'))).toBe(false);
    expect(existsSync(join(library, 'backups', 'items'))).toBe(false);
    expect(existsSync(join(library, 'backups', 'feeds.json.bak'))).toBe(true);
    expect((await readdir(join(library, 'pieces'))).sort()).toEqual(
      FEEDS.map(feedFolderName).sort(),
    );
  });

  it('marks a paper read in every feed after the migration, and keeps it across a restart', async () => {
    const store = await open();
    await store.whenLoaded();
    // lancet-item-5 and nejm-item-3 are one paper (the fixture's first twelve NEJM items).
    expect(await store.setItemState('nejm-item-3', { read: true })).toBe(true);
    await store.close();

    const reopened = await open();
    expect((await reopened.getItem('lancet-item-5'))?.read).toBe(true);
    const before = expected.overall as { unread: number };
    expect(reopened.countOverall().unread).toBe(before.unread - 1);
  });

  it('runs only once: a second start finds the new layout and changes nothing', async () => {
    await (await open()).close();
    const progress: MigrationProgress[] = [];
    const store = await open(progress);
    expect(progress).toEqual([]);
    expect(await viewsOf(store)).toEqual(expected);
  });

  it.each([1, 20, 64])(
    'finishes on the next start after being killed at step %i of 64',
    async (step) => {
      const child = spawnTypeScript(MIGRATE_UNTIL_PAUSED, [dataDir, String(step)]);
      children.push(child);
      await child.waitForLine((line) => line === `paused ${step}`, 60_000);
      child.process.kill('SIGKILL');
      expect(await child.exited).toBe('SIGKILL');
      // Killed before the switch: the old files are whole and the layout is still the old one.
      expect(existsSync(join(library, 'layout.json'))).toBe(false);
      expect(existsSync(join(library, 'items'))).toBe(true);

      const store = await open();
      expect(await viewsOf(store)).toEqual(expected);
      expect(existsSync(join(library, 'items'))).toBe(false);
    },
    90_000,
  );

  it('removes the old files on the next start when it was stopped after the switch', async () => {
    await (await open()).close();
    // As if killed between writing layout.json and removing the old files.
    await cp(join(LAYOUT_1_LIBRARY, 'items'), join(library, 'items'), { recursive: true });

    const progress: MigrationProgress[] = [];
    const store = await open(progress);
    expect(progress).toEqual([]);
    expect(existsSync(join(library, 'items'))).toBe(false);
    expect(await viewsOf(store)).toEqual(expected);
  });

  it('migrates a damaged item shard from its backup, without a notice', async () => {
    const index = (await readdir(join(library, 'items'))).filter((n) => n.startsWith('index-'));
    for (const name of index) await writeFile(join(library, 'items', name), '{"items":[{"id"');
    const store = await open();
    expect(await viewsOf(store)).toEqual(expected);
    expect(store.notices()).toEqual([]);
  });

  it('reports a shard lost with its backup and fetches its feeds again', async () => {
    const lancetShard = 'index-04.json';
    const { items } = JSON.parse(await readFile(join(library, 'items', lancetShard), 'utf8')) as {
      items: { feedId: string }[];
    };
    const lost = new Set(items.map((item) => item.feedId));
    await writeFile(join(library, 'items', lancetShard), 'not json');
    await writeFile(join(library, 'backups', 'items', `${lancetShard}.bak`), '');

    const store = await open();
    await store.whenLoaded();
    expect(store.notices()).toEqual([expect.objectContaining({ kind: 'reset-to-empty' })]);
    expect(store.notices()[0]?.message).toContain('items/index-04.json');
    expect(store.notices()[0]?.message).toContain('Refreshing your feeds fetches them again');
    for (const feedId of FEEDS) {
      const feed = store.getFeed(feedId);
      if (lost.has(feedId)) {
        expect(feed).toMatchObject({ etag: null, bodyHash: null });
        expect(store.countItems(feedId).total).toBe(0);
      } else {
        expect(feed?.etag).toBe(`"${feedId}-1"`);
      }
    }
  });

  it('refuses a library written by a newer layout, changing nothing', async () => {
    await writeFile(join(library, 'layout.json'), '{"layoutVersion":4}');
    await expect(open()).rejects.toThrow(
      'This library was written by a newer version of Rounds (layout 4; this version reads layout 3). Update Rounds to open it; nothing was changed.',
    );
    expect(existsSync(join(library, 'items'))).toBe(true);
  });
});

describe('migrating a library written in layout 2 (pieces not yet compressed)', () => {
  let dataDir: string;
  let library: string;
  let removeDataDir: () => Promise<void>;
  const opened: LowdbLibraryStore[] = [];

  async function open(progress: MigrationProgress[] = []): Promise<LowdbLibraryStore> {
    const store = await LowdbLibraryStore.open(dataDir, {
      onMigrationProgress: (step) => void progress.push(step),
    });
    opened.push(store);
    return store;
  }

  /** Every file under pieces/, relative to it. */
  async function pieceFiles(): Promise<string[]> {
    const names: string[] = [];
    for (const folder of await readdir(join(library, 'pieces'))) {
      for (const name of await readdir(join(library, 'pieces', folder))) {
        names.push(`${folder}/${name}`);
      }
    }
    return names.sort();
  }

  beforeEach(async () => {
    ({ dir: dataDir, remove: removeDataDir } = await temporaryDataDir('rounds-migration-2-'));
    library = join(dataDir, 'library');
    await cp(LAYOUT_1_LIBRARY, library, { recursive: true });
  });

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
    await removeDataDir();
  });

  it('compresses every piece, also after a run that stopped half-way, and shows the same library', async () => {
    const current = await open();
    const expected = await viewsOf(current);
    await current.close();
    // Back to layout 2: plain pieces. One piece is left in both forms, as a run killed
    // between writing the compressed file and removing the plain one leaves it.
    const compressed = (await pieceFiles()).filter((name) => name.endsWith('.json.gz'));
    for (const [index, name] of compressed.entries()) {
      const path = join(library, 'pieces', name);
      await writeFile(path.replace(/\.gz$/, ''), gunzipSync(await readFile(path)));
      if (index > 0) await rm(path);
    }
    await writeFile(join(library, 'layout.json'), '{"layoutVersion":2}');

    const progress: MigrationProgress[] = [];
    const migrated = await open(progress);

    expect(await viewsOf(migrated)).toEqual(expected);
    expect(await pieceFiles()).toEqual(compressed);
    expect(progress.at(-1)).toEqual({ done: compressed.length, of: compressed.length });
    expect(JSON.parse(await readFile(join(library, 'layout.json'), 'utf8'))).toEqual({
      layoutVersion: 3,
    });
  });
});
