import type { LinkedPaperVersion, PaperIdentifiers } from '@shared/contract';
import { describe, expect, it } from 'vitest';
import { isPreprint } from './isPreprint';

function paper(
  ids: Partial<PaperIdentifiers>,
  linkedVersion: LinkedPaperVersion | null = null,
): { paperIds: PaperIdentifiers; linkedVersion: LinkedPaperVersion | null } {
  return { paperIds: { doi: null, pmid: null, arxiv: null, ...ids }, linkedVersion };
}

const publishedVersion: LinkedPaperVersion = {
  relation: 'published-version',
  doi: '10.1038/s41586-024-00001-1',
  itemId: null,
  title: 'The journal article',
};

describe('isPreprint', () => {
  it('flags an arXiv paper', () => {
    expect(isPreprint(paper({ arxiv: '2401.01234' }))).toBe(true);
  });

  it('flags a bioRxiv or medRxiv DOI with no published version', () => {
    expect(isPreprint(paper({ doi: '10.1101/2024.01.02.123456' }))).toBe(true);
  });

  it('leaves a bioRxiv DOI with a known published version to the version note', () => {
    expect(isPreprint(paper({ doi: '10.1101/2024.01.02.123456' }, publishedVersion))).toBe(false);
  });

  it('does not flag journal articles, posts, or a journal version that names its preprint', () => {
    expect(isPreprint(paper({ doi: '10.1056/nejmoa2034577', pmid: '33301246' }))).toBe(false);
    expect(isPreprint(paper({}))).toBe(false);
    expect(
      isPreprint(
        paper(
          { doi: '10.1038/s41586-024-00001-1', arxiv: '2401.01234' },
          { relation: 'preprint', doi: null, itemId: null, title: null },
        ),
      ),
    ).toBe(false);
  });
});
