import type { ItemSummary } from '@shared/contract';

/** "from 3 sources" when a paper arrived through more than one feed; null for a single source. */
export function sourcesPhrase(sourceCount: number): string | null {
  return sourceCount > 1 ? `from ${sourceCount.toLocaleString()} sources` : null;
}

/** "Discussed by 2 colleagues"; null when no colleague's post cites the paper. */
export function discussionPhrase(discussedBy: number): string | null {
  if (discussedBy <= 0) return null;
  return `Discussed by ${discussedBy.toLocaleString()} ${discussedBy === 1 ? 'colleague' : 'colleagues'}`;
}

/**
 * How far a paper has travelled, as phrases to follow the title in a sentence ("from 2 sources",
 * "discussed by 1 colleague"); empty for an item only one feed carries and nobody cites.
 */
export function describeItemReach(item: Pick<ItemSummary, 'sources' | 'discussedBy'>): string[] {
  const discussed = discussionPhrase(item.discussedBy);
  return [
    sourcesPhrase(item.sources.length),
    // Mid-sentence in an accessible name, so not capitalised as it is when shown on its own.
    discussed === null ? null : discussed.charAt(0).toLowerCase() + discussed.slice(1),
  ].filter((phrase) => phrase !== null);
}
