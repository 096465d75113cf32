import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { parseCitationFile } from '../citations/parseCitationFile';
import { ManualTimers } from '../pdf/testing/ManualTimers';
import { ThreadedCitationFileReader } from './ThreadedCitationFileReader';

const ZOTERO = await readFile(
  new URL('../citations/fixtures/zotero-export.bib', import.meta.url),
  'utf8',
);

const readers: ThreadedCitationFileReader[] = [];
function reader(options?: ConstructorParameters<typeof ThreadedCitationFileReader>[0]) {
  const created = new ThreadedCitationFileReader(options);
  readers.push(created);
  return created;
}
afterEach(async () => {
  await Promise.all(readers.splice(0).map((created) => created.close()));
});

describe('ThreadedCitationFileReader', () => {
  it('reads a file over the threshold in a worker, with the same result as in this thread', async () => {
    const reader = new ThreadedCitationFileReader({ workerThreshold: 100 });
    expect(ZOTERO.length).toBeGreaterThan(100);

    const inWorker = await reader.read({ fileName: 'zotero.bib', text: ZOTERO });

    expect(inWorker).toEqual(parseCitationFile(ZOTERO, { fileName: 'zotero.bib' }));
    expect(inWorker).toMatchObject({ ok: true, format: 'bibtex' });
  });

  it('passes on a refusal from the worker as a value', async () => {
    const reader = new ThreadedCitationFileReader({ workerThreshold: 10 });

    const refused = await reader.read({ fileName: 'notes.txt', text: 'Just some notes I wrote.' });

    expect(refused).toMatchObject({ ok: false, reason: 'not-a-citation-file' });
  });

  it('reads a small file in this thread', async () => {
    const reader = new ThreadedCitationFileReader();

    expect(await reader.read({ fileName: 'zotero.bib', text: ZOTERO })).toEqual(
      parseCitationFile(ZOTERO, { fileName: 'zotero.bib' }),
    );
  });

  it('stops a file that takes longer than the time limit, says so, and reads the next', async () => {
    const timers = new ManualTimers();
    const threaded = reader({ workerThreshold: 100, timeoutMs: 90_000, timers });

    const slow = threaded.read({ fileName: 'library.bib', text: ZOTERO });
    await timers.whenSet(90_000);
    timers.fire(90_000);

    expect(await slow).toEqual({
      ok: false,
      reason: 'too-large',
      message:
        'Reading “library.bib” took longer than 90 seconds, so Rounds stopped. Export a smaller part of your library.',
    });
    expect(await threaded.read({ fileName: 'zotero.bib', text: ZOTERO })).toMatchObject({
      ok: true,
      format: 'bibtex',
    });
    expect(timers.pendingDelays()).toEqual([]);
  });

  it('refuses work once closed', async () => {
    const threaded = reader({ workerThreshold: 100 });
    await threaded.close();

    await expect(threaded.read({ fileName: 'zotero.bib', text: ZOTERO })).rejects.toThrow(
      'The citation file reader has been closed.',
    );
  });
});
