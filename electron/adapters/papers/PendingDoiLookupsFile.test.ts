import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PendingDoiLookupsFile, repairPendingLookups } from './PendingDoiLookupsFile';

let libraryDir: string;
const SINCE = '2026-02-01T08:00:00.000Z';

beforeEach(async () => {
  libraryDir = await mkdtemp(join(tmpdir(), 'rounds-pending-'));
});
afterEach(async () => {
  await rm(libraryDir, { recursive: true, force: true });
});

describe('PendingDoiLookupsFile', () => {
  it('keeps the DOIs waiting across restarts, in a file only its owner can read', async () => {
    const file = new PendingDoiLookupsFile(libraryDir);
    await file.add([
      { itemId: 'a', doi: '10.1000/a', since: SINCE },
      { itemId: 'b', doi: '10.1000/b', since: SINCE },
    ]);
    await file.remove(['a']);

    const reopened = new PendingDoiLookupsFile(libraryDir);

    expect(await reopened.list()).toEqual([{ itemId: 'b', doi: '10.1000/b', since: SINCE }]);
    const path = join(libraryDir, 'papers', 'pending-doi-lookups.json');
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it('sets a damaged file aside and starts empty', async () => {
    await mkdir(join(libraryDir, 'papers'));
    await writeFile(join(libraryDir, 'papers', 'pending-doi-lookups.json'), '{"lookups": [');
    const file = new PendingDoiLookupsFile(libraryDir, () => new Date(SINCE));

    expect(await file.list()).toEqual([]);
    expect(await readdir(join(libraryDir, 'papers'))).toEqual([
      'pending-doi-lookups.json.damaged-2026-02-01T08-00-00-000Z',
    ]);
    await file.add([{ itemId: 'c', doi: '10.1000/c', since: SINCE }]);
    expect(
      JSON.parse(await readFile(join(libraryDir, 'papers', 'pending-doi-lookups.json'), 'utf8')),
    ).toEqual({ schemaVersion: 1, lookups: [{ itemId: 'c', doi: '10.1000/c', since: SINCE }] });
  });

  it('drops entries it cannot use when reading', () => {
    expect(
      repairPendingLookups({
        lookups: [
          { itemId: 'a', doi: 'https://doi.org/10.1000/A', since: 'Sun, 01 Feb 2026 08:00:00 GMT' },
          { itemId: 'a', doi: '10.1000/again', since: SINCE },
          { itemId: 'b', doi: 'not a doi', since: SINCE },
          { doi: '10.1000/c' },
          'x',
        ],
      }),
    ).toEqual([{ itemId: 'a', doi: '10.1000/a', since: SINCE }]);
    expect(() => repairPendingLookups({ nothing: true })).toThrow();
  });
});
