import type { FeedSummary, ItemFilter } from '@shared/contract';
import { useId } from 'react';
import { SMART_VIEWS, viewTitle, type ItemSource } from '../library/ItemSource';
import { RefreshStatus } from './RefreshStatus';
import { SourceButton } from './SourceButton';
import type { LibraryTotals } from './useFeeds';
import type { RefreshState } from './useRefreshProgress';

export interface SourcesPaneProps {
  feeds: readonly FeedSummary[];
  feedsStatus: 'loading' | 'ready' | 'failed';
  feedsError: string | null;
  totals: LibraryTotals;
  selected: ItemSource;
  refresh: RefreshState;
  onSelect: (source: ItemSource) => void;
  onAddFeed: () => void;
  onRefreshAll: () => void;
  onUnsubscribe: (feed: FeedSummary) => void;
  onRetry: () => void;
}

const VIEW_COUNT_WORDS: Record<ItemFilter, string> = {
  all: 'items',
  unread: 'unread',
  starred: 'starred',
};

/** The left pane: smart views, subscriptions with their counts and errors, and feed actions. */
export function SourcesPane({
  feeds,
  feedsStatus,
  feedsError,
  totals,
  selected,
  refresh,
  onSelect,
  onAddFeed,
  onRefreshAll,
  onUnsubscribe,
  onRetry,
}: SourcesPaneProps) {
  const feedsHeadingId = useId();
  const selectedFeed =
    selected.kind === 'feed' ? feeds.find((feed) => feed.id === selected.feedId) : undefined;

  return (
    <nav className="pane sources-pane" aria-label="Sources">
      <div className="pane-header sources-header">
        <span className="app-name">Rounds</span>
      </div>
      <div className="sources-scroll">
        <ul className="source-list">
          {SMART_VIEWS.map((view) => (
            <li key={view}>
              <SourceButton
                label={viewTitle(view)}
                count={totals[view]}
                countDescription={`${totals[view].toLocaleString()} ${VIEW_COUNT_WORDS[view]}`}
                selected={selected.kind === 'view' && selected.view === view}
                onSelect={() => onSelect({ kind: 'view', view })}
              />
            </li>
          ))}
        </ul>
        <h2 className="source-group-title" id={feedsHeadingId}>
          Feeds
        </h2>
        {feedsStatus === 'failed' ? (
          <div className="sources-problem">
            <p>{feedsError ?? 'Your feeds could not be loaded.'}</p>
            <button type="button" className="button" onClick={onRetry}>
              Try again
            </button>
          </div>
        ) : feeds.length === 0 ? (
          <p className="sources-hint">{feedsStatus === 'loading' ? 'Loading…' : 'No feeds yet'}</p>
        ) : (
          <ul className="source-list" aria-labelledby={feedsHeadingId}>
            {feeds.map((feed) => (
              <li key={feed.id}>
                <SourceButton
                  label={feed.title}
                  count={feed.unreadCount}
                  countDescription={`${feed.unreadCount.toLocaleString()} unread`}
                  selected={selected.kind === 'feed' && selected.feedId === feed.id}
                  problem={feed.lastError?.message ?? null}
                  onSelect={() => onSelect({ kind: 'feed', feedId: feed.id })}
                />
              </li>
            ))}
          </ul>
        )}
      </div>
      <RefreshStatus state={refresh} />
      <div className="sources-actions">
        <button type="button" className="button button-primary" onClick={onAddFeed}>
          Add feed
        </button>
        <button
          type="button"
          className="button"
          onClick={onRefreshAll}
          disabled={refresh.running || feeds.length === 0}
        >
          Refresh all
        </button>
        {selectedFeed ? (
          <button
            type="button"
            className="button button-quiet"
            onClick={() => onUnsubscribe(selectedFeed)}
          >
            Unsubscribe
          </button>
        ) : null}
      </div>
    </nav>
  );
}
