import { describe, expect, it } from 'vitest';
import type { PreprintServer } from '../summary';
import { preprintServerOf } from './preprintServer';

interface Case {
  name: string;
  doi?: string | null;
  url?: string | null;
  journal?: string | null;
  expected: PreprintServer | null;
}

function paper(c: Case): { doi: string | null; url: string | null; journal: string | null } {
  return { doi: c.doi ?? null, url: c.url ?? null, journal: c.journal ?? null };
}

describe('preprintServerOf', () => {
  const cases: Case[] = [
    // medRxiv and bioRxiv share 10.1101: the address or the journal name says which.
    {
      name: 'a 10.1101 DOI found on medrxiv.org',
      doi: '10.1101/2024.03.02.24303641',
      url: 'https://www.medrxiv.org/content/10.1101/2024.03.02.24303641v2',
      expected: 'medRxiv',
    },
    {
      name: 'a 10.1101 DOI found on biorxiv.org',
      doi: '10.1101/2024.01.15.575123',
      url: 'https://www.biorxiv.org/content/10.1101/2024.01.15.575123v1.full',
      expected: 'bioRxiv',
    },
    {
      name: 'the address wins over the shape of the number',
      doi: '10.1101/2024.03.02.24303641',
      url: 'https://biorxiv.org/content/10.1101/2024.03.02.24303641v1',
      expected: 'bioRxiv',
    },
    {
      name: 'a 10.1101 DOI with the journal named medRxiv (as PubMed names it)',
      doi: '10.1101/2023.11.20.23298765',
      url: 'https://doi.org/10.1101/2023.11.20.23298765',
      journal: 'medRxiv : the preprint server for health sciences',
      expected: 'medRxiv',
    },
    {
      name: 'a 10.1101 DOI with the journal named bioRxiv',
      doi: '10.1101/2023.11.20.23298765',
      journal: 'bioRxiv',
      expected: 'bioRxiv',
    },
    // Without either, the number after the date decides: medRxiv's are eight digits starting
    // with the two-digit year, bioRxiv's a running count of six (or later seven) digits.
    {
      name: 'a bare date-style DOI whose number is medRxiv-shaped',
      doi: '10.1101/2020.02.14.20023127',
      expected: 'medRxiv',
    },
    {
      name: 'a medRxiv-shaped number submitted the December before it was posted',
      doi: '10.1101/2021.01.02.20248998',
      expected: 'medRxiv',
    },
    {
      name: 'a bare date-style DOI whose number is bioRxiv-shaped',
      doi: '10.1101/2020.03.22.002386',
      expected: 'bioRxiv',
    },
    {
      name: 'a bioRxiv count that has grown to seven digits',
      doi: '10.1101/2027.05.03.1002345',
      expected: 'bioRxiv',
    },
    {
      name: "bioRxiv's six-digit DOIs from before 2020",
      doi: '10.1101/858407',
      expected: 'bioRxiv',
    },
    { name: "medRxiv's eight-digit DOIs from 2019", doi: '10.1101/19005215', expected: 'medRxiv' },
    {
      name: 'a version suffix on a preprint DOI',
      doi: '10.1101/2020.03.22.002386v3',
      expected: 'bioRxiv',
    },
    {
      name: 'a DOI written as a resolver address, upper case',
      doi: 'https://doi.org/10.1101/2020.02.14.20023127',
      expected: 'medRxiv',
    },
    {
      name: 'no DOI, only the doi.org address of a preprint',
      url: 'https://doi.org/10.1101/2020.03.22.002386',
      expected: 'bioRxiv',
    },
    {
      name: 'no DOI, a medrxiv.org page',
      url: 'https://www.medrxiv.org/content/10.1101/2022.01.04.22268755v1',
      expected: 'medRxiv',
    },
    // Cold Spring Harbor's journals use 10.1101 too, and are peer reviewed.
    { name: 'Genome Research (10.1101/gr.…)', doi: '10.1101/gr.278305.123', expected: null },
    { name: 'Genes & Development (10.1101/gad.…)', doi: '10.1101/gad.351201.123', expected: null },
    // arXiv
    { name: "arXiv's DataCite DOI", doi: '10.48550/arXiv.2401.01234', expected: 'arXiv' },
    {
      name: 'an arxiv.org abstract page',
      url: 'https://arxiv.org/abs/2401.01234v2',
      expected: 'arXiv',
    },
    {
      name: 'an old-style arXiv PDF link',
      url: 'http://arxiv.org/pdf/hep-th/9901001',
      expected: 'arXiv',
    },
    { name: 'an arXiv id in the DOI field', doi: 'arXiv:2401.01234', expected: 'arXiv' },
    {
      name: 'a citation that names arXiv as the journal',
      journal: 'arXiv preprint arXiv:2401.01234',
      expected: 'arXiv',
    },
    // SSRN
    { name: "SSRN's DOI", doi: '10.2139/ssrn.4567890', expected: 'SSRN' },
    {
      name: 'an SSRN abstract page',
      url: 'https://papers.ssrn.com/sol3/papers.cfm?abstract_id=4567890',
      expected: 'SSRN',
    },
    { name: "SSRN's Crossref journal title", journal: 'SSRN Electronic Journal', expected: 'SSRN' },
    // Research Square
    {
      name: "Research Square's DOI",
      doi: '10.21203/rs.3.rs-3456789/v1',
      expected: 'Research Square',
    },
    {
      name: 'a Research Square page',
      url: 'https://www.researchsquare.com/article/rs-3456789/v1',
      expected: 'Research Square',
    },
    {
      name: 'Research Square named as the journal',
      journal: 'Research Square',
      expected: 'Research Square',
    },
    // Journal articles, including ones that began as preprints.
    {
      name: 'a journal DOI, though the paper was once on medRxiv',
      doi: '10.1056/NEJMoa2312345',
      url: 'https://www.medrxiv.org/content/10.1101/2023.05.01.23289321v1',
      expected: null,
    },
    {
      name: 'a journal DOI, though the journal field still says bioRxiv',
      doi: '10.1038/s41591-024-02901-1',
      journal: 'bioRxiv',
      expected: null,
    },
    {
      name: 'a journal article by its DOI',
      doi: '10.1001/jama.2026.0123',
      journal: 'JAMA',
      expected: null,
    },
    {
      name: 'a journal article by its address only',
      url: 'https://www.nejm.org/doi/full/10.1056/NEJMoa2312345',
      journal: 'N Engl J Med',
      expected: null,
    },
    {
      name: 'a lookalike host is not arXiv',
      url: 'https://notarxiv.org/abs/2401.01234',
      expected: null,
    },
    {
      name: 'a journal whose name merely contains a server name',
      journal: 'Journal of Medrxivology',
      expected: null,
    },
    { name: 'nothing at all', expected: null },
    { name: 'junk in every field', doi: 'n/a', url: 'not a url', journal: '', expected: null },
  ];

  it.each(cases)('$name → $expected', (c) => {
    expect(preprintServerOf(paper(c))).toBe(c.expected);
  });
});
