import type { ItemSummary } from '@shared/contract';
import { stripInvisibleControls } from '@shared/domain/feeds/stripInvisibleControls';
import type { CSSProperties } from 'react';
import { formatFullDate, formatRelativeDate } from '../../ui/formatDate';
import { describeItemReach, discussionPhrase, sourcesPhrase } from './describeItemReach';
import type { ItemFlags } from './ItemFlagStore';
import { FeedText } from '../../ui/FeedText';
import { HighlightedText } from '../../ui/HighlightedText';
import { useSearchHighlight } from './SearchHighlight';

export interface ItemRowProps {
  id: string;
  item: ItemSummary;
  flags: ItemFlags;
  feedTitle: string;
  index: number;
  total: number;
  selected: boolean;
  now: Date;
  style: CSSProperties;
  onSelect: (index: number) => void;
  onOpen: (index: number) => void;
}

/**
 * One item in the list. Its accessible name is spelled out rather than left to the layout, in
 * the order the row shows its parts: the title first (journeys and screen-reader users find a row
 * by how it starts), then the feed, how far the paper has travelled and the date, then "unread"
 * and "starred", which the dot and the star only show.
 */
export function ItemRow({
  id,
  item,
  flags,
  feedTitle,
  index,
  total,
  selected,
  now,
  style,
  onSelect,
  onOpen,
}: ItemRowProps) {
  const highlight = useSearchHighlight();
  const date = formatRelativeDate(item.publishedAt, now);
  const name = [
    stripInvisibleControls(item.title),
    stripInvisibleControls(feedTitle),
    ...describeItemReach(item),
    date,
    flags.read ? '' : 'unread',
    flags.starred ? 'starred' : '',
  ]
    .filter((part) => part !== '')
    .join(', ');
  const sources = sourcesPhrase(item.sources.length);
  const discussed = discussionPhrase(item.discussedBy);
  const classes = ['item-row'];
  if (selected) classes.push('is-selected');
  if (!flags.read) classes.push('is-unread');
  return (
    <div
      id={id}
      role="option"
      aria-label={name}
      aria-selected={selected}
      aria-posinset={index + 1}
      aria-setsize={total}
      className={classes.join(' ')}
      style={style}
      onClick={() => onSelect(index)}
      onDoubleClick={() => onOpen(index)}
    >
      {/* The spaces between the parts are not drawn (grid and flex items) but keep the row's
          text readable as words, which its accessible name must contain (WCAG 2.5.3). */}
      {/* Titles and feed names are cut short to fit the row; tooltips show them whole. */}
      <span className="item-row-title" title={item.title}>
        <HighlightedText text={item.title} terms={highlight} />
      </span>{' '}
      <span className="item-row-meta">
        <span className="item-row-feed" title={feedTitle}>
          <FeedText text={feedTitle} />
        </span>{' '}
        {sources !== null ? <span className="item-row-reach">{sources} </span> : null}
        {discussed !== null ? (
          <span className="item-row-reach item-row-discussed">{discussed} </span>
        ) : null}
        <time
          className="item-row-date"
          dateTime={item.publishedAt ?? undefined}
          title={item.publishedAt ? formatFullDate(item.publishedAt) : undefined}
        >
          {date}
        </time>
      </span>
      <span className="item-row-unread" />
      <span className="item-row-star">{flags.starred ? '★' : null}</span>
    </div>
  );
}
