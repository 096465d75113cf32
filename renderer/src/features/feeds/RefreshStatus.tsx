import type { RefreshState, RefreshSummary } from './useRefreshProgress';

export interface RefreshStatusProps {
  state: RefreshState;
}

/** "Refreshing 3 of 12…" with a progress bar while a refresh runs, then what it brought. */
export function RefreshStatus({ state }: RefreshStatusProps) {
  const known = state.running && state.done !== null && state.total !== null;
  return (
    <div className="refresh-status">
      <p className="refresh-status-text" role="status">
        {state.running
          ? known
            ? `Refreshing ${state.done} of ${state.total}…`
            : 'Refreshing…'
          : state.lastRun
            ? describeRun(state.lastRun)
            : ''}
      </p>
      {state.running ? (
        known ? (
          <progress
            className="refresh-progress"
            aria-label="Refresh progress"
            max={state.total ?? undefined}
            value={state.done ?? undefined}
          />
        ) : (
          <progress className="refresh-progress" aria-label="Refresh progress" />
        )
      ) : null}
    </div>
  );
}

function describeRun(run: RefreshSummary): string {
  if (run.feeds === 0) return 'No feeds to refresh';
  const parts: string[] = [];
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
