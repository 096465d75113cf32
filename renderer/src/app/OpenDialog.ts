import type { FeedSummary } from '@shared/contract';

/** The one dialog the window shows at a time, with what it was opened for; null when none. */
export type OpenDialog =
  | { kind: 'add-feed' }
  | { kind: 'unsubscribe'; feed: FeedSummary }
  | { kind: 'feed-settings'; feed: FeedSummary }
  | { kind: 'mute-rules' }
  | { kind: 'save-search' }
  | { kind: 'shortcuts' }
  | null;
