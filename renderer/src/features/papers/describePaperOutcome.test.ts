import { describe, expect, it } from 'vitest';
import { describePaperOutcome } from './describePaperOutcome';

const PDF = { hash: 'a'.repeat(64), fileName: 'trial.pdf', pageCount: 3 };

describe('describePaperOutcome', () => {
  it('says the format, what was added, what was already there and each problem', () => {
    const problems = [{ entry: 'smith2020', message: 'This entry has no title.' }];
    expect(
      describePaperOutcome({
        kind: 'citations',
        fileName: 'library.bib',
        summary: { format: 'bibtex', added: 1200, alreadyThere: 3, problems },
      }),
    ).toEqual({
      tone: 'problem',
      headline: '“library.bib” (BibTeX): 1,200 papers added, 3 already there, 1 could not be read.',
      problems,
    });
    expect(
      describePaperOutcome({
        kind: 'citations',
        fileName: 'one.ris',
        summary: { format: 'ris', added: 1, alreadyThere: 0, problems: [] },
      }).headline,
    ).toBe('“one.ris” (RIS): 1 paper added, 0 already there.');
  });

  it('tells a DOI found from one saved until Rounds is online', () => {
    const doi = '10.1056/nejmoa2312345';
    const found = { itemId: 'x', lookup: 'found', alreadyThere: false } as const;
    expect(describePaperOutcome({ kind: 'doi', doi, added: found }).headline).toBe(
      'DOI 10.1056/nejmoa2312345: found, and added to My papers.',
    );
    expect(
      describePaperOutcome({ kind: 'doi', doi, added: { ...found, lookup: 'pending' } }).headline,
    ).toBe('DOI 10.1056/nejmoa2312345: saved — details will be fetched when you are online.');
    expect(
      describePaperOutcome({ kind: 'doi', doi, added: { ...found, alreadyThere: true } }).headline,
    ).toBe('DOI 10.1056/nejmoa2312345 is already in My papers.');
  });

  it('names the PDF, its pages and the paper it became or joined', () => {
    const added = {
      itemId: 'x',
      title: 'Heparin in sepsis',
      pdf: PDF,
      paper: 'created',
      alreadyStored: false,
    } as const;
    expect(describePaperOutcome({ kind: 'pdf', fileName: 'trial.pdf', added }).headline).toBe(
      '“trial.pdf” (3 pages): added to My papers as “Heparin in sepsis”.',
    );
    expect(
      describePaperOutcome({
        kind: 'pdf',
        fileName: 'trial.pdf',
        added: { ...added, paper: 'attached' },
      }).headline,
    ).toBe('“trial.pdf” (3 pages): attached to “Heparin in sepsis”.');
  });

  it('passes a refusal on as written', () => {
    expect(
      describePaperOutcome({ kind: 'failed', subject: '“x.pdf”', message: 'This PDF is damaged.' }),
    ).toEqual({
      tone: 'problem',
      headline: '“x.pdf” was not added. This PDF is damaged.',
      problems: [],
    });
  });
});
