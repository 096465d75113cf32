import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type CitationFileParsed, parseCitationFile } from './parseCitationFile';

function fixture(name: string): string {
  return readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
}

function parsed(text: string, fileName?: string): CitationFileParsed {
  const result = parseCitationFile(text, fileName === undefined ? {} : { fileName });
  if (!result.ok) throw new Error(`expected references, got: ${result.message}`);
  return result;
}

describe('parseCitationFile with a Zotero RIS export', () => {
  const result = parsed(fixture('zotero-export.ris'), 'export.ris');

  it('reads every record as RIS, with no problems', () => {
    expect(result.format).toBe('ris');
    expect(result.problems).toEqual([]);
    expect(result.references).toHaveLength(3);
  });

  it('turns a journal article into the fields a stored paper has', () => {
    expect(result.references[0]).toEqual({
      sourceKey: null,
      title:
        'Early rhythm control in atrial fibrillation after ischemic stroke: the RHYTHM-AF randomized trial',
      authors: ['Per Lindqvist', 'Jörg Müller', 'María García', 'RHYTHM-AF Investigators'],
      journal: 'The New England Journal of Medicine',
      publishedAt: '2023-11-23',
      paperIds: { doi: '10.1056/nejmoa2312345', pmid: '37980001', arxiv: null },
      abstract:
        'Whether early rhythm control improves outcomes after ischemic stroke is uncertain. We randomly assigned 1204 patients to early rhythm control or usual care.',
      url: 'https://www.nejm.org/doi/full/10.1056/NEJMoa2312345',
      keywords: ['Atrial Fibrillation', 'Humans', 'Ischemic Stroke'],
    });
  });

  it('keeps an institutional author whole and reads a date with only a year', () => {
    expect(result.references[1]).toMatchObject({
      title: 'Global tuberculosis report 2022',
      authors: ['World Health Organization'],
      journal: null,
      publishedAt: '2022',
      paperIds: { doi: null, pmid: null, arxiv: null },
    });
  });

  it('stores an arXiv preprint under its arXiv id, as the feeds do', () => {
    expect(result.references[2]?.paperIds).toEqual({ doi: null, pmid: null, arxiv: '2401.01234' });
  });
});

describe('parseCitationFile with an EndNote-style RIS export', () => {
  // Windows line endings, the older tags (T1, A1, Y1, JF, N2) and a file named .txt.
  const result = parsed(fixture('endnote-export.ris'), 'endnote.txt');

  it('reads the older tags and names records by their ID', () => {
    expect(result.format).toBe('ris');
    expect(result.problems).toEqual([]);
    expect(result.references.map((reference) => [reference.sourceKey, reference.title])).toEqual([
      ['412', 'Balanced crystalloids versus saline in adults with sepsis'],
      ['413', 'Tranexamic acid within 3 h of traumatic brain injury in older adults'],
    ]);
  });

  it('takes authors from both A1 and AU, in order, each once', () => {
    expect(result.references[0]?.authors).toEqual([
      'C. Okafor',
      'H. Tanaka',
      'Sepsis Outcomes Collaborative Group',
    ]);
  });

  it('reads PY when Y1 has no year, and Y1 when it has one', () => {
    expect(result.references[0]?.publishedAt).toBe('2022');
    expect(result.references[1]?.publishedAt).toBe('2024-03-14');
  });

  it('joins a wrapped N2 abstract and keeps its paragraphs', () => {
    expect(result.references[0]?.abstract).toBe(
      'Sepsis remains a leading cause of death in intensive care units. Balanced crystalloids may reduce kidney injury compared with saline.\nIn this cluster-randomized trial, 30-day mortality did not differ.',
    );
  });

  it('prefers AB to N2 and reads identifiers from the addresses', () => {
    const [sepsis, lancet] = result.references;
    expect(lancet?.abstract).toBe(
      'Older adults with traumatic brain injury were excluded from earlier trials.',
    );
    expect(lancet?.paperIds.doi).toBe('10.1016/s0140-6736(24)00123-4');
    expect(lancet?.authors).toEqual(['Rania Haddad', "Siobhán O'Brien"]);
    expect(sepsis?.paperIds.pmid).toBe('35290001');
    expect(sepsis?.journal).toBe('JAMA');
    expect(sepsis?.keywords).toEqual(['Sepsis', 'Fluid Therapy', 'Crystalloid Solutions']);
  });
});

describe('parseCitationFile reading RIS author names', () => {
  it('turns "Family, Given[, Suffix]" around and keeps other names whole', () => {
    const text = [
      'TY  - JOUR',
      'TI  - Names',
      'AU  - King, Martin, Jr.',
      'AU  - Smith JA',
      'AU  - World Health Organization, Regional Office for Europe',
      'AU  - Cochrane Heart Group',
      'ER  - ',
    ].join('\n');
    expect(parsed(text).references[0]?.authors).toEqual([
      'Martin King Jr.',
      'Smith JA',
      'World Health Organization, Regional Office for Europe',
      'Cochrane Heart Group',
    ]);
  });
});

describe('parseCitationFile with a broken RIS record', () => {
  it('imports the good records and names the broken one by its ID', () => {
    const result = parsed(fixture('broken-record.ris'));
    expect(result.references.map((reference) => reference.title)).toEqual([
      'A first trial that imports',
      'A last trial that imports too',
    ]);
    expect(result.problems).toEqual([
      {
        entry: 'untitled-7',
        message:
          'It has no title (TI or T1), so it cannot be stored. It has the DOI 10.1056/nejmoa2100002: add it by DOI instead. The record starts at line 12.',
      },
    ]);
  });

  it('names a record without an ID by its number, and reports lines outside any record', () => {
    const text = [
      'TY  - JOUR',
      'TI  - Fine',
      'ER  - ',
      'AU  - Stray, Line',
      'TY  - JOUR',
      'AU  - Nobody, Here',
      'ER  - ',
    ].join('\n');
    expect(parsed(text).problems).toEqual([
      {
        entry: 'line 4',
        message:
          'The tag “AU” is outside any record (records start with “TY  - ” and end with “ER  - ”), so it was skipped.',
      },
      {
        entry: 'record 2',
        message: 'It has no title (TI or T1), so it cannot be stored. The record starts at line 5.',
      },
    ]);
  });

  it('reports a run of stray tag lines once', () => {
    const text = 'AU  - Stray, One\nPY  - 2020\nAU  - Stray, Two\nTY  - JOUR\nTI  - Fine\nER  - \n';
    expect(parsed(text).problems).toEqual([
      {
        entry: 'line 1',
        message:
          'The tags “AU”, “PY” are outside any record (records start with “TY  - ” and end with “ER  - ”), so they were skipped.',
      },
    ]);
  });

  it('reports a record cut short at the end of the file', () => {
    const text = 'TY  - JOUR\nTI  - Complete\nER  - \nTY  - JOUR\nTI  - Cut short\nAB  - The abs';
    const result = parsed(text);
    expect(result.references.map((reference) => reference.title)).toEqual(['Complete']);
    expect(result.problems).toEqual([
      {
        entry: 'record 2',
        message:
          'The file ends inside it (no “ER  - ” line), so it may be cut short. The record starts at line 4.',
      },
    ]);
  });
});
