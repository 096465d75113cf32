import { lstat, mkdir, readdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FeedsDocument } from '@shared/domain/library/libraryDocuments';
import { repairFeedsDocument } from '@shared/domain/library/repairFeedsDocument';
import { AtomicJsonFileAdapter, UnreadableJsonFileError } from './AtomicJsonFileAdapter';
import { SymbolicLinkRefusedError } from './refuseSymbolicLinks';
import { sampleFeed, temporaryDataDir } from './testing/sampleLibrary';

const document: FeedsDocument = { schemaVersion: 1, feeds: [sampleFeed('f1')] };

describe('AtomicJsonFileAdapter', () => {
  let dir: string;
  let remove: () => Promise<void>;
  let path: string;
  let adapter: AtomicJsonFileAdapter<FeedsDocument>;

  beforeEach(async () => {
    ({ dir, remove } = await temporaryDataDir());
    path = join(dir, 'feeds.json');
    adapter = new AtomicJsonFileAdapter(path, { repair: repairFeedsDocument, withinFolder: dir });
  });
  afterEach(() => remove());

  it('reads a missing file as null', async () => {
    expect(await adapter.read()).toBeNull();
    expect(adapter.readSync()).toBeNull();
  });

  it('writes the whole document and leaves no temporary file behind', async () => {
    await adapter.write(document);
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual(document);
    expect(await readdir(dir)).toEqual(['feeds.json']);
    expect(await adapter.read()).toEqual(document);
  });

  it('reads files that start with a UTF-8 or UTF-16 byte-order mark without losing anything', async () => {
    const text = JSON.stringify({
      ...document,
      feeds: [sampleFeed('f1', { title: 'Lancet – Ärzteblatt' })],
    });
    await writeFile(
      path,
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]),
    );
    expect((await adapter.read())?.feeds[0]?.title).toBe('Lancet – Ärzteblatt');

    await writeFile(path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    expect(adapter.readSync()?.feeds[0]?.title).toBe('Lancet – Ärzteblatt');

    await writeFile(
      path,
      Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]),
    );
    expect((await adapter.read())?.feeds).toHaveLength(1);
  });

  it.each([
    ['empty', ''],
    ['empty', '  \n'],
    ['invalid-json', '{"schemaVersion":1,"feeds":[{"id":"f1"'],
    ['invalid-json', '\u0000\u0000\u0000'],
    ['not-a-document', 'null'],
    ['not-a-document', '{}'],
  ])('refuses a file that is %s (%j)', async (reason, content) => {
    await writeFile(path, content);
    await expect(adapter.read()).rejects.toMatchObject({ name: 'UnreadableJsonFileError', reason });
    expect(() => adapter.readSync()).toThrow(UnreadableJsonFileError);
  });

  it('counts records it had to drop', async () => {
    await writeFile(
      path,
      JSON.stringify({ schemaVersion: 1, feeds: [sampleFeed('f1'), { id: 'no-url' }] }),
    );
    expect((await adapter.read())?.feeds).toHaveLength(1);
    expect(adapter.droppedOnLastRead).toBe(1);
  });

  it.skipIf(process.platform === 'win32')('writes files readable by their owner only', async () => {
    await adapter.write(document);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  describe('symbolic links', () => {
    let outside: { dir: string; remove: () => Promise<void> };
    const outsideBytes = JSON.stringify({ schemaVersion: 1, feeds: [sampleFeed('outside')] });

    beforeEach(async () => {
      outside = await temporaryDataDir('rounds-outside-');
      await writeFile(join(outside.dir, 'feeds.json'), outsideBytes);
    });
    afterEach(() => outside.remove());

    it('refuses to write or read a document that is a link, and leaves the file it points to alone', async () => {
      await symlink(join(outside.dir, 'feeds.json'), path);

      await expect(adapter.write(document)).rejects.toThrow(
        new SymbolicLinkRefusedError(path).message,
      );
      await expect(adapter.read()).rejects.toMatchObject({
        name: 'UnreadableJsonFileError',
        reason: 'symbolic-link',
        message: `The file ${path} is a symbolic link; Rounds does not follow links inside its data folder.`,
      });
      expect(() => adapter.readSync()).toThrow(UnreadableJsonFileError);

      expect(await readFile(join(outside.dir, 'feeds.json'), 'utf8')).toBe(outsideBytes);
      expect(await readdir(outside.dir)).toEqual(['feeds.json']);
      expect((await lstat(path)).isSymbolicLink()).toBe(true);
    });

    it('refuses to write or read a document whose folder inside the data folder is a link', async () => {
      const linkedFolder = join(dir, 'items');
      await symlink(outside.dir, linkedFolder);
      const shard = new AtomicJsonFileAdapter(join(linkedFolder, 'feeds.json'), {
        repair: repairFeedsDocument,
        withinFolder: dir,
      });
      const refusal = new SymbolicLinkRefusedError(linkedFolder).message;

      await expect(shard.write(document)).rejects.toThrow(refusal);
      await expect(shard.read()).rejects.toThrow(refusal);
      expect(() => shard.readSync()).toThrow(refusal);

      expect(await readFile(join(outside.dir, 'feeds.json'), 'utf8')).toBe(outsideBytes);
      expect(await readdir(outside.dir)).toEqual(['feeds.json']);
    });

    it('names the link in a message a user can act on', () => {
      expect(new SymbolicLinkRefusedError('/data/library/items').message).toBe(
        'Rounds will not use /data/library/items: it is a symbolic link, and Rounds only reads ' +
          'and writes files that are really inside its data folder. Replace the link with the ' +
          'folder or file itself, then start Rounds again.',
      );
    });

    it('writes into a real folder inside the data folder', async () => {
      await mkdir(join(dir, 'items'));
      const shard = new AtomicJsonFileAdapter(join(dir, 'items', 'feeds.json'), {
        repair: repairFeedsDocument,
        withinFolder: dir,
      });
      await shard.write(document);
      expect(await shard.read()).toEqual(document);
    });
  });
});
