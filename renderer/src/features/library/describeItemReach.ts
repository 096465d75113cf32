/** "from 3 sources" when a paper arrived through more than one feed; null for a single source. */
export function sourcesPhrase(sourceCount: number): string | null {
  return sourceCount > 1 ? `from ${sourceCount.toLocaleString()} sources` : null;
}

/** "Discussed by 2 colleagues"; null when no colleague's post cites the paper. */
export function discussionPhrase(discussedBy: number): string | null {
  if (discussedBy <= 0) return null;
  return `Discussed by ${discussedBy.toLocaleString()} ${discussedBy === 1 ? 'colleague' : 'colleagues'}`;
}
