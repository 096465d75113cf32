import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RetentionRun } from '@shared/contract';
import type { Annotation } from '@shared/domain/annotations/annotation';
import { describeTextRange } from '@shared/domain/annotations/selectors';
import { newFeedRecord } from '@shared/domain/library/newFeedRecord';
import { MY_PAPERS_FEED_ID, myPapersFeedRecord } from '@shared/domain/papers/myPapers';
import { WorkerSearchIndex } from '../../adapters/search/WorkerSearchIndex';
import { LowdbAnnotationStore } from '../../adapters/storage/LowdbAnnotationStore';
import { LowdbLibraryStore } from '../../adapters/storage/LowdbLibraryStore';
import { LowdbRetentionFiles } from '../../adapters/storage/LowdbRetentionFiles';
import type { StoredItem } from '../library/LibraryStore';
import { SearchIndexFeeder } from '../library/SearchIndexFeeder';
import { ExpiredItemKeys } from './ExpiredItemKeys';
import { RetentionMainService } from './RetentionMainService';

const NOW = new Date('2026-06-01T09:00:00.000Z');
const CLOCK = { now: () => new Date(NOW) };
const DAY = 24 * 60 * 60 * 1000;
const NO_IDS = { doi: null, pmid: null, arxiv: null };

let dataDir: string;
let store: LowdbLibraryStore;
let annotations: LowdbAnnotationStore;
let files: LowdbRetentionFiles;
let index: WorkerSearchIndex;
let feeder: SearchIndexFeeder;
let service: RetentionMainService;
let events: RetentionRun[];

/** An item of `feedId` published `days` ago. */
function item(feedId: string, slug: string, days: number, fields: Partial<StoredItem> = {}) {
  const publishedAt = new Date(NOW.getTime() - days * DAY).toISOString();
  return {
    id: `${feedId}-${slug}`,
    feedId,
    guid: `urn:${feedId}:${slug}`,
    title: `${slug} trial`,
    link: `https://journal.example/${feedId}/${slug}`,
    author: 'A. Author',
    publishedAt,
    excerpt: `About ${slug}.`,
    contentHtml: `<p>The ${slug} findings in full.</p>`,
    fetchedAt: publishedAt,
    authors: ['A. Author'],
    journal: null,
    paperIds: NO_IDS,
    ...fields,
  } satisfies StoredItem;
}

function highlightOn(itemId: string, n: number): Annotation {
  const text = 'The findings in full.';
  const selectors = describeTextRange(text, 4, 12);
  if (!selectors) throw new Error('no selectors');
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    itemId,
    source: `urn:rounds:item:${itemId}`,
    selectors,
    colour: 'yellow',
    note: '',
    noteId: null,
    tags: [],
    createdAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
  };
}

async function open(): Promise<void> {
  store = await LowdbLibraryStore.open(dataDir);
  annotations = (await LowdbAnnotationStore.open(dataDir)).store;
  const opened = await LowdbRetentionFiles.open(dataDir, { now: CLOCK.now });
  files = opened.files;
  await store.addNotices(opened.notices);
  index = WorkerSearchIndex.inDataFolder(dataDir);
  feeder = new SearchIndexFeeder({ store, index });
  service = new RetentionMainService({
    library: store,
    annotations,
    files,
    expiredItems: new ExpiredItemKeys(files),
    clock: CLOCK,
    batchSize: 2,
  });
  events = [];
  service.onDidExpire((run) => events.push(run));
}

async function closeAll(): Promise<void> {
  service.dispose();
  await service.settled();
  await feeder.close();
  await index.close();
  await files.close();
  await annotations.close();
  await store.close();
}

async function listedIds(): Promise<string[]> {
  const { rows } = await store.queryItems({ filter: 'all', offset: 0, limit: 100 });
  return rows.map((row) => row.id).sort();
}

