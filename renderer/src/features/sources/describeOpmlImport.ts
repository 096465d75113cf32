import type { OpmlImportSummary } from '@shared/contract';

/** "Added 18 feeds · 2 already subscribed · 1 skipped", leaving out the parts that are zero. */
export function describeOpmlImport(summary: OpmlImportSummary): string {
  const skipped = summary.skipped.length;
  if (summary.added === 0 && summary.alreadySubscribed === 0 && skipped === 0) {
    return 'That file lists no feeds to import';
  }
  const parts = [`Added ${summary.added} ${summary.added === 1 ? 'feed' : 'feeds'}`];
  if (summary.alreadySubscribed > 0) parts.push(`${summary.alreadySubscribed} already subscribed`);
  if (skipped > 0) parts.push(`${skipped} skipped`);
  return parts.join(' · ');
}
