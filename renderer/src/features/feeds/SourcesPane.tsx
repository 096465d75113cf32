import type { FeedSummary, ItemFilter, LibraryCounts } from '@shared/contract';
import { useId, useMemo, type ReactNode } from 'react';
import { formatUpcomingTime } from '../../ui/formatDate';
import { SMART_VIEWS, viewTitle, type ItemSource } from '../library/ItemSource';
import { buildFolderTree } from './buildFolderTree';
import { FeedActions } from './FeedActions';
import { FeedFolderItem } from './FeedFolderItem';
import { RefreshStatus } from './RefreshStatus';
import { SourceButton } from './SourceButton';
import { useCollapsedFolders } from './useCollapsedFolders';
import type { RefreshState } from './useRefreshProgress';

export interface SourcesPaneProps {
  feeds: readonly FeedSummary[];
  feedsStatus: 'loading' | 'ready' | 'failed';
  feedsError: string | null;
  totals: LibraryCounts;
  selected: ItemSource;
  refresh: RefreshState;
  now: Date;
  /** Import and export of subscriptions, drawn under the main actions. */
  transfer: ReactNode;
  /** Saved searches, listed under the feeds like folders. */
  savedSearches?: ReactNode;
  onSelect: (source: ItemSource) => void;
  onAddFeed: () => void;
  onRefreshAll: () => void;
  onRefreshFeed: (feed: FeedSummary) => void;
  onCancelRefresh: () => void;
  onOpenSettings: (feed: FeedSummary) => void;
  onUnsubscribe: (feed: FeedSummary) => void;
  onRetry: () => void;
}

const VIEW_COUNT_WORDS: Record<ItemFilter, string> = {
  all: 'items',
  unread: 'unread',
  starred: 'starred',
};

/**
 * The left pane: smart views, subscriptions in their folders with counts and errors, refresh
 * progress, and the actions on feeds.
 */
export function SourcesPane({
  feeds,
  feedsStatus,
  feedsError,
  totals,
  selected,
  refresh,
  now,
  transfer,
  savedSearches = null,
  onSelect,
  onAddFeed,
  onRefreshAll,
  onRefreshFeed,
  onCancelRefresh,
  onOpenSettings,
  onUnsubscribe,
  onRetry,
}: SourcesPaneProps) {
  const feedsHeadingId = useId();
  const folders = useCollapsedFolders();
  // "My papers" (a source Rounds keeps itself) is listed on its own, above the subscriptions.
  const localSources = useMemo(() => feeds.filter((feed) => feed.kind === 'local'), [feeds]);
  const subscriptions = useMemo(() => feeds.filter((feed) => feed.kind !== 'local'), [feeds]);
  const tree = useMemo(() => buildFolderTree(subscriptions), [subscriptions]);
  const selectedFeed =
    selected.kind === 'feed' ? feeds.find((feed) => feed.id === selected.feedId) : undefined;
  const feedTitleOf = (feedId: string) => feeds.find((feed) => feed.id === feedId)?.title ?? '';

  const renderFeed = (feed: FeedSummary) => (
    <li key={feed.id}>
      <SourceButton
        label={feed.title}
        count={feed.unreadCount}
        countDescription={`${feed.unreadCount.toLocaleString()} unread`}
        selected={selected.kind === 'feed' && selected.feedId === feed.id}
        problem={feed.lastError?.message ?? null}
        retry={
          feed.consecutiveFailures > 0
            ? `Retrying ${formatUpcomingTime(feed.nextRefreshAt, now)}`
            : null
        }
        onSelect={() => onSelect({ kind: 'feed', feedId: feed.id })}
      />
    </li>
  );

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
        {localSources.length > 0 ? (
          <ul className="source-list" aria-label="Papers you added">
            {localSources.map((source) => (
              <li key={source.id}>
                <SourceButton
                  label={source.title}
                  icon="▤"
                  count={source.unreadCount}
                  countDescription={`${source.unreadCount.toLocaleString()} unread`}
                  selected={selected.kind === 'feed' && selected.feedId === source.id}
                  onSelect={() => onSelect({ kind: 'feed', feedId: source.id })}
                />
              </li>
            ))}
          </ul>
        ) : null}
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
        ) : subscriptions.length === 0 ? (
          <p className="sources-hint">{feedsStatus === 'loading' ? 'Loading…' : 'No feeds yet'}</p>
        ) : (
          <ul className="source-list" aria-labelledby={feedsHeadingId}>
            {tree.folders.map((folder) => (
              <FeedFolderItem
                key={folder.key}
                folder={folder}
                isCollapsed={folders.isCollapsed}
                onToggle={folders.toggle}
                renderFeed={renderFeed}
              />
            ))}
            {tree.feeds.map(renderFeed)}
          </ul>
        )}
        {savedSearches}
      </div>
      <RefreshStatus state={refresh} feedTitleOf={feedTitleOf} onCancel={onCancelRefresh} />
      {selectedFeed && selectedFeed.kind !== 'local' ? (
        <FeedActions
          feed={selectedFeed}
          refreshing={refresh.running}
          onRefresh={onRefreshFeed}
          onOpenSettings={onOpenSettings}
          onUnsubscribe={onUnsubscribe}
        />
      ) : null}
      <div className="sources-actions">
        <button type="button" className="button button-primary" onClick={onAddFeed}>
          Add feed
        </button>
        <button
          type="button"
          className="button"
          onClick={onRefreshAll}
          disabled={refresh.running || subscriptions.length === 0}
        >
          Refresh all
        </button>
        {transfer}
      </div>
    </nav>
  );
}
