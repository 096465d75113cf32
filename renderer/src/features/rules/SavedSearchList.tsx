import type { Result, SavedSearch } from '@shared/contract';
import { useId, useMemo, useState } from 'react';
import { SourceButton } from '../feeds/SourceButton';
import { useSourcesPane } from '../feeds/SourcesPaneContext';
import { useGroupCounts, type CountedGroup } from '../feeds/useGroupCounts';
import { DeleteSavedSearchDialog } from './DeleteSavedSearchDialog';
import { RenameSavedSearchDialog } from './RenameSavedSearchDialog';

export interface SavedSearchListProps {
  searches: readonly SavedSearch[];
  /** The id of the selected saved search, or null. */
  selectedId: string | null;
  onSelect: (search: SavedSearch) => void;
  /** Renames a search; without it, its menu offers no rename. */
  onRename?: (id: string, name: string) => Promise<Result<SavedSearch, string>>;
  /** Forgets a search; without it, its menu offers no delete. */
  onRemove?: (id: string) => Promise<Result<{ id: string }, string>>;
}

type OpenDialog = { kind: 'rename' | 'delete'; search: SavedSearch } | null;

/**
 * The "Saved searches" group of the sources pane: each search works like a folder of its
 * matches, with how many there are beside it and a menu to mark them read, rename or delete it.
 */
export function SavedSearchList({
  searches,
  selectedId,
  onSelect,
  onRename,
  onRemove,
}: SavedSearchListProps) {
  const headingId = useId();
  const pane = useSourcesPane();
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const groups = useMemo(
    () =>
      searches.map((search): CountedGroup => ({
        key: search.id,
        scope: {
          query: search.query,
          filter: search.filter,
          ...(search.feedId === null ? {} : { feedId: search.feedId }),
        },
      })),
    [searches],
  );
  const counts = useGroupCounts(pane.library, groups, pane.changeKey);
  if (searches.length === 0) return null;

  const menuTrigger = (search: SavedSearch) =>
    pane.menus?.triggerProps(() => ({
      label: `Actions for the saved search ${search.name}`,
      actions: [
        {
          id: 'mark-all-read',
          label: 'Mark all as read',
          enabled: (counts.get(search.id) ?? 1) > 0,
          run: () => pane.onMarkAllRead({ kind: 'search', search }),
        },
        {
          id: 'rename',
          label: 'Rename…',
          enabled: onRename !== undefined,
          run: () => setDialog({ kind: 'rename', search }),
        },
        {
          id: 'delete',
          label: 'Delete…',
          separatorBefore: true,
          enabled: onRemove !== undefined,
          run: () => setDialog({ kind: 'delete', search }),
        },
      ],
    }));

  return (
    <>
      <h2 className="source-group-title" id={headingId}>
        Saved searches
      </h2>
      <ul className="source-list" aria-labelledby={headingId}>
        {searches.map((search) => {
          const count = counts.get(search.id);
          const matching = `matching “${search.query}”`;
          return (
            <li key={search.id}>
              <SourceButton
                label={search.name}
                count={count ?? 0}
                countDescription={
                  count === undefined
                    ? `Items ${matching}`
                    : `${count.toLocaleString()} ${count === 1 ? 'item' : 'items'} ${matching}`
                }
                selected={search.id === selectedId}
                buttonProps={menuTrigger(search)}
                onSelect={() => onSelect(search)}
              />
            </li>
          );
        })}
      </ul>
      {dialog?.kind === 'rename' && onRename ? (
        <RenameSavedSearchDialog
          search={dialog.search}
          onRename={(name) => onRename(dialog.search.id, name)}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog?.kind === 'delete' && onRemove ? (
        <DeleteSavedSearchDialog
          search={dialog.search}
          onDelete={() => onRemove(dialog.search.id)}
          onClose={() => setDialog(null)}
        />
      ) : null}
    </>
  );
}
