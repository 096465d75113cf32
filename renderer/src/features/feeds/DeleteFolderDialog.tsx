import type { FolderChange, Result } from '@shared/contract';
import { stripInvisibleControls } from '@shared/domain/feeds/stripInvisibleControls';
import { useId, useState } from 'react';
import { FormFailure } from '../../ui/FormFailure';
import { ModalDialog } from '../../ui/ModalDialog';
import { useIsMounted } from '../../ui/useIsMounted';
import { formatFolderPath } from './feedSettingsDraft';

export interface DeleteFolderDialogProps {
  folder: readonly string[];
  /** Feeds in it and in the folders inside it. */
  feedCount: number;
  onDelete: () => Promise<Result<FolderChange, string>>;
  onDeleted: (change: FolderChange) => void;
  onClose: () => void;
}

/**
 * Confirms deleting a folder, saying where its feeds go and that nothing is unsubscribed; Cancel
 * has the focus, as the safe choice.
 */
export function DeleteFolderDialog({
  folder,
  feedCount,
  onDelete,
  onDeleted,
  onClose,
}: DeleteFolderDialogProps) {
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
    if (result.ok) onDeleted(result.value);
    else setFailure(result.message);
  };

  const name = stripInvisibleControls(folder[folder.length - 1] ?? '');
  const parent = folder.slice(0, -1);
  const destination =
    parent.length === 0 ? 'the top level' : `“${stripInvisibleControls(formatFolderPath(parent))}”`;
  const feeds = feedCount === 1 ? 'Its feed moves' : `Its ${feedCount.toLocaleString()} feeds move`;
  return (
    <ModalDialog
      role="alertdialog"
      title={`Delete the folder “${name}”?`}
      describedBy={explanationId}
      onClose={onClose}
    >
      <p id={explanationId} className="dialog-text">
        {feeds} to {destination}, with any folders inside it. Nothing is unsubscribed and no item is
        removed.
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
          {working ? 'Deleting…' : 'Delete folder'}
        </button>
      </div>
    </ModalDialog>
  );
}
