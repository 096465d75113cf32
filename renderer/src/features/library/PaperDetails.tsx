import type { ItemDetail } from '@shared/contract';
import { formatAuthorList } from './formatAuthorList';
import { isDisplayableHref } from './isDisplayableHref';
import { isPreprint } from './isPreprint';
import { paperIdentifierLinks } from './paperIdentifierLinks';
import { FeedText } from '../../ui/FeedText';

export interface PaperDetailsProps {
  item: Pick<ItemDetail, 'authors' | 'journal' | 'paperIds' | 'linkedVersion'>;
}

/**
 * What a clinician checks before trusting a paper: the journal, who wrote it, its identifiers,
 * and a warning when it has not been peer reviewed. Nothing for a post or a news item.
 */
export function PaperDetails({ item }: PaperDetailsProps) {
  const authors = formatAuthorList(item.authors);
  const links = paperIdentifierLinks(item.paperIds).filter((link) => isDisplayableHref(link.href));
  const preprint = isPreprint(item);
  if (item.journal === null && authors === '' && links.length === 0 && !preprint) return null;
  return (
    <div className="reader-paper">
      {preprint ? (
        <p className="reader-preprint-label" role="note">
          Preprint — not peer reviewed
        </p>
      ) : null}
      {item.journal !== null ? (
        <p className="reader-journal">
          <FeedText text={item.journal} />
        </p>
      ) : null}
      {authors !== '' ? (
        <p className="reader-authors">
          <FeedText text={authors} />
        </p>
      ) : null}
      {links.length > 0 ? (
        <ul className="reader-paper-ids" aria-label="Paper identifiers">
          {links.map((link) => (
            <li key={link.kind}>
              <a href={link.href} target="_blank" rel="noopener noreferrer">
                {link.label}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
