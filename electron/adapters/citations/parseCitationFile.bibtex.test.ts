import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ImportedReference } from './ImportedReference';
import { type CitationFileParsed, parseCitationFile } from './parseCitationFile';

function fixture(name: string): string {
  return readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
}

function parsed(text: string, fileName?: string): CitationFileParsed {
  const result = parseCitationFile(text, fileName === undefined ? {} : { fileName });
  if (!result.ok) throw new Error(`expected references, got: ${result.message}`);
  return result;
}

function byKey(references: ImportedReference[], key: string): ImportedReference {
  const found = references.find((reference) => reference.sourceKey === key);
  if (!found) throw new Error(`no reference ${key} among ${references.map((r) => r.sourceKey)}`);
  return found;
}

describe('parseCitationFile with a Zotero BibTeX export', () => {
  const result = parsed(fixture('zotero-export.bib'), 'My Library.bib');

  it('reads every entry as BibTeX, with no problems', () => {
    expect(result.format).toBe('bibtex');
    expect(result.problems).toEqual([]);
    expect(result.references.map((reference) => reference.sourceKey)).toEqual([
      'lindqvist_early_2023',
      'world_health_organization_global_2022',
      'chen_large_2024',
      'dupre_off-pump_2024',
    ]);
  });

  it('turns a journal article into the fields a stored paper has', () => {
    expect(byKey(result.references, 'lindqvist_early_2023')).toEqual({
      sourceKey: 'lindqvist_early_2023',
      title:
        'Early Rhythm Control in Atrial Fibrillation after Ischemic Stroke: the RHYTHM-AF Randomized Trial',
      authors: [
        'Per Lindqvist',
        'Jörg Müller',
        'María García',
        'Ingrid Åström',
        'RHYTHM-AF Investigators',
      ],
      journal: 'The New England Journal of Medicine',
      publishedAt: '2023-11',
      paperIds: { doi: '10.1056/nejmoa2312345', pmid: '37980001', arxiv: null },
      abstract:
        'Whether early rhythm control improves outcomes after ischemic stroke is uncertain. We randomly assigned 1204 patients to early rhythm control or usual care. The composite of death and recurrent stroke at 24 months occurred in 8.1% and 11.4% (hazard ratio, 0.71; 95% CI, 0.55–0.92).',
      url: 'https://www.nejm.org/doi/full/10.1056/NEJMoa2312345',
      keywords: ['Atrial Fibrillation', 'Humans', 'Ischemic Stroke', 'Anti-Arrhythmia Agents'],
    });
  });

  it('keeps an institutional author whole and leaves a report without a journal', () => {
    const report = byKey(result.references, 'world_health_organization_global_2022');
    expect(report.authors).toEqual(['World Health Organization']);
    expect(report.title).toBe('Global Tuberculosis Report 2022');
    expect(report.journal).toBeNull();
    expect(report.publishedAt).toBe('2022');
    expect(report.abstract).toBeNull();
    expect(report.paperIds).toEqual({ doi: null, pmid: null, arxiv: null });
  });

  it('stores an arXiv preprint under its arXiv id, as the feeds do', () => {
    const preprint = byKey(result.references, 'chen_large_2024');
    expect(preprint.paperIds).toEqual({ doi: null, pmid: null, arxiv: '2401.01234' });
    expect(preprint.authors).toEqual(['Wei Chen', 'Chidi Okafor', 'Søren Østergaard']);
    expect(preprint.publishedAt).toBe('2024-01');
  });

  it('decodes LaTeX commands, dashes and formatting into plain text', () => {
    const article = byKey(result.references, 'dupre_off-pump_2024');
    expect(article.title).toBe(
      'Off-pump versus on-pump CABG in patients aged >75 years — five-year outcomes of the ELDER trial',
    );
    expect(article.authors).toEqual(['Élodie Dupré', 'Anna van der Berg', 'Martin King Jr.']);
    expect(article.journal).toBe('JAMA Cardiology');
    expect(article.paperIds.doi).toBe('10.1001/jamacardio.2024.0042');
  });
});

