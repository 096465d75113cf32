import { describe, expect, it } from 'vitest';
import {
  articleLinkKey,
  citationLineDoi,
  citationsOf,
  doiOfResolverLink,
  extractPaperIds,
  linkedVersionDoi,
  MAX_CITATIONS,
  normalizeDoi,
  paperKeyOf,
  paperKeysOf,
  withoutPublishedVersionNotes,
} from './paperIdentity';

describe('normalizeDoi', () => {
  it('reads every way journals and people write one DOI as the same string', () => {
    for (const written of [
      '10.1056/NEJMoa2312345',
      'https://doi.org/10.1056/NEJMoa2312345',
      'http://dx.doi.org/10.1056/nejmoa2312345',
      'https://www.doi.org/10.1056/NEJMOA2312345',
      'doi:10.1056/NEJMoa2312345',
      'DOI: 10.1056/NEJMoa2312345.',
      'info:doi/10.1056/NEJMoa2312345',
      '10.1056%2FNEJMoa2312345',
      ' (10.1056/NEJMoa2312345), ',
    ]) {
      expect(normalizeDoi(written.replace(/^ \(|\), $/g, '')), written).toBe(
        '10.1056/nejmoa2312345',
      );
    }
  });

  it('keeps brackets that belong to the DOI and drops one that closes the sentence', () => {
    expect(normalizeDoi('10.1016/S0140-6736(24)00001-X')).toBe('10.1016/s0140-6736(24)00001-x');
    expect(normalizeDoi('10.1016/S0140-6736(24)00001-X)')).toBe('10.1016/s0140-6736(24)00001-x');
  });

  it('drops the version bioRxiv and medRxiv add to their DOIs', () => {
    expect(normalizeDoi('10.1101/2024.01.05.24300912v2')).toBe('10.1101/2024.01.05.24300912');
    expect(normalizeDoi('10.1101/123456v1')).toBe('10.1101/123456');
  });

  it('keeps all eight digits of an early medRxiv DOI, so two preprints never share one', () => {
    expect(normalizeDoi('10.1101/19005215')).toBe('10.1101/19005215');
    expect(normalizeDoi('10.1101/19005215v3')).toBe('10.1101/19005215');
    expect(normalizeDoi('10.1101/19005215')).not.toBe(normalizeDoi('10.1101/19005299'));
  });

  it('refuses what is not a DOI', () => {
    for (const value of ['', 'doi:', '10.1/x', 'ISSN 0028-4793', 'https://example.org/10.1056']) {
      expect(normalizeDoi(value), value).toBeNull();
    }
  });
});

