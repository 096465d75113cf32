import { useId } from 'react';
import { isDisplayableHref } from './isDisplayableHref';
import { sourcesPhrase } from './describeItemReach';

/** One feed a paper arrived through, with the item's address in that feed. */
export interface ItemSourceView {
  feedTitle: string;
  link: string | null;
}

export interface ItemSourceListProps {
  sources: readonly ItemSourceView[];
}

/** Every feed that brought this paper, each linking to its own copy when it has one. */
export function ItemSourceList({ sources }: ItemSourceListProps) {
  const headingId = useId();
  const phrase = sourcesPhrase(sources.length);
  if (phrase === null) return null;
  return (
    <section className="reader-sources" aria-labelledby={headingId}>
      <h2 id={headingId} className="reader-section-title">
        {phrase.replace(/^f/, 'F')}
      </h2>
      <ul className="reader-source-list">
        {sources.map((source, index) => (
          <li key={`${source.feedTitle}-${index}`}>
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
