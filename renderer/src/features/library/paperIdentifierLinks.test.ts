import { describe, expect, it } from 'vitest';
import { doiHref, paperIdentifierLinks } from './paperIdentifierLinks';

describe('paperIdentifierLinks', () => {
  it('gives no links for a post without identifiers', () => {
    expect(paperIdentifierLinks({ doi: null, pmid: null, arxiv: null })).toEqual([]);
  });

  it('links the DOI, PubMed id and arXiv id in that order', () => {
    expect(
      paperIdentifierLinks({ doi: '10.1056/nejmoa2034577', pmid: '33301246', arxiv: '2401.01234' }),
    ).toEqual([
      {
        kind: 'doi',
        label: 'doi:10.1056/nejmoa2034577',
        href: 'https://doi.org/10.1056/nejmoa2034577',
      },
      { kind: 'pmid', label: 'PMID 33301246', href: 'https://pubmed.ncbi.nlm.nih.gov/33301246/' },
      { kind: 'arxiv', label: 'arXiv:2401.01234', href: 'https://arxiv.org/abs/2401.01234' },
    ]);
  });

  it('keeps the slash of an old-style arXiv id', () => {
    expect(paperIdentifierLinks({ doi: null, pmid: null, arxiv: 'hep-th/9901001' })).toEqual([
      {
        kind: 'arxiv',
        label: 'arXiv:hep-th/9901001',
        href: 'https://arxiv.org/abs/hep-th/9901001',
      },
    ]);
  });
});

describe('doiHref', () => {
  it('escapes characters that would otherwise end the path, keeping the slashes', () => {
    expect(doiHref('10.1002/(sici)1097-0258(19980430)17:8<857::aid-sim777>3.0.co;2-e')).toBe(
      'https://doi.org/10.1002/(sici)1097-0258(19980430)17%3A8%3C857%3A%3Aaid-sim777%3E3.0.co%3B2-e',
    );
    expect(doiHref('10.1000/a#b?c')).toBe('https://doi.org/10.1000/a%23b%3Fc');
  });
});
