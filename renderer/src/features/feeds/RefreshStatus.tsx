import { stripInvisibleControls } from '@shared/domain/feeds/stripInvisibleControls';
import type { RefreshState, RefreshSummary } from './useRefreshProgress';

export interface RefreshStatusProps {
  state: RefreshState;
  /** Title of a feed, to say which one is refreshing on its own. */
  feedTitleOf: (feedId: string) => string;
  onCancel: () => void;
}

/**
 * "Refreshing 12 of 48…" with a progress bar and a way to stop while a refresh runs, then what
 * the run brought.
 */
export function RefreshStatus({ state, feedTitleOf, onCancel }: RefreshStatusProps) {
  const known = state.running && state.done !== null && state.total !== null;
  return (
    <div className="refresh-status">
      <p className="refresh-status-text" role="status">
        {state.running ? describeProgress(state, feedTitleOf) : describeLastRun(state.lastRun)}
      </p>
      {state.running ? (
        <div className="refresh-progress-line">
          {known ? (
            <progress
              className="refresh-progress"
              aria-label="Refresh progress"
              max={state.total ?? undefined}
              value={state.done ?? undefined}
            />
          ) : (
            <progress className="refresh-progress" aria-label="Refresh progress" />
          )}
          <button
            type="button"
            className="button button-quiet button-small"
            onClick={onCancel}
            disabled={state.cancelling}
          >
            {state.cancelling ? 'Stopping…' : 'Cancel refresh'}
          </button>
        </div>
      ) : null}
    </div>
  );
}

function describeProgress(
  state: Extract<RefreshState, { running: true }>,
  feedTitleOf: (feedId: string) => string,
): string {
  if (state.cancelling) return 'Stopping after the feeds already started…';
  if (state.done !== null && state.total !== null && state.total > 1) {
    return `Refreshing ${state.done} of ${state.total}…`;
  }
  const title = state.feedId !== null ? stripInvisibleControls(feedTitleOf(state.feedId)) : '';
  return title !== '' ? `Refreshing “${title}”…` : 'Refreshing…';
}

function describeLastRun(run: RefreshSummary | null): string {
  if (run === null) return '';
  if (run.feeds === 0) return run.cancelled ? 'Refresh cancelled' : 'No feeds to refresh';
  const parts: string[] = [];
  if (run.cancelled) parts.push('Refresh cancelled');
  parts.push(
    run.newItems === 0
      ? 'No new items'
      : `${run.newItems.toLocaleString()} new ${plural(run.newItems, 'item')}`,
  );
  if (run.failed > 0)
    parts.push(`${run.failed} ${plural(run.failed, 'feed')} could not be refreshed`);
  return parts.join(' · ');
}

function plural(count: number, noun: string): string {
  return count === 1 ? noun : `${noun}s`;
}
