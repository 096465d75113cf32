import { describe, expect, it } from 'vitest';
import { bytesToBase64, classifyPaperFile } from './paperFiles';

describe('classifyPaperFile', () => {
  it.each([
    ['references.bib', 'citations'],
    ['Library.BIB', 'citations'],
    ['export.ris', 'citations'],
    ['paper.PDF', 'pdf'],
  ])('takes %s as %s', (name, kind) => {
    expect(classifyPaperFile({ name, size: 100 })).toEqual({ ok: true, kind });
  });

  it('refuses other files with a sentence naming the file and what Rounds takes', () => {
    expect(classifyPaperFile({ name: 'notes.docx', size: 100 })).toEqual({
      ok: false,
      message: 'Rounds takes BibTeX (.bib), RIS (.ris) and PDF (.pdf) files.',
    });
  });

  it('refuses files larger than the backend accepts before reading them', () => {
    expect(classifyPaperFile({ name: 'scan.pdf', size: 51 * 1024 * 1024 })).toMatchObject({
      ok: false,
      message: expect.stringContaining('larger than 50 MB'),
    });
    expect(classifyPaperFile({ name: 'all.bib', size: 21 * 1024 * 1024 })).toMatchObject({
      ok: false,
    });
  });
});

describe('bytesToBase64', () => {
  it('encodes known bytes', () => {
    expect(bytesToBase64(new TextEncoder().encode('%PDF-1.7'))).toBe('JVBERi0xLjc=');
    expect(bytesToBase64(new Uint8Array())).toBe('');
  });

  it('decodes back to the same bytes across chunk boundaries, with padding only at the end', () => {
    const bytes = Uint8Array.from({ length: 300_001 }, (_, index) => (index * 7) % 256);
    const encoded = bytesToBase64(bytes);
    expect(encoded.indexOf('=')).toBe(encoded.length - 2);
    expect(Uint8Array.from(atob(encoded), (character) => character.charCodeAt(0))).toEqual(bytes);
  });
});