/** A library with every kind of item the policy must keep, and three it may remove. */
async function seedLibrary(): Promise<void> {
  for (const feed of ['journal', 'pubmed', 'social']) {
    await store.saveFeed(
      newFeedRecord({
        id: feed,
        url: `https://${feed}.example/rss`,
        title: feed,
        addedAt: NOW.toISOString(),
      }),
    );
  }
  await store.saveFeed(myPapersFeedRecord(NOW.toISOString()));
  const shared = { doi: '10.1056/nejmoa2107038', pmid: null, arxiv: null };
  const imported = { doi: '10.1001/jama.2024.1', pmid: null, arxiv: null };
  const discussed = { doi: '10.1016/s0140-6736(24)00001-1', pmid: null, arxiv: null };
  await store.putItems([
    item('journal', 'plain', 200),
    item('journal', 'plain-too', 120),
    item('pubmed', 'plain-elsewhere', 150),
    item('journal', 'recent', 10),
    item('journal', 'unread', 300),
    item('journal', 'starred', 300),
    item('journal', 'noted', 300),
    // One paper in two feeds, highlighted on its PubMed copy.
    item('journal', 'annotated-copy', 300, { paperIds: shared }),
    item('pubmed', 'highlighted', 20, { paperIds: shared }),
    // A paper the user also imported into "My papers".
    item('journal', 'also-mine', 300, { paperIds: imported }),
    item(MY_PAPERS_FEED_ID, 'mine', 300, { paperIds: imported }),
    // A paper a colleague discusses, and the colleague's post.
    item('journal', 'discussed', 300, { paperIds: discussed }),
    item('social', 'post', 300, { citations: [`doi:${discussed.doi}`] }),
  ]);
  for (const id of [
    'journal-plain',
    'journal-plain-too',
    'pubmed-plain-elsewhere',
    'journal-recent',
    'journal-starred',
    'journal-noted',
    'journal-annotated-copy',
    'journal-also-mine',
    'journal-discussed',
    'social-post',
  ]) {
    await store.setItemState(id, { read: true });
  }
  await store.setItemState('journal-starred', { starred: true });
  await annotations.putAnnotations([
    highlightOn('journal-noted', 1),
    highlightOn('pubmed-highlighted', 2),
  ]);
}

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'rounds-retention-service-'));
  await open();
});

afterEach(async () => {
  await closeAll();
  await rm(dataDir, { recursive: true, force: true });
});

