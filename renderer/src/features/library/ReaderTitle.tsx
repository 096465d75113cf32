import { useState } from 'react';
import { HighlightedText } from '../../ui/HighlightedText';

/**
 * Titles longer than this are clamped to a few lines at first: a feed that puts a whole abstract
 * in its title (it happens) would otherwise push the paper itself below the window.
 */
export const LONG_TITLE_CHARACTERS = 180;

/**
 * The reader's one `h1`: the item's title, clamped to four lines when it is very long, with a
 * button that shows it whole. Screen readers read the whole title either way.
 */
export function ReaderTitle({ title, highlight }: { title: string; highlight: readonly string[] }) {
  const [expanded, setExpanded] = useState(false);
  const long = title.length > LONG_TITLE_CHARACTERS;
  const clamped = long && !expanded;
  return (
    <>
      <h1
        className={clamped ? 'reader-title is-clamped' : 'reader-title'}
        title={clamped ? title : undefined}
      >
        <HighlightedText text={title} terms={highlight} />
      </h1>
      {long ? (
        <button
          type="button"
          className="button button-quiet button-small reader-title-toggle"
          aria-expanded={expanded}
          onClick={() => setExpanded(!expanded)}
        >
          {expanded ? 'Show less of the title' : 'Show the whole title'}
        </button>
      ) : null}
    </>
  );
}
