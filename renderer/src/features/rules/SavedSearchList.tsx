import type { SavedSearch } from '@shared/contract';
import { useId } from 'react';
import { SourceButton } from '../feeds/SourceButton';

export interface SavedSearchListProps {
  searches: readonly SavedSearch[];
  /** The id of the selected saved search, or null. */
  selectedId: string | null;
  onSelect: (search: SavedSearch) => void;
}

/** The "Saved searches" group of the sources pane: each search works like a folder of its matches. */
export function SavedSearchList({ searches, selectedId, onSelect }: SavedSearchListProps) {
  const headingId = useId();
  if (searches.length === 0) return null;
  return (
    <>
      <h2 className="source-group-title" id={headingId}>
        Saved searches
      </h2>
      <ul className="source-list" aria-labelledby={headingId}>
        {searches.map((search) => (
          <li key={search.id}>
            <SourceButton
              label={search.name}
              count={0}
              countDescription={`Items matching ${search.query}`}
              selected={search.id === selectedId}
              onSelect={() => onSelect(search)}
            />
          </li>
        ))}
      </ul>
    </>
  );
}
