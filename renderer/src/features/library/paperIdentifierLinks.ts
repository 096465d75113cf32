import type { PaperIdentifiers } from '@shared/contract';

/** One identifier of a paper as a link to its resolver, with the text readers cite it by. */
export interface PaperIdentifierLink {
  kind: 'doi' | 'pmid' | 'arxiv';
  label: string;
  href: string;
}

/** The doi.org address that resolves a DOI (given without `doi:` or `https://doi.org/`). */
export function doiHref(doi: string): string {
  return `https://doi.org/${encodePath(doi)}`;
}

/**
 * Links for every identifier the paper has, DOI first since it names the version of record, then
 * PubMed and arXiv; none for a post or a news item.
 */
export function paperIdentifierLinks(ids: PaperIdentifiers): PaperIdentifierLink[] {
  const links: PaperIdentifierLink[] = [];
  if (ids.doi !== null)
    links.push({ kind: 'doi', label: `doi:${ids.doi}`, href: doiHref(ids.doi) });
  if (ids.pmid !== null) {
    links.push({
      kind: 'pmid',
      label: `PMID ${ids.pmid}`,
      href: `https://pubmed.ncbi.nlm.nih.gov/${encodeURIComponent(ids.pmid)}/`,
    });
  }
  if (ids.arxiv !== null) {
    links.push({
      kind: 'arxiv',
      label: `arXiv:${ids.arxiv}`,
      href: `https://arxiv.org/abs/${encodePath(ids.arxiv)}`,
    });
  }
  return links;
}

// DOIs may hold characters such as `#`, `?` or `<` that would end or break the path; their
// slashes, and those of old arXiv ids (`hep-th/9901001`), are part of the name and stay.
function encodePath(identifier: string): string {
  return identifier.split('/').map(encodeURIComponent).join('/');
}
