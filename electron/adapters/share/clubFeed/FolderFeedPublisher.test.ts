import {
  lstat,
  mkdir,
  mkdtemp,
  readFile,
  readdir,
  rm,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  SAMPLE_FEED_META,
  sampleFeedEntry,
} from '@shared/domain/share/clubFeed/testing/sampleClubFeed';
import type { ClubFeedEntry } from '@shared/domain/share/summary';
import { FolderFeedPublisher } from './FolderFeedPublisher';

const IMAGE_NAME = '5d0c2a8e-41f7-4b1a-8f5e-0c9a7d3e6b21.png';
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

const meta = SAMPLE_FEED_META;

function entry(fields: Partial<ClubFeedEntry> = {}): ClubFeedEntry {
  return sampleFeedEntry({
    summary: 'Dapagliflozin cut worsening heart failure.',
    // Deliberately wrong: the publisher states the size of what it actually wrote.
    image: { fileName: IMAGE_NAME, bytes: 999, altText: 'Visual abstract' },
    ...fields,
  });
}

let root: string;
let folder: string;
const publisher = new FolderFeedPublisher();

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'rounds-club-feed-'));
  folder = join(root, 'public', 'club');
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('FolderFeedPublisher', () => {
  it('creates the folder and writes feed.xml and the images into it', async () => {
    const published = await publisher.publish(
      folder,
      meta,
      [entry()],
      new Map([[IMAGE_NAME, PNG]]),
    );

    expect(published).toEqual({
      feedPath: join(folder, 'feed.xml'),
      files: [join(folder, IMAGE_NAME), join(folder, 'feed.xml')],
    });
    expect((await readdir(folder)).sort()).toEqual([IMAGE_NAME, 'feed.xml']);
    expect(new Uint8Array(await readFile(join(folder, IMAGE_NAME)))).toEqual(PNG);
    const xml = await readFile(join(folder, 'feed.xml'), 'utf8');
    expect(xml).toContain('<title type="text">DELIVER-2 in five minutes</title>');
    expect(xml).toContain(
      `<link rel="enclosure" type="image/png" length="${PNG.byteLength}" href="${IMAGE_NAME}"/>`,
    );
  });

  it.skipIf(process.platform === 'win32')(
    'leaves the files readable by a web server on the same machine',
    async () => {
      await publisher.publish(folder, meta, [entry()], new Map([[IMAGE_NAME, PNG]]));

      expect((await stat(join(folder, 'feed.xml'))).mode & 0o777).toBe(0o644);
      expect((await stat(join(folder, IMAGE_NAME))).mode & 0o777).toBe(0o644);
    },
  );

  it('replaces the feed whole on a second publication and leaves no temporary files', async () => {
    await publisher.publish(folder, meta, [entry()], new Map([[IMAGE_NAME, PNG]]));

    await publisher.publish(
      folder,
      { ...meta, updated: '2026-03-12T09:00:00.000Z' },
      [entry(), entry({ id: 'second', title: 'A second summary', image: null })],
      // The first image is already there and is not sent again.
      new Map(),
    );

    expect((await readdir(folder)).sort()).toEqual([IMAGE_NAME, 'feed.xml']);
    const xml = await readFile(join(folder, 'feed.xml'), 'utf8');
    expect(xml).toContain('A second summary');
    expect(xml).toContain('DELIVER-2 in five minutes');
    expect(xml).toContain(`length="${PNG.byteLength}"`);
  });

  it('keeps the previous feed whole when a publication fails half-way', async () => {
    await publisher.publish(folder, meta, [entry({ image: null })], new Map());
    const before = await readFile(join(folder, 'feed.xml'), 'utf8');
    // A folder where the new image should go: writing it fails.
    await mkdir(join(folder, 'blocked.png'));

    await expect(
      publisher.publish(
        folder,
        meta,
        [
          entry({
            title: 'Never published',
            image: { fileName: 'blocked.png', bytes: 3, altText: 'x' },
          }),
        ],
        new Map([['blocked.png', PNG]]),
      ),
    ).rejects.toThrow();

    expect(await readFile(join(folder, 'feed.xml'), 'utf8')).toBe(before);
    expect((await readdir(folder)).sort()).toEqual(['blocked.png', 'feed.xml']);
  });

  it('never deletes or changes files it did not write', async () => {
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, 'index.html'), '<h1>Ward 7</h1>');
    await writeFile(join(folder, 'old-summary.png'), 'old');

    await publisher.publish(folder, meta, [entry()], new Map([[IMAGE_NAME, PNG]]));

    expect((await readdir(folder)).sort()).toEqual([
      IMAGE_NAME,
      'feed.xml',
      'index.html',
      'old-summary.png',
    ]);
    expect(await readFile(join(folder, 'index.html'), 'utf8')).toBe('<h1>Ward 7</h1>');
    expect(await readFile(join(folder, 'old-summary.png'), 'utf8')).toBe('old');
  });

  it.skipIf(process.platform === 'win32')(
    'replaces a link planted at feed.xml instead of writing through it',
    async () => {
      await mkdir(folder, { recursive: true });
      const elsewhere = join(root, 'elsewhere.txt');
      await writeFile(elsewhere, 'keep me');
      await symlink(elsewhere, join(folder, 'feed.xml'));

      await publisher.publish(folder, meta, [entry({ image: null })], new Map());

      expect(await readFile(elsewhere, 'utf8')).toBe('keep me');
      expect((await lstat(join(folder, 'feed.xml'))).isFile()).toBe(true);
    },
  );

  it('refuses a folder given as a relative path', async () => {
    await expect(publisher.publish('public/club', meta, [], new Map())).rejects.toThrow(
      'The folder for the club feed must be a full path (such as /Users/you/club-feed or C:\\club-feed), not “public/club”.',
    );
  });

  it('refuses a file where the folder should be, and leaves it alone', async () => {
    await writeFile(join(root, 'notes.txt'), 'mine');

    await expect(
      publisher.publish(join(root, 'notes.txt'), meta, [entry()], new Map([[IMAGE_NAME, PNG]])),
    ).rejects.toThrow(/is a file, not a folder/);
    expect(await readFile(join(root, 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('refuses an image name that would land outside the folder, writing nothing', async () => {
    await expect(
      publisher.publish(
        folder,
        meta,
        [entry({ image: { fileName: '../escape.png', bytes: 3, altText: 'x' } })],
        new Map([['../escape.png', PNG]]),
      ),
    ).rejects.toThrow(/plain file name/);
    expect(await readdir(root)).toEqual([]);
  });

  it('refuses a summary whose image was neither given nor published before, writing nothing', async () => {
    await expect(publisher.publish(folder, meta, [entry()], new Map())).rejects.toThrow(
      `The visual abstract of “DELIVER-2 in five minutes” (${IMAGE_NAME}) is missing`,
    );
    expect(await readdir(root)).toEqual([]);
  });
});
