import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseCitationFile } from '../citations/parseCitationFile';
import { ThreadedCitationFileReader } from './ThreadedCitationFileReader';

const ZOTERO = await readFile(
  new URL('../citations/fixtures/zotero-export.bib', import.meta.url),
  'utf8',
);

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
});
