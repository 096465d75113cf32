import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FeedsDocument } from '@shared/domain/library/libraryDocuments';
import { repairFeedsDocument } from '@shared/domain/library/repairFeedsDocument';
import { AtomicJsonFileAdapter, UnreadableJsonFileError } from './AtomicJsonFileAdapter';
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
    adapter = new AtomicJsonFileAdapter(path, { repair: repairFeedsDocument });
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
});
