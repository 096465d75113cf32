import { describe, expect, it } from 'vitest';
import { MAX_CITATION_FILE_BYTES, parseCitationFile } from './parseCitationFile';

const BIBTEX = '@article{smith_2021,\n  title = {A trial},\n  year = {2021},\n}\n';
const RIS = 'TY  - JOUR\nTI  - A trial\nPY  - 2021\nER  - \n';

describe('parseCitationFile refusing a file', () => {
  it('says an empty file is empty, also when it holds only white space or a byte-order mark', () => {
    for (const text of ['', '  \n\t\n', '\uFEFF\n']) {
      expect(parseCitationFile(text, { fileName: 'library.bib' })).toEqual({
        ok: false,
        reason: 'empty',
        message: 'The file “library.bib” is empty.',
      });
    }
  });

  it('says a BibTeX file with no entries has no references', () => {
    const text = '% exported by hand\n@comment{nothing here}\n@string{nejm = "NEJM"}\n';
    expect(parseCitationFile(text)).toEqual({
      ok: false,
      reason: 'empty',
      message: 'The file is BibTeX but holds no references.',
    });
  });

  it('says a file that is neither BibTeX nor RIS is not a citation file', () => {
    expect(parseCitationFile('Dear colleagues,\nplease read the attached trial.\n')).toEqual({
      ok: false,
      reason: 'not-a-citation-file',
      message:
        'The file is neither BibTeX (entries like “@article{key, …}”) nor RIS (records starting “TY  - JOUR”). Export your library from Zotero, Mendeley or EndNote in one of these formats.',
    });
  });

  it('says a binary file is not text', () => {
    expect(parseCitationFile('%PDF-1.7\n\u0000\u0001binary', { fileName: 'paper.pdf' })).toEqual({
      ok: false,
      reason: 'not-a-citation-file',
      message:
        'The file “paper.pdf” is not a text file. Export your library from Zotero, Mendeley or EndNote as BibTeX (.bib) or RIS (.ris).',
    });
  });

  it('refuses a file over the size limit before reading it', () => {
    const text = BIBTEX + 'x'.repeat(MAX_CITATION_FILE_BYTES);
    expect(parseCitationFile(text, { fileName: 'huge.bib' })).toEqual({
      ok: false,
      reason: 'too-large',
      message:
        'The file “huge.bib” is 20.0 MB; Rounds imports citation files of up to 20 MB. Export a smaller part of your library.',
    });
  });

  it('counts the limit in bytes, not characters', () => {
    const text = BIBTEX + 'é'.repeat(MAX_CITATION_FILE_BYTES / 2);
    expect(parseCitationFile(text)).toMatchObject({ ok: false, reason: 'too-large' });
    expect(parseCitationFile(text, { maxBytes: 4 * MAX_CITATION_FILE_BYTES })).toMatchObject({
      ok: true,
    });
  });
});

describe('parseCitationFile recognising the format', () => {
  it('goes by the content whatever the file is called', () => {
    expect(parseCitationFile(BIBTEX, { fileName: 'export.ris' })).toMatchObject({
      ok: true,
      format: 'bibtex',
    });
    expect(parseCitationFile(RIS, { fileName: 'export.bib' })).toMatchObject({
      ok: true,
      format: 'ris',
    });
    expect(parseCitationFile(RIS)).toMatchObject({ ok: true, format: 'ris' });
  });

  it('lets the extension decide when the content could be either', () => {
    // An RIS abstract that quotes a BibTeX entry at the start of a line.
    const risQuotingBibtex =
      'TY  - JOUR\nTI  - How to cite\nAB  - Write entries such as\n@article{key, title = {x}}\nER  - \n';
    const asRis = parseCitationFile(risQuotingBibtex, { fileName: 'Export.RIS' });
    expect(asRis).toMatchObject({ ok: true, format: 'ris' });
    expect(asRis.ok && asRis.references[0]?.abstract).toBe(
      'Write entries such as @article{key, title = {x}}',
    );
    // Without an extension, the format whose first entry comes first wins.
    expect(parseCitationFile(risQuotingBibtex)).toMatchObject({ ok: true, format: 'ris' });
  });

  it('reads a file with a byte-order mark', () => {
    expect(parseCitationFile(`\uFEFF${RIS}`)).toMatchObject({
      ok: true,
      format: 'ris',
      references: [{ title: 'A trial', publishedAt: '2021' }],
    });
  });

  it('keeps field values as text: an address as a title, and no url that is not an address', () => {
    const text = '@article{web_2021, title = {https://example.org/paper}, url = {10.1000/x}}\n';
    expect(parseCitationFile(text)).toMatchObject({
      ok: true,
      references: [{ title: 'https://example.org/paper', url: null }],
    });
  });
});
