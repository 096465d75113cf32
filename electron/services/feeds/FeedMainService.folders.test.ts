import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { feedsContract, parseArgs } from '@shared/contract';
import { newFeedRecord } from '@shared/domain/library/newFeedRecord';
// Folder changes never touch the network; the service runs over the real store, as composed.
import { HttpFeedFetcher } from '../../adapters/feeds/HttpFeedFetcher';
import { RssFeedParser } from '../../adapters/feeds/RssFeedParser';
import { LowdbLibraryStore } from '../../adapters/storage/LowdbLibraryStore';
import { FeedMainService } from './FeedMainService';

const ADDED = '2026-11-25T09:00:00.000Z';

function subscription(id: string, folder: string[]) {
  return newFeedRecord({ id, url: `https://${id}.example/rss`, title: id, addedAt: ADDED, folder });
}

describe('FeedMainService folders', () => {
  let dataDir: string;
  let store: LowdbLibraryStore;
  let feeds: FeedMainService;
  let feedsFileWrites: number;

  /** The folder of every feed as feeds.json on disk has it. */
  async function foldersOnDisk(): Promise<Record<string, string[]>> {
    const text = await readFile(join(dataDir, 'library', 'feeds.json'), 'utf8');
    const document = JSON.parse(text) as { feeds: { id: string; folder: string[] }[] };
    return Object.fromEntries(document.feeds.map((feed) => [feed.id, feed.folder]));
  }

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'rounds-feed-folders-'));
    feedsFileWrites = 0;
    store = await LowdbLibraryStore.open(dataDir, {
      onDocumentWritten: (path) => {
        if (path === 'feeds.json') feedsFileWrites += 1;
      },
    });
    feeds = new FeedMainService({
      store,
      fetcher: new HttpFeedFetcher({ userAgent: 'Rounds/test' }),
      parser: new RssFeedParser(),
      clock: { now: () => new Date(ADDED) },
    });
    for (const feed of [
      subscription('circulation', ['Cardiology']),
      subscription('nejm', ['Cardiology', 'Trials']),
      subscription('jacc', ['Cardiology', 'Trials', 'Imaging']),
      subscription('elife', ['Preprints']),
      subscription('bmj', []),
    ]) {
      await store.saveFeed(feed);
    }
    feedsFileWrites = 0;
  });

  afterEach(async () => {
    feeds.dispose();
    await store.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('renames a folder with everything inside it, in one write to disk', async () => {
    const result = await feeds.renameFolder({
      folder: ['Cardiology', 'Trials'],
      name: 'RCTs',
      merge: false,
    });
    expect(result).toEqual({ ok: true, value: { folder: ['Cardiology', 'RCTs'], moved: 2 } });
    expect(await foldersOnDisk()).toEqual({
      circulation: ['Cardiology'],
      nejm: ['Cardiology', 'RCTs'],
      jacc: ['Cardiology', 'RCTs', 'Imaging'],
      elife: ['Preprints'],
      bmj: [],
    });
    // Every feed moved in the same write: a crash leaves the old folder or the new one, not both.
    expect(feedsFileWrites).toBe(1);
  });

  it('refuses a name another folder beside it has, changing nothing, unless asked to merge', async () => {
    const refused = await feeds.renameFolder({
      folder: ['Preprints'],
      name: 'cardiology',
      merge: false,
    });
    expect(refused).toEqual({
      ok: false,
      code: 'duplicate',
      message:
        'There is already a folder called “Cardiology” here. Choose another name, or merge the two folders.',
    });
    expect((await foldersOnDisk()).elife).toEqual(['Preprints']);
    expect(feedsFileWrites).toBe(0);

    const merged = await feeds.renameFolder({
      folder: ['Preprints'],
      name: 'cardiology',
      merge: true,
    });
    expect(merged).toEqual({ ok: true, value: { folder: ['Cardiology'], moved: 1 } });
    expect((await foldersOnDisk()).elife).toEqual(['Cardiology']);
  });

  it('deletes a folder by moving its feeds and folders up, unsubscribing nothing', async () => {
    const result = await feeds.deleteFolder({ folder: ['Cardiology', 'Trials'] });
    expect(result).toEqual({ ok: true, value: { folder: ['Cardiology'], moved: 2 } });
    expect(await foldersOnDisk()).toEqual({
      circulation: ['Cardiology'],
      nejm: ['Cardiology'],
      jacc: ['Cardiology', 'Imaging'],
      elife: ['Preprints'],
      bmj: [],
    });
    expect(feedsFileWrites).toBe(1);

    await feeds.deleteFolder({ folder: ['Cardiology'] });
    expect(await foldersOnDisk()).toEqual({
      circulation: [],
      nejm: [],
      jacc: ['Imaging'],
      elife: ['Preprints'],
      bmj: [],
    });
  });

  it('answers not-found for a folder no feed is in, writing nothing', async () => {
    const message = 'There is no folder “Oncology” any more: its feeds may have moved.';
    expect(
      await feeds.renameFolder({ folder: ['Oncology'], name: 'Cancer', merge: false }),
    ).toEqual({
      ok: false,
      code: 'not-found',
      message,
    });
    expect(await feeds.deleteFolder({ folder: ['Oncology'] })).toEqual({
      ok: false,
      code: 'not-found',
      message,
    });
    expect(feedsFileWrites).toBe(0);
  });

  it('refuses an empty folder name with a sentence naming the problem', () => {
    const parsed = parseArgs(feedsContract.members.renameFolder, [
      { folder: ['Cardiology'], name: '   ' },
    ]);
    expect(parsed).toEqual({
      ok: false,
      code: 'invalid-argument',
      message: 'Invalid argument at 0.name: Give the folder a name',
    });
  });
});
