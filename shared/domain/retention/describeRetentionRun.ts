import type { RetentionRun } from '@shared/contract';

const COUNT = new Intl.NumberFormat('en-US');
const ALWAYS_KEPT = 'starred, annotated, imported and discussed papers';

function counted(count: number, one: string, many: string): string {
  return `${COUNT.format(count)} ${count === 1 ? one : many}`;
}

/**
 * A run of the retention policy told in one sentence, for the window's message and the settings
 * dialog ("Removed 1,240 read items older than 90 days from 12 feeds; starred, annotated, imported
 * and discussed papers were kept."). `off` says no rule applied at all.
 */
export function describeRetentionRun(
  run: Pick<RetentionRun, 'olderThanDays' | 'removed' | 'feeds' | 'kept'> & { off?: boolean },
): string {
  if (run.off) return 'Nothing was removed: retention is off, so Rounds keeps every item.';
  const age =
    run.olderThanDays === null
      ? 'older than their feeds’ own limits'
      : `older than ${counted(run.olderThanDays, 'day', 'days')}`;
  if (run.removed === 0) return `Nothing to remove: no read items ${age} outside ${ALWAYS_KEPT}.`;
  return (
    `Removed ${counted(run.removed, 'read item', 'read items')} ${age} ` +
    `from ${counted(run.feeds, 'feed', 'feeds')}; ${ALWAYS_KEPT} were kept.`
  );
}
