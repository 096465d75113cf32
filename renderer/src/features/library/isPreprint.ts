import type { ItemDetail } from '@shared/contract';

// bioRxiv and medRxiv register their DOIs under Cold Spring Harbor's prefix.
const PREPRINT_SERVER_DOI_PREFIX = '10.1101/';

/**
 * Whether a paper should carry the "not peer reviewed" warning: it has an arXiv id, or a
 * bioRxiv/medRxiv DOI and no published version is known yet. A paper the publisher names as the
 * journal's version of a preprint never does, even if the feed also quotes the preprint's id.
 */
export function isPreprint(item: Pick<ItemDetail, 'paperIds' | 'linkedVersion'>): boolean {
  const relation = item.linkedVersion?.relation ?? null;
  if (relation === 'preprint') return false;
  if (item.paperIds.arxiv !== null) return true;
  // Cold Spring Harbor also publishes peer-reviewed journals under this prefix; a known
  // published version is left to the "Published version" note rather than a warning.
  return (
    item.paperIds.doi?.startsWith(PREPRINT_SERVER_DOI_PREFIX) === true &&
    relation !== 'published-version'
  );
}
