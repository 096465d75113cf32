import type { FeedSummary } from '@shared/contract';

export interface FeedActionsProps {
  feed: FeedSummary;
  /** A refresh is running, so this feed cannot be refreshed on its own right now. */
  refreshing: boolean;
  onRefresh: (feed: FeedSummary) => void;
  onOpenSettings: (feed: FeedSummary) => void;
  onUnsubscribe: (feed: FeedSummary) => void;
}

/** What can be done to the selected feed: refresh it alone, change its settings, unsubscribe. */
export function FeedActions({
  feed,
  refreshing,
  onRefresh,
  onOpenSettings,
  onUnsubscribe,
}: FeedActionsProps) {
  return (
    <div className="feed-actions" role="group" aria-label={`Actions for ${feed.title}`}>
      <button
        type="button"
        className="button button-small"
        onClick={() => onRefresh(feed)}
        disabled={refreshing}
      >
        Refresh feed
      </button>
      <button type="button" className="button button-small" onClick={() => onOpenSettings(feed)}>
        Feed settings
      </button>
      <button
        type="button"
        className="button button-quiet button-small"
        onClick={() => onUnsubscribe(feed)}
      >
        Unsubscribe
      </button>
    </div>
  );
}
