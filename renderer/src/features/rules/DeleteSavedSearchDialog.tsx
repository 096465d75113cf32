import type { Result, SavedSearch } from '@shared/contract';
import { useId, useState } from 'react';
import { FormFailure } from '../../ui/FormFailure';
import { ModalDialog } from '../../ui/ModalDialog';
import { useIsMounted } from '../../ui/useIsMounted';

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
  const [working, setWorking] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const explanationId = useId();
  const isMounted = useIsMounted();

  const confirm = async () => {
    setWorking(true);
    setFailure(null);
    const result = await onDelete();
    if (!isMounted()) return;
    setWorking(false);
    if (result.ok) onClose();
    else setFailure(result.message);
  };

  return (
    <ModalDialog
      role="alertdialog"
      title={`Delete the saved search “${search.name}”?`}
      describedBy={explanationId}
      onClose={onClose}
    >
      <p id={explanationId} className="dialog-text">
        Only the search is forgotten: the items it found stay in your library, with their read and
        starred state.
      </p>
      <FormFailure message={failure} />
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose} data-autofocus>
          Cancel
        </button>
        <button
          type="button"
          className="button button-danger"
          onClick={() => void confirm()}
          disabled={working}
        >
          {working ? 'Deleting…' : 'Delete search'}
        </button>
      </div>
    </ModalDialog>
  );
}
