import type { Result, SavedSearch } from '@shared/contract';
import { ConfirmDialog } from '../../ui/ConfirmDialog';

export interface DeleteSavedSearchDialogProps {
  search: SavedSearch;
  onDelete: () => Promise<Result<{ id: string }, string>>;
  onClose: () => void;
}

/** Confirms forgetting a saved search; its items stay. Cancel has the focus, as the safe choice. */
export function DeleteSavedSearchDialog({
  search,
  onDelete,
  onClose,
}: DeleteSavedSearchDialogProps) {
  return (
    <ConfirmDialog
      title={`Delete the saved search “${search.name}”?`}
      explanation="Only the search is forgotten: the items it found stay in your library, with their read and starred state."
      confirmLabel="Delete search"
      workingLabel="Deleting…"
      onConfirm={onDelete}
      onConfirmed={onClose}
      onClose={onClose}
    />
  );
}
