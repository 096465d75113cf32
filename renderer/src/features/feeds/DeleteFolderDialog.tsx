import type { FolderChange, Result } from '@shared/contract';
import { stripInvisibleControls } from '@shared/domain/feeds/stripInvisibleControls';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
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
  const name = stripInvisibleControls(folder[folder.length - 1] ?? '');
  const parent = folder.slice(0, -1);
  const destination =
    parent.length === 0 ? 'the top level' : `“${stripInvisibleControls(formatFolderPath(parent))}”`;
  const feeds = feedCount === 1 ? 'Its feed moves' : `Its ${feedCount.toLocaleString()} feeds move`;
  return (
    <ConfirmDialog
      title={`Delete the folder “${name}”?`}
      explanation={`${feeds} to ${destination}, with any folders inside it. Nothing is unsubscribed and no item is removed.`}
      confirmLabel="Delete folder"
      workingLabel="Deleting…"
      onConfirm={onDelete}
      onConfirmed={onDeleted}
      onClose={onClose}
    />
  );
}
