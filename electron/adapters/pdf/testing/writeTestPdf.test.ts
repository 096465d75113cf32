import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildTestPdf, writeTestPdf } from './writeTestPdf';

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

/** The cross-reference table's offsets, checked against where each object really starts. */
function crossReferenceMismatches(bytes: Uint8Array): string[] {
  const text = latin1(bytes);
  const start = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)?.[1]);
  const table = /^xref\n0 (\d+)\n([\s\S]*?)trailer/.exec(text.slice(start));
  if (!table) return ['no cross-reference table at startxref'];
  const entries = (table[2] ?? '').match(/.{20}/gs) ?? [];
  const mismatches: string[] = [];
  if (entries.length !== Number(table[1])) mismatches.push('entry count');
  entries.slice(1).forEach((entry, index) => {
    const offset = Number(entry.slice(0, 10));
    if (!text.startsWith(`${index + 1} 0 obj\n`, offset)) mismatches.push(`object ${index + 1}`);
  });
  return mismatches;
}

const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true })));
});

describe('buildTestPdf', () => {
  it('starts with the PDF header and points the cross-reference table at every object', () => {
    const bytes = buildTestPdf({
      pages: [['First page'], ['Second (page) \\ with specials'], []],
      title: 'Anticoagulation — a review',
      outline: [
        { title: 'Start', page: 1 },
        { title: 'End', page: 3 },
      ],
      passwordProtected: true,
    });

    expect(latin1(bytes.subarray(0, 8))).toBe('%PDF-1.7');
    expect(crossReferenceMismatches(bytes)).toEqual([]);
  });

  it('escapes the characters that end or quote a string', () => {
    const text = latin1(buildTestPdf({ pages: [['a (b) \\ c']] }));

    expect(text).toContain('(a \\(b\\) \\\\ c) Tj');
  });

  it('refuses text its font cannot draw rather than writing a wrong page', () => {
    expect(() => buildTestPdf({ pages: [['日本']] })).toThrow(/Latin-1/);
  });

  it('refuses a bookmark pointing past the last page', () => {
    expect(() => buildTestPdf({ pages: [['one']], outline: [{ title: 'x', page: 2 }] })).toThrow(
      /out of range/,
    );
  });

  it('writes the same bytes to a file', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'rounds-test-pdf-'));
    folders.push(folder);
    const path = join(folder, 'paper.pdf');

    const bytes = await writeTestPdf(path, { pages: [['Hello']] });

    expect(new Uint8Array(await readFile(path))).toEqual(bytes);
  });
});