describe('extractPaperIds', () => {
  it('reads a Nature-style item: prism:doi and dc:identifier fields', () => {
    expect(
      extractPaperIds({
        fields: ['10.1038/s41591-024-02800-1', 'doi:10.1038/s41591-024-02800-1'],
        links: ['https://www.nature.com/articles/s41591-024-02800-1'],
      }),
    ).toEqual({ doi: '10.1038/s41591-024-02800-1', pmid: null, arxiv: null });
  });

  it('reads a PubMed search feed item: its link, guid and identifiers', () => {
    expect(
      extractPaperIds({
        fields: ['pubmed:38234567', 'pmid:38234567', 'doi:10.1056/NEJMoa2312345'],
        links: ['https://pubmed.ncbi.nlm.nih.gov/38234567/?utm_source=Feed&fc=20240101&ff=1'],
      }),
    ).toEqual({ doi: '10.1056/nejmoa2312345', pmid: '38234567', arxiv: null });
    expect(extractPaperIds({ links: ['https://www.ncbi.nlm.nih.gov/pubmed/31234567'] }).pmid).toBe(
      '31234567',
    );
  });

  it('finds the DOI in publisher addresses', () => {
    const doiOf = (link: string) => extractPaperIds({ links: [link] }).doi;
    expect(doiOf('https://www.nejm.org/doi/full/10.1056/NEJMoa2312345?query=TOC')).toBe(
      '10.1056/nejmoa2312345',
    );
    expect(doiOf('https://onlinelibrary.wiley.com/doi/abs/10.1002/jah3.12345')).toBe(
      '10.1002/jah3.12345',
    );
    expect(
      doiOf('https://journals.plos.org/plosmedicine/article?id=10.1371/journal.pmed.1004321'),
    ).toBe('10.1371/journal.pmed.1004321');
    expect(doiOf('https://academic.oup.com/eurheartj/article/45/1/1/7500000')).toBeNull();
  });

  it('reads bioRxiv and medRxiv addresses, old and new', () => {
    expect(
      extractPaperIds({
        links: ['https://www.medrxiv.org/content/10.1101/2024.01.05.24300912v1.full.pdf'],
      }).doi,
    ).toBe('10.1101/2024.01.05.24300912');
    expect(
      extractPaperIds({
        links: ['http://biorxiv.org/cgi/content/short/2023.12.31.573799v1?rss=1'],
      }).doi,
    ).toBe('10.1101/2023.12.31.573799');
  });

  it('reads arXiv ids, new and old style, and treats arXiv DOIs as the same id', () => {
    expect(extractPaperIds({ links: ['https://arxiv.org/abs/2401.01234v3'] }).arxiv).toBe(
      '2401.01234',
    );
    expect(extractPaperIds({ links: ['http://arxiv.org/pdf/hep-th/9901001v2.pdf'] }).arxiv).toBe(
      'hep-th/9901001',
    );
    expect(extractPaperIds({ fields: ['oai:arXiv.org:2401.01234v1'] }).arxiv).toBe('2401.01234');
    expect(extractPaperIds({ text: 'See arXiv:math.GT/0309136 for the proof.' }).arxiv).toBe(
      'math.GT/0309136',
    );
    expect(extractPaperIds({ fields: ['https://doi.org/10.48550/arXiv.2401.01234'] })).toEqual({
      doi: null,
      pmid: null,
      arxiv: '2401.01234',
    });
  });

  it('reads labelled ids in text, fields first', () => {
    expect(
      extractPaperIds({
        text: 'N Engl J Med. 2024 Jan 4;390(1):1-12. doi: 10.1056/NEJMoa2312345. PMID: 38234567.',
      }),
    ).toEqual({ doi: '10.1056/nejmoa2312345', pmid: '38234567', arxiv: null });
    expect(
      extractPaperIds({ fields: ['doi:10.1234/abc.def'], text: 'doi: 10.9999/other' }).doi,
    ).toBe('10.1234/abc.def');
  });

  it('finds nothing in an item without identifiers', () => {
    expect(
      extractPaperIds({
        fields: ['tag:journal.example,2024:1', null],
        links: ['https://journal.example/articles/1'],
        text: 'Version 10.2 of the guideline, 2024/25.',
      }),
    ).toEqual({ doi: null, pmid: null, arxiv: null });
  });
});

describe('paper keys', () => {
  it('prefers the DOI, then the PubMed id, then the arXiv id', () => {
    expect(paperKeyOf({ doi: '10.1/x', pmid: '1', arxiv: '2401.00001' })).toBe('doi:10.1/x');
    expect(paperKeyOf({ doi: null, pmid: '1', arxiv: '2401.00001' })).toBe('pmid:1');
    expect(paperKeyOf({ doi: null, pmid: null, arxiv: '2401.00001' })).toBe('arxiv:2401.00001');
    expect(paperKeyOf({ doi: null, pmid: null, arxiv: null })).toBeNull();
    expect(paperKeysOf({ doi: '10.1/x', pmid: '1', arxiv: null })).toEqual([
      'doi:10.1/x',
      'pmid:1',
    ]);
  });

  it('compares article addresses without scheme, www, fragment, slash or tracking', () => {
    const key = 'link:jamanetwork.com/journals/jama/fullarticle/2812345';
    expect(articleLinkKey('https://jamanetwork.com/journals/jama/fullarticle/2812345')).toBe(key);
    expect(
      articleLinkKey(
        'http://www.JAMAnetwork.com/journals/jama/fullarticle/2812345/?utm_source=rss#x',
      ),
    ).toBe(key);
    expect(articleLinkKey('https://example.org/a?b=2&a=1&utm_medium=x')).toBe(
      'link:example.org/a?a=1&b=2',
    );
    expect(articleLinkKey('mailto:editor@example.org')).toBeNull();
  });
});

