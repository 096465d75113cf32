import type { ItemSource as PaperSource } from '@shared/contract';
import { sourcesPhrase } from './describeItemReach';
import { isDisplayableHref } from './isDisplayableHref';

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
                {source.feedTitle}
              </a>
            ) : (
              source.feedTitle
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
