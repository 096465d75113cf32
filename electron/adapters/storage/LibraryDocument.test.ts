import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FeedRecord, FeedsDocument } from '@shared/domain/library/libraryDocuments';
import { repairFeedsDocument } from '@shared/domain/library/repairFeedsDocument';
import { LibraryDocument } from './LibraryDocument';
import { sampleFeed, temporaryDataDir } from './testing/sampleLibrary';

describe('LibraryDocument backups', () => {
  let dir: string;
  let remove: () => Promise<void>;
  let now: number;
  let feeds: FeedRecord[];
  let document: LibraryDocument<FeedsDocument>;

  beforeEach(async () => {
    ({ dir, remove } = await temporaryDataDir());
    now = Date.parse('2026-01-01T00:00:00.000Z');
    feeds = [];
    document = new LibraryDocument<FeedsDocument>({
      libraryDir: dir,
      relativePath: 'feeds.json',
      subject: 'your feed subscriptions',
      remedy: '',
      backup: 'last-good',
      repair: repairFeedsDocument,
      empty: () => ({ schemaVersion: 1, feeds: [] }),
      serialize: () => ({ schemaVersion: 1, feeds: [...feeds] }),
      backupIntervalMs: 60_000,
      now: () => new Date(now),
    });
    await mkdir(join(dir, 'backups'));
  });
  afterEach(() => remove());

  async function backedUpIds(): Promise<string[]> {
    const backup = JSON.parse(
      await readFile(join(dir, 'backups', 'feeds.json.bak'), 'utf8'),
    ) as FeedsDocument;
    return backup.feeds.map((feed) => feed.id);
  }

  async function save(id: string): Promise<void> {
    feeds.push(sampleFeed(id));
    await document.write();
  }

  it('backs up the first write, then at most once per interval, and catches up when finishing', async () => {
    await document.load();
    // Writes run one after another, and each backup refresh runs before the next write starts:
    // once a save resolves, the refresh that followed the save before it has finished.
    await save('a');
    await save('b');
    expect(await backedUpIds()).toEqual(['a']);

    now += 60_000;
    await save('c');
    await save('d');
    expect(await backedUpIds()).toEqual(['a', 'b', 'c']);

    await document.finish();
    expect(await backedUpIds()).toEqual(['a', 'b', 'c', 'd']);
  });
});