describe('parseCitationFile with a Zotero BibLaTeX export', () => {
  it('reads journaltitle and a full date', () => {
    const [article] = parsed(fixture('zotero-biblatex.bib')).references;
    expect(article?.journal).toBe('The Lancet');
    expect(article?.publishedAt).toBe('2024-03-14');
    expect(article?.authors).toEqual(['Rania Haddad', "Siobhán O'Brien"]);
    expect(article?.paperIds.doi).toBe('10.1016/s0140-6736(24)00123-4');
    expect(article?.keywords).toEqual(['Brain Injuries', 'Traumatic', 'Tranexamic Acid', 'Aged']);
  });
});

describe('parseCitationFile with a Mendeley BibTeX export', () => {
  const result = parsed(fixture('mendeley-export.bib'));

  it('skips the header Mendeley writes and reads every entry', () => {
    expect(result.format).toBe('bibtex');
    expect(result.problems).toEqual([]);
    expect(result.references.map((reference) => reference.sourceKey)).toEqual([
      'Okafor2022',
      'Nystrom2021',
      'Haddad2020',
    ]);
  });

  it("reads Mendeley's escapes, double braces, pmid field and month names", () => {
    const article = byKey(result.references, 'Okafor2022');
    expect(article.title).toBe(
      'Balanced crystalloids versus saline in adults with sepsis: a cluster-randomized trial',
    );
    expect(article.authors).toEqual([
      'Chidi Okafor',
      'Hiroshi Tanaka',
      'Élodie Dupré',
      'Sepsis Outcomes Collaborative Group',
    ]);
    expect(article.paperIds).toEqual({
      doi: '10.1001/jama.2022.12345',
      pmid: '35290001',
      arxiv: null,
    });
    expect(article.publishedAt).toBe('2022-03');
    expect(article.abstract).toContain('30-day mortality was 18.2% with balanced crystalloids');
    expect(article.abstract).toContain('saline & kidney injury');
    expect(article.keywords).toEqual([
      'Crystalloid Solutions',
      'Fluid Therapy',
      'Humans',
      'Sepsis',
    ]);
    expect(article.url).toBe('http://www.ncbi.nlm.nih.gov/pubmed/35290001');
  });

  it('reads the arXiv id from eprint and archivePrefix', () => {
    const preprint = byKey(result.references, 'Nystrom2021');
    expect(preprint.paperIds).toEqual({ doi: null, pmid: null, arxiv: '2104.05678' });
    expect(preprint.authors).toEqual(['Lars Nyström', 'Karin Åberg', 'Mette Kjær']);
  });

  it('unescapes underscores in DOIs and addresses', () => {
    const article = byKey(result.references, 'Haddad2020');
    expect(article.paperIds.doi).toBe('10.1002/bjs.11_234');
    expect(article.url).toBe('https://onlinelibrary.wiley.com/doi/10.1002/bjs.11_234');
    expect(article.title).toBe('Day-case laparoscopic cholecystectomy in patients with BMI > 40');
  });
});