describe('RetentionMainService', () => {
  it('is off by default and removes nothing', async () => {
    await seedLibrary();
    const before = await listedIds();

    expect(await service.policy()).toEqual({
      ok: true,
      value: { policy: { olderThanDays: null, feeds: [] }, lastRun: null },
    });
    const run = await service.applyNow();

    expect(run).toMatchObject({
      ok: true,
      value: {
        removed: 0,
        message: 'Nothing was removed: retention is off, so Rounds keeps every item.',
      },
    });
    expect(await listedIds()).toEqual(before);
  });

  it('removes old read items from the list, the disk and search, and keeps every protected kind', async () => {
    await seedLibrary();
    await feeder.whenReady();
    await service.setPolicy({ olderThanDays: 90, feeds: [] });

    const run = await service.applyNow();

    expect(run).toEqual({
      ok: true,
      value: {
        at: NOW.toISOString(),
        trigger: 'manual',
        olderThanDays: 90,
        removed: 3,
        feeds: 2,
        kept: { starred: 1, annotated: 2, imported: 1, discussed: 2 },
        message:
          'Removed 3 read items older than 90 days from 2 feeds; starred, annotated, imported and discussed papers were kept.',
        acknowledged: true,
      },
    });
    const removed = ['journal-plain', 'journal-plain-too', 'pubmed-plain-elsewhere'];
    const listed = await listedIds();
    for (const id of removed) expect(listed).not.toContain(id);
    expect((await store.itemIds()).sort()).toEqual(
      [
        'journal-recent',
        'journal-unread',
        'journal-starred',
        'journal-noted',
        'journal-annotated-copy',
        'pubmed-highlighted',
        'journal-also-mine',
        `${MY_PAPERS_FEED_ID}-mine`,
        'journal-discussed',
        'social-post',
      ].sort(),
    );
    await feeder.settled();
    const indexed = await index.ids();
    for (const id of removed) expect(indexed).not.toContain(id);
    expect(indexed).toContain('journal-starred');
    expect(events).toEqual([run.ok && run.value]);
    expect((await service.policy()).ok && (await service.policy())).toMatchObject({
      value: { lastRun: { removed: 3, feeds: 2 } },
    });
  });

  it('lets a feed keep its items for ever, or follow an age of its own', async () => {
    await seedLibrary();
    await service.setPolicy({
      olderThanDays: 90,
      feeds: [
        { feedId: 'journal', olderThanDays: null },
        { feedId: 'pubmed', olderThanDays: 365 },
      ],
    });
    expect((await service.applyNow()).ok && (await listedIds())).toContain('journal-plain');
    expect(await listedIds()).toContain('pubmed-plain-elsewhere');

    await service.setPolicy({
      olderThanDays: null,
      feeds: [{ feedId: 'pubmed', olderThanDays: 30 }],
    });
    const run = await service.applyNow();
    expect(run).toMatchObject({
      ok: true,
      value: {
        removed: 1,
        message:
          'Removed 1 read item older than their feeds’ own limits from 1 feed; starred, annotated, imported and discussed papers were kept.',
      },
    });
    expect(await listedIds()).not.toContain('pubmed-plain-elsewhere');
  });

  it('refuses a rule for a feed that is not subscribed, or for "My papers"', async () => {
    await seedLibrary();
    expect(
      await service.setPolicy({
        olderThanDays: 30,
        feeds: [{ feedId: 'nope', olderThanDays: 30 }],
      }),
    ).toMatchObject({
      ok: false,
      code: 'not-found',
    });
    expect(
      await service.setPolicy({
        olderThanDays: 30,
        feeds: [{ feedId: MY_PAPERS_FEED_ID, olderThanDays: 30 }],
      }),
    ).toEqual({
      ok: false,
      code: 'invalid-argument',
      message: '“My papers” holds papers you added yourself: they are never removed.',
    });
    expect((await service.policy()).ok && (await service.policy())).toMatchObject({
      value: { policy: { olderThanDays: null } },
    });
  });

  it('keeps the policy in retention.json across a restart', async () => {
    await seedLibrary();
    await service.setPolicy({
      olderThanDays: 180,
      feeds: [{ feedId: 'pubmed', olderThanDays: null }],
    });
    await closeAll();

    const onDisk: unknown = JSON.parse(
      await readFile(join(dataDir, 'library', 'retention.json'), 'utf8'),
    );
    expect(onDisk).toMatchObject({
      olderThanDays: 180,
      feeds: [{ feedId: 'pubmed', olderThanDays: null }],
    });
    await open();
    expect(await service.policy()).toMatchObject({
      ok: true,
      value: { policy: { olderThanDays: 180, feeds: [{ feedId: 'pubmed', olderThanDays: null }] } },
    });
  });

  it('turns retention off, with a notice, when retention.json is damaged, and keeps the damaged file', async () => {
    await seedLibrary();
    await service.setPolicy({ olderThanDays: 30, feeds: [] });
    await closeAll();
    const damaged = '{"olderThanDays": "thirty"';
    await writeFile(join(dataDir, 'library', 'retention.json'), damaged);

    await open();

    expect(await service.policy()).toMatchObject({
      ok: true,
      value: { policy: { olderThanDays: null } },
    });
    const [notice] = store.notices();
    expect(notice?.message).toMatch(
      /^Rounds could not read your retention policy \(retention\.json\) because the file was damaged\. Retention is off, so nothing is removed, until you choose a policy again under “Keep papers…”\. The damaged file was kept at .*retention\.json\.corrupt-/,
    );
    const kept = (await readdir(join(dataDir, 'library'))).filter((name) =>
      name.startsWith('retention.json.corrupt-'),
    );
    expect(kept).toHaveLength(1);
    expect(await readFile(join(dataDir, 'library', kept[0] ?? ''), 'utf8')).toBe(damaged);
    expect((await service.applyNow()).ok && (await listedIds())).toContain('journal-plain');
  });

  it('leaves a background run’s message unacknowledged until the window has shown it', async () => {
    await seedLibrary();
    await service.setPolicy({ olderThanDays: 90, feeds: [] });

    const run = await service.runInBackground();

    expect(run).toMatchObject({ trigger: 'background', removed: 3, acknowledged: false });
    expect(events).toHaveLength(1);
    expect(await service.acknowledgeRun({ at: run?.at ?? '' })).toEqual({
      ok: true,
      value: { at: run?.at },
    });
    expect(await service.policy()).toMatchObject({ value: { lastRun: { acknowledged: true } } });
    expect(await service.acknowledgeRun({ at: '2020-01-01T00:00:00.000Z' })).toMatchObject({
      ok: false,
      code: 'not-found',
    });
  });

  it('does nothing in the background while retention is off', async () => {
    await seedLibrary();
    expect(await service.runInBackground()).toBeNull();
    expect(events).toEqual([]);
    expect(await service.policy()).toMatchObject({ value: { lastRun: null } });
  });
});