describe('citationsOf', () => {
  it('collects what a Mastodon post points at: DOI links, article links and ids in text', () => {
    expect(
      citationsOf({
        links: [
          'https://doi.org/10.1056/NEJMoa2312345',
          'https://jamanetwork.com/journals/jama/fullarticle/2812345?utm_source=mastodon',
        ],
        text: 'Two good reads today, and PMID: 38000001 too. #cardiology',
      }),
    ).toEqual([
      'doi:10.1056/nejmoa2312345',
      'link:doi.org/10.1056/NEJMoa2312345',
      'link:jamanetwork.com/journals/jama/fullarticle/2812345',
      'pmid:38000001',
    ]);
  });

  it('reads addresses written as plain text, and ignores DOIs cut short for display', () => {
    expect(
      citationsOf({
        text: 'New guideline: pubmed.ncbi.nlm.nih.gov/38000001. Also doi.org/10.1056/NEJMoa23…',
      }),
    ).toEqual(['pmid:38000001', 'link:pubmed.ncbi.nlm.nih.gov/38000001']);
    expect(citationsOf({ text: 'Mail me at kim@med.example/x or see e.g./i.e. notes' })).toEqual(
      [],
    );
  });

  it('keeps at most a bounded number of citations', () => {
    const links = Array.from({ length: 50 }, (_, n) => `https://example.org/${n}`);
    expect(citationsOf({ links })).toHaveLength(MAX_CITATIONS);
  });
});

describe('linkedVersionDoi', () => {
  it('reads a bioRxiv "now published in" note, but never the item’s own DOI', () => {
    const text = 'Abstract text. Now published in Nature Medicine doi: 10.1038/s41591-024-02800-1';
    expect(linkedVersionDoi({ text }, '10.1101/2023.12.31.573799')).toBe(
      '10.1038/s41591-024-02800-1',
    );
    expect(linkedVersionDoi({ text }, '10.1038/s41591-024-02800-1')).toBeNull();
    expect(withoutPublishedVersionNotes(text)).not.toContain('10.1038');
  });

  it('reads relation fields and related links', () => {
    expect(linkedVersionDoi({ fields: ['10.1001/jama.2024.0001'] }, null)).toBe(
      '10.1001/jama.2024.0001',
    );
    expect(
      linkedVersionDoi({ links: ['https://doi.org/10.1001/jama.2024.0001'] }, '10.1101/123456'),
    ).toBe('10.1001/jama.2024.0001');
    expect(linkedVersionDoi({ text: 'Published 2 January 2024.' }, null)).toBeNull();
  });
});

describe('citationLineDoi', () => {
  it('reads the DOI of a journal’s own citation line, in print and online-first form', () => {
    expect(citationLineDoi('JAMA. 2026;335(4):301-310. doi:10.1001/jama.2026.0123')).toBe(
      '10.1001/jama.2026.0123',
    );
    expect(
      citationLineDoi('JAMA. Published online January 28, 2026. doi:10.1001/jama.2026.0456'),
    ).toBe('10.1001/jama.2026.0456');
    expect(
      citationLineDoi('N Engl J Med. 2024 Jan 4;390(1):1-12. doi: 10.1056/NEJMoa2312345. Epub'),
    ).toBe('10.1056/nejmoa2312345');
    expect(citationLineDoi('J. Am. Coll. Cardiol. 2024;83(2):e12. doi:10.1016/j.jacc.2023.1')).toBe(
      '10.1016/j.jacc.2023.1',
    );
  });

  it('ignores a DOI that does not follow a citation at the start of the line', () => {
    expect(citationLineDoi('Great read, doi:10.1001/jama.2026.0123')).toBeNull();
    expect(
      citationLineDoi('We discussed this tonight: JAMA. 2026;335(4):301-310. doi:10.1001/x.1'),
    ).toBeNull();
  });
});

describe('doiOfResolverLink', () => {
  it('reads doi.org addresses only', () => {
    expect(doiOfResolverLink('https://doi.org/10.1093/EURHEARTJ/ehag5521')).toBe(
      '10.1093/eurheartj/ehag5521',
    );
    expect(doiOfResolverLink('http://dx.doi.org/10.1056/NEJMoa2312345')).toBe(
      '10.1056/nejmoa2312345',
    );
    expect(doiOfResolverLink('https://journal.example/doi/10.1056/NEJMoa2312345')).toBeNull();
  });
});
