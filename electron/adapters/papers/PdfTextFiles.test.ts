import { mkdtemp, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PdfText } from '@shared/domain/pdf/PdfText';
import { PdfTextFiles } from './PdfTextFiles';

const HASH = 'c'.repeat(64);
const TEXT: PdfText = {
  pageCount: 2,
  title: 'Apixaban in AF',
  pages: ['Apixaban versus warfarin', 'Fewer strokes <with> apixaban & less bleeding'],
  outline: [{ title: 'Results', page: 2, depth: 0 }],
};

let libraryDir: string;
beforeEach(async () => {
  libraryDir = await mkdtemp(join(tmpdir(), 'rounds-pdf-text-'));
});
afterEach(async () => {
  await rm(libraryDir, { recursive: true, force: true });
});

describe('PdfTextFiles', () => {
  it('keeps a PDF’s text compressed, for the viewer and for the index', async () => {
    const files = new PdfTextFiles(libraryDir);
    await files.write(HASH, TEXT);

    expect(await files.read(HASH)).toEqual(TEXT);
    expect(await files.searchableTextOf(HASH)).toBe(
      'Apixaban in AF\nApixaban versus warfarin\nFewer strokes <with> apixaban & less bleeding',
    );
    const path = join(libraryDir, 'pdf-text', `${HASH}.json.gz`);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it('reads a missing, damaged or linked file as no text, and refuses a hash that is a path', async () => {
    const files = new PdfTextFiles(libraryDir);
    await files.write(HASH, TEXT);
    const other = 'd'.repeat(64);
    await writeFile(join(libraryDir, 'pdf-text', `${other}.json.gz`), 'not gzip');
    const linked = 'e'.repeat(64);
    await symlink(
      join(libraryDir, 'pdf-text', `${HASH}.json.gz`),
      join(libraryDir, 'pdf-text', `${linked}.json.gz`),
    );

    expect(await files.read('f'.repeat(64))).toBeNull();
    expect(await files.read(other)).toBeNull();
    expect(await files.read(linked)).toBeNull();
    await expect(files.read('../../secrets')).rejects.toThrow(/SHA-256/);
  });
});
