import { stripInvisibleControls } from '@shared/domain/feeds/stripInvisibleControls';
import { highlightRanges } from '@shared/domain/library/highlightRanges';
import type { ReactNode } from 'react';

export interface HighlightedTextProps {
  /** A title, author, journal or feed name as a feed gave it. */
  text: string;
  /** Folded words and phrases a search matched (ItemSearchInfo.highlight). */
  terms: readonly string[];
}

/**
 * Feed text shown as FeedText shows it (invisible controls removed, isolated with <bdi>), with
 * the words a search matched in <mark>: built as elements, never as HTML.
 */
export function HighlightedText({ text, terms }: HighlightedTextProps) {
  const clean = stripInvisibleControls(text);
  const parts: ReactNode[] = [];
  let at = 0;
  for (const { start, end } of highlightRanges(clean, terms)) {
    if (start > at) parts.push(clean.slice(at, start));
    parts.push(
      <mark key={start} className="search-hit">
        {clean.slice(start, end)}
      </mark>,
    );
    at = end;
  }
  if (at < clean.length) parts.push(clean.slice(at));
  return <bdi>{parts}</bdi>;
}
