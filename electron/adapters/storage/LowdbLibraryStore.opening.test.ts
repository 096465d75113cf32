import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LowdbLibraryStore } from './LowdbLibraryStore';
import { sampleFeed, sampleItem, sampleItems, temporaryDataDir } from './testing/sampleLibrary';

const firstPage = { filter: 'all', offset: 0, limit: 100 } as const;

/** Holds the background load before its first feed folder until {@link release} is called. */
function loadGate(): { hold: () => Promise<void>; release: () => void; reached: Promise<void> } {
  let release!: () => void;
  let reach!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const reached = new Promise<void>((resolve) => (reach = resolve));
  return {
    hold: () => {
      reach();
      return released;
    },
    release,
    reached,
  };
}

describe('LowdbLibraryStore, opening before the items are loaded', () => {
  let dataDir: string;
  let removeDataDir: () => Promise<void>;
  const opened: LowdbLibraryStore[] = [];

  async function open(hold?: () => Promise<void>): Promise<LowdbLibraryStore> {
    const store = await LowdbLibraryStore.open(dataDir, {
      ...(hold ? { beforeLoadingFeedFolder: hold } : {}),
    });
    opened.push(store);
    return store;
  }

  /** 150 items in two feeds, one read, one starred, one muted; closed so everything is on disk. */
  async function seedLibrary(): Promise<void> {
    const store = await open();
    await store.saveFeed(sampleFeed('nejm'));
    await store.saveFeed(sampleFeed('bmj'));
    await store.putItems([
      ...sampleItems('nejm', 100),
      ...sampleItems('bmj', 49, 200),
      sampleItem('bmj', 300, { title: 'Retracted: a trial' }),
    ]);
    await store.setItemState('nejm-item-99', { read: true });
    await store.setItemState('bmj-item-210', { starred: true });
    await store.saveRules({
      muteRules: [
        {
          id: 'r',
          text: 'retracted',
          feedId: null,
          field: 'title',
          createdAt: '2026-01-01T00:00:00.000Z',
        },
      ],
      savedSearches: [],
    });
    await store.close();
    opened.length = 0;
  }

  beforeEach(async () => {
    ({ dir: dataDir, remove: removeDataDir } = await temporaryDataDir());
  });

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
    await removeDataDir();
  });

  it('answers the first page of each overall list and every count before reading any item file', async () => {
    await seedLibrary();
    const loaded = await open();
    await loaded.whenLoaded();
    const whenLoaded = {
      lists: await Promise.all(
        (['all', 'unread', 'starred'] as const).map((filter) =>
          loaded.queryItems({ filter, offset: 0, limit: 100 }),
        ),
      ),
      overall: loaded.countOverall(),
      feeds: [loaded.countItems('nejm'), loaded.countItems('bmj')],
    };
    await loaded.close();

    const gate = loadGate();
    const store = await open(gate.hold);
    await gate.reached;
    expect({
      lists: await Promise.all(
        (['all', 'unread', 'starred'] as const).map((filter) =>
          store.queryItems({ filter, offset: 0, limit: 100 }),
        ),
      ),
      overall: store.countOverall(),
      feeds: [store.countItems('nejm'), store.countItems('bmj')],
    }).toEqual(whenLoaded);
    expect(whenLoaded.overall).toEqual({ all: 149, unread: 148, starred: 1 });
    gate.release();
  });

  it('answers what the opening view cannot hold once the items are loaded', async () => {
    await seedLibrary();
    const gate = loadGate();
    const store = await open(gate.hold);
    await gate.reached;
    const events: string[] = [];
    const pending = [
      store.queryItems({ ...firstPage, offset: 100 }),
      store.queryItems({ ...firstPage, feedId: 'bmj' }),
      store.queryItems({ ...firstPage, query: 'trial' }),
      store.getItem('nejm-item-3'),
      store.setItemState('nejm-item-3', { read: true }),
    ].map((call) => call.then(() => events.push('answered')));
    events.push('released');
    gate.release();
    await Promise.all(pending);
    expect(events).toEqual(['released', ...Array(5).fill('answered')]);
    expect((await store.queryItems({ ...firstPage, offset: 100 })).rows).toHaveLength(49);
    expect((await store.getItem('nejm-item-3'))?.read).toBe(true);
  });

  it('repairs a stale opening view (a crash before its rewrite) once the items are loaded', async () => {
    await seedLibrary();
    const path = join(dataDir, 'library', 'first-pages.json');
    const view = JSON.parse(await readFile(path, 'utf8')) as {
      overall: { all: number };
      feeds: Record<string, { total: number }>;
    };
    view.overall.all = 7;
    view.feeds.nejm = { total: 7, unread: 7 } as never;
    await writeFile(path, JSON.stringify(view));

    const store = await open();
    await store.whenLoaded();
    expect(store.countOverall().all).toBe(149);
    expect(store.countItems('nejm')).toEqual({ total: 100, unread: 99 });
    await store.close();
    const repaired = JSON.parse(await readFile(path, 'utf8')) as typeof view;
    expect(repaired.overall.all).toBe(149);
    expect(repaired.feeds.nejm).toEqual({ total: 100, unread: 99 });
  });

  it.each([
    ['missing', (path: string) => rm(path)],
    ['damaged', (path: string) => writeFile(path, '{"lists":')],
    ['inconsistent', (path: string) => writeFile(path, '{"lists":{"all":["x"]},"rows":[]}')],
  ])('loads every item before answering when the opening view is %s', async (_, spoil) => {
    await seedLibrary();
    await spoil(join(dataDir, 'library', 'first-pages.json'));
    const store = await open();
    expect(store.countOverall()).toEqual({ all: 149, unread: 148, starred: 1 });
    expect((await store.queryItems(firstPage)).total).toBe(149);
    expect(store.notices()).toEqual([]);
  });

  it('does not answer from the opening view when the rules it was built under were lost', async () => {
    await seedLibrary();
    await writeFile(join(dataDir, 'library', 'rules.json'), '{"muteRules":[tr');
    await rm(join(dataDir, 'library', 'backups', 'rules.json.bak'));
    const store = await open();
    // Without the rule, the retracted item is listed again at once.
    expect(store.countOverall().all).toBe(150);
    expect((await store.queryItems(firstPage)).total).toBe(150);
  });

  it('keeps the opening view in step with marks, new items and rules', async () => {
    await seedLibrary();
    const store = await open();
    await store.setItemState('bmj-item-248', { read: true, starred: true });
    await store.putItems([sampleItem('nejm', 1000)]);
    await store.saveRules({ muteRules: [], savedSearches: [] });
    const expected = {
      page: await store.queryItems(firstPage),
      starred: await store.queryItems({ ...firstPage, filter: 'starred' }),
      overall: store.countOverall(),
    };
    await store.close();

    const gate = loadGate();
    const reopened = await open(gate.hold);
    await gate.reached;
    expect({
      page: await reopened.queryItems(firstPage),
      starred: await reopened.queryItems({ ...firstPage, filter: 'starred' }),
      overall: reopened.countOverall(),
    }).toEqual(expected);
    expect(expected.overall).toEqual({ all: 151, unread: 149, starred: 2 });
    gate.release();
  });

  it('stops loading when closed, and refuses what was waiting for the items', async () => {
    await seedLibrary();
    const gate = loadGate();
    const store = await open(gate.hold);
    await gate.reached;
    const waiting = store.queryItems({ ...firstPage, feedId: 'nejm' });
    const closed = store.close();
    gate.release();
    await closed;
    await expect(waiting).rejects.toThrow(/closed/);
  });
});
