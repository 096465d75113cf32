import { articleLinkKey, paperKeysOf } from '@shared/domain/feeds/paperIdentity';
import type { ItemRecord } from '@shared/domain/library/libraryDocuments';

/**
 * The keys a colleague's post may cite an item by (`doi:…`, `pmid:…`, `arxiv:…`, `link:…`): its
 * identifiers and its address, as the item index attaches posts to papers.
 */
export function citableKeysOf(record: Pick<ItemRecord, 'paperIds' | 'link'>): string[] {
  // Records built by hand (tests, older callers) may lack paper fields: they are not papers.
  const keys = record.paperIds ? paperKeysOf(record.paperIds) : [];
  const linkKey = record.link === null ? null : articleLinkKey(record.link);
  if (linkKey !== null) keys.push(linkKey);
  return keys;
}
