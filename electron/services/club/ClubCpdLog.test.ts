import { describe, expect, it } from 'vitest';
import { citationOf } from './ClubCpdLog';

describe('citationOf', () => {
  it('cites the first author, title, journal, year and DOI as a CPD log reads them', () => {
    expect(
      citationOf('10.1056/NEJMoa2024816', {
        title: 'Dapagliflozin in Patients with Chronic Kidney Disease',
        authors: ['Heerspink HJL', 'Stefánsson BV'],
        journal: 'N Engl J Med',
        year: 2020,
      }),
    ).toBe(
      'Heerspink HJL et al. Dapagliflozin in Patients with Chronic Kidney Disease. N Engl J Med 2020. doi:10.1056/NEJMoa2024816.',
    );
  });

  it('keeps a title’s own question mark and leaves out what is not known', () => {
    expect(
      citationOf(null, {
        title: 'Should we screen?',
        authors: ['Ng A'],
        journal: null,
        year: null,
      }),
    ).toBe('Ng A. Should we screen?');
  });

  it('falls back to a plain label when the paper has no details', () => {
    expect(citationOf(null, undefined)).toBe('Journal club session');
  });
});
