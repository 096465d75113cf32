import type { ItemSource as PaperSource } from '@shared/contract';
import { sourcesPhrase } from './describeItemReach';
import { isDisplayableHref } from './isDisplayableHref';
import { FeedText } from '../../ui/FeedText';

export interface ItemSourceListProps {
  sources: readonly PaperSource[];
}

/**
 * Every feed that brought this paper, each linking to its own copy when it has one. Nothing for
 * a single source: the byline already names that feed.
 */
export function ItemSourceList({ sources }: ItemSourceListProps) {
  const phrase = sourcesPhrase(sources.length);
  if (phrase === null) return null;
  return (
    <section className="reader-sources" aria-label="Sources of this paper">
      <h2 className="reader-section-title">{phrase.replace(/^f/, 'F')}</h2>
      <ul className="reader-source-list">
        {sources.map((source) => (
          <li key={source.itemId}>
            {source.link !== null && isDisplayableHref(source.link) ? (
              <a href={source.link} target="_blank" rel="noopener noreferrer">
                <FeedText text={source.feedTitle} />
              </a>
            ) : (
              <FeedText text={source.feedTitle} />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