describe('parseCitationFile with broken BibTeX entries', () => {
  const result = parsed(fixture('broken-entry.bib'));

  it('imports the good entries, with @string abbreviations expanded', () => {
    expect(result.references.map((reference) => [reference.sourceKey, reference.journal])).toEqual([
      ['good_first_2021', 'The New England Journal of Medicine'],
      ['good_last_2022', 'The New England Journal of Medicine'],
    ]);
  });

  it('names each broken entry by its key and says what is wrong with it', () => {
    expect(result.problems).toEqual([
      {
        entry: 'missing_comma_2021',
        message:
          'A comma is missing between two of its fields (fields are written name = {value} and separated by commas). The entry starts at line 13.',
      },
      {
        entry: 'unclosed_2021',
        message:
          'It never closes: a “{” has no matching “}”, so the next entry starts inside it. The entry starts at line 19.',
      },
      {
        entry: 'no_title_2022',
        message:
          'It has no title, so it cannot be stored. It has the DOI 10.1056/nejmoa2200002: add it by DOI instead. The entry starts at line 31.',
      },
    ]);
  });

  it('names an entry without a key by its number and line', () => {
    const text = '@article{ok_2020, title = {Fine}, year = 2020}\n@article{\n  title = {x},\n}\n';
    const { references, problems } = parsed(text);
    expect(references.map((reference) => reference.title)).toEqual(['Fine']);
    expect(problems).toEqual([
      {
        entry: 'entry 2',
        message: 'It has no citation key after “@article{”. The entry starts at line 2.',
      },
    ]);
  });

  it('reports an entry with a stray closing brace instead of importing half of it', () => {
    const text = '@article{extra_2020,\n  title = {Extra}},\n  author = {Lee, Ann},\n}\n';
    expect(parsed(text).problems).toEqual([
      {
        entry: 'extra_2020',
        message:
          'It has a “}” too many, so the fields after it would be lost. The entry starts at line 1.',
      },
    ]);
  });
});

describe('parseCitationFile with hand-written BibTeX', () => {
  it('reads parenthesised entries, quoted values holding braces and comments between fields', () => {
    const text = [
      '@Article(round_2019,',
      '  % the title was shortened by hand',
      '  Title = "The {ICU} at night: {a} {\\"{u}}ber-study",',
      '  Author = "Kowalski, Jan and {\\L}ukasik, Ewa",',
      '  Year = 2019',
      ')',
    ].join('\n');
    expect(parsed(text).references).toMatchObject([
      {
        sourceKey: 'round_2019',
        title: 'The ICU at night: a über-study',
        authors: ['Jan Kowalski', 'Ewa Łukasik'],
        publishedAt: '2019',
      },
    ]);
  });

  it('says when the last entry of the file never closes', () => {
    const text = '@article{ok_2020, title = {Fine}}\n@article{cut_2020,\n  title = {Cut sho';
    expect(parsed(text).problems).toEqual([
      {
        entry: 'cut_2020',
        message:
          'It never closes: a “{” has no matching “}”, so the file ends inside it. The entry starts at line 2.',
      },
    ]);
  });
});

describe('parseCitationFile with a large BibTeX file', () => {
  it('imports 200 generated references in order, each with its own identifiers', () => {
    const entries = Array.from({ length: 200 }, (_, index) => {
      const number = index + 1;
      return [
        `@article{trial_${number},`,
        `  title = {Trial number ${number} of {SGLT2} inhibitors in {\\"O}sterreich},`,
        `  author = {M{\\"u}ller, J{\\"o}rg and Author${number}, Given},`,
        `  journal = {Journal of Generated Trials},`,
        `  year = {${2000 + (index % 25)}},`,
        `  month = ${['jan', 'jun', 'dec'][index % 3]},`,
        `  doi = {10.5555/trial.${number}},`,
        `  pmid = {${30000000 + number}},`,
        `  abstract = {Patients in trial ${number} did well --- mostly.},`,
        `}`,
      ].join('\n');
    });

    const { references, problems } = parsed(entries.join('\n\n'), 'generated.bib');

    expect(problems).toEqual([]);
    expect(references).toHaveLength(200);
    expect(references[0]?.title).toBe('Trial number 1 of SGLT2 inhibitors in Österreich');
    expect(references[199]).toMatchObject({
      sourceKey: 'trial_200',
      title: 'Trial number 200 of SGLT2 inhibitors in Österreich',
      authors: ['Jörg Müller', 'Given Author200'],
      publishedAt: '2024-06',
      paperIds: { doi: '10.5555/trial.200', pmid: '30000200', arxiv: null },
      abstract: 'Patients in trial 200 did well — mostly.',
    });
    expect(new Set(references.map((reference) => reference.paperIds.doi)).size).toBe(200);
  });
});
