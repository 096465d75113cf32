import type { SavedSearch } from '@shared/contract';
import { useEffect } from 'react';
import type { ItemSource } from '../library/ItemSource';

/**
 * Keeps a saved search shown in the list in step with the saved searches: renamed, the list
 * takes its new name; deleted, the list goes back to All items.
 */
export function useSourceFollowsSavedSearches(
  source: ItemSource,
  searches: readonly SavedSearch[],
  onChange: (next: ItemSource) => void,
): void {
  const shown = source.kind === 'search' ? source.search : null;
  const current = shown && searches.find((search) => search.id === shown.id);
  const gone = shown !== null && current === undefined;
  const renamed =
    shown !== null && current !== undefined && current !== null && current.name !== shown.name;
  useEffect(() => {
    if (gone) onChange({ kind: 'view', view: 'all' });
    else if (renamed && current) onChange({ kind: 'search', search: current });
  }, [gone, renamed, current, onChange]);
}
