import type { FeedSummary, ItemFilter } from '@shared/contract';
import { useId, type ReactNode } from 'react';
import { EmptyState } from '../../ui/EmptyState';
import { formatRelativeDate, formatUpcomingTime } from '../../ui/formatDate';
import type { FlaggedItem, ItemFlags } from './ItemFlagStore';
import { ItemList } from './ItemList';
import type { ItemSource } from './ItemSource';
import type { ItemList as ItemListData } from './useItems';
import { FeedText } from '../../ui/FeedText';
import { SearchIndexProgress } from './SearchIndexProgress';
import { useAskAgainWhileProvisional } from './useAskAgainWhileProvisional';

export interface ItemsPaneProps {
  title: string;
  source: ItemSource;
  /** The selected feed, when the source is one, for its last refresh error. */
  feed: FeedSummary | undefined;
  items: ItemListData;
  selectedId: string | null;
  selectedIndex: number;
  flagsOf: (item: FlaggedItem) => ItemFlags;
  feedTitleOf: (feedId: string) => string;
  now: Date;
  /** Shown instead of the list when there are no feeds at all. */
  noFeeds: ReactNode | null;
  /** The search field and its actions, drawn under the header. */
  search?: ReactNode;
  /** True while the list is narrowed by a typed search. */
  searching?: boolean;
  /** True while the list shows only unread items (the "Unread only" toggle). */
  unreadOnly?: boolean;
  /** Controls drawn before the pane's title (showing the sources) and after its count. */
  leading?: ReactNode;
  trailing?: ReactNode;
  onSelect: (index: number) => void;
  onOpen: (index: number) => void;
  /** Opens the mute rules, from the note saying how many items they hide here. */
  onShowMuteRules?: () => void;
}

const NOTHING_IN_VIEW: Record<ItemFilter, { title: string; text: string }> = {
  all: { title: 'No items yet', text: 'Refresh to fetch the latest items from your feeds.' },
  unread: { title: 'All caught up', text: 'There are no unread items.' },
  starred: { title: 'Nothing starred', text: 'Star an item to keep it here for journal club.' },
};

/** The middle pane: the selected source's name and count, and its items newest first. */
export function ItemsPane({
  title,
  source,
  feed,
  items,
  selectedId,
  selectedIndex,
  flagsOf,
  feedTitleOf,
  now,
  noFeeds,
  search = null,
  searching = false,
  unreadOnly = false,
  leading = null,
  trailing = null,
  onSelect,
  onOpen,
  onShowMuteRules,
}: ItemsPaneProps) {
  const headingId = useId();
  const total = items.total;
  const searchIndex = items.search?.index;
  const rankedOnly = items.search?.rankedOnly ?? null;
  const newestFirst = items.search?.order === 'newest';
  const hiddenByMute = items.hiddenByMute ?? 0;
  useAskAgainWhileProvisional(items.search?.provisional === true, items.reload);

  let body: ReactNode;
  if (noFeeds !== null) {
    body = noFeeds;
  } else if (total === null) {
    body = items.error ? (
      <div className="pane-problem" role="alert">
        <p>The items could not be loaded. {items.error}</p>
        <button type="button" className="button" onClick={() => void items.reload()}>
          Try again
        </button>
      </div>
    ) : (
      <p className="pane-loading">Loading items…</p>
    );
  } else if (searchIndex !== undefined && searchIndex.state !== 'ready') {
    body = <SearchIndexProgress index={searchIndex} onAskAgain={() => void items.reload()} />;
  } else if (total === 0) {
    const empty = searching
      ? { title: 'No matching items', text: 'No item mentions every word you searched for.' }
      : unreadOnly
        ? NOTHING_IN_VIEW.unread
        : source.kind === 'feed'
          ? { title: 'No items in this feed', text: 'New items appear here after a refresh.' }
          : source.kind === 'search'
            ? { title: 'No matching items', text: 'New matches appear here after a refresh.' }
            : source.kind === 'folder' || source.kind === 'tag'
              ? { title: 'No items here', text: 'Items of its feeds appear here after a refresh.' }
              : source.kind === 'annotated'
                ? {
                    title: 'Nothing annotated yet',
                    text: 'Papers you highlight, write a note on or tag appear here.',
                  }
                : NOTHING_IN_VIEW[source.view];
    body = (
      <EmptyState title={empty.title} level={3}>
        <p>{empty.text}</p>
      </EmptyState>
    );
  } else {
    body = (
      <ItemList
        items={items}
        total={total}
        labelledBy={headingId}
        selectedId={selectedId}
        selectedIndex={selectedIndex}
        flagsOf={flagsOf}
        feedTitleOf={feedTitleOf}
        now={now}
        onSelect={onSelect}
        onOpen={onOpen}
      />
    );
  }

  return (
    <section className="pane items-pane" aria-label="Items">
      {noFeeds !== null && leading !== null ? (
        <div className="pane-header items-header">{leading}</div>
      ) : null}
      {noFeeds === null ? (
        <div className="pane-header items-header">
          {leading}
          <h2 id={headingId} className="pane-title">
            <FeedText text={title} />
          </h2>
          {total !== null ? (
            <span className="pane-subtitle">
              {total === 1 ? '1 item' : `${total.toLocaleString()} items`}
            </span>
          ) : null}
          {trailing}
        </div>
      ) : null}
      {noFeeds === null ? search : null}
      {feed?.lastError ? (
        <p className="feed-problem">
          Last refresh failed {formatRelativeDate(feed.lastError.at, now)}: {feed.lastError.message}
          {feed.consecutiveFailures > 0
            ? ` Retrying ${formatUpcomingTime(feed.nextRefreshAt, now)}.`
            : null}
        </p>
      ) : null}
      {hiddenByMute > 0 && total !== null ? (
        <p className="list-muted-note">
          {hiddenByMute.toLocaleString()} hidden by mute rules.{' '}
          {onShowMuteRules ? (
            <button type="button" className="link-button" onClick={onShowMuteRules}>
              Mute rules…
            </button>
          ) : null}
        </p>
      ) : null}
      {rankedOnly !== null && total !== null && total > 0 ? (
        <p className="search-ranked-only">
          {newestFirst
            ? `This search matches too many papers to rank: showing the ${rankedOnly.toLocaleString()} newest, those matching in the title, authors or identifiers first.`
            : `Showing the ${rankedOnly.toLocaleString()} best matches.`}{' '}
          Add words or filters to narrow the search.
        </p>
      ) : null}
      {body}
    </section>
  );
}
