import { MAX_FOLDER_NAME_LENGTH, type FolderChange, type Result } from '@shared/contract';
import { stripInvisibleControls } from '@shared/domain/feeds/stripInvisibleControls';
import { useId, useState, type FormEvent } from 'react';
import { DialogActions } from '../../ui/DialogActions';
import { FormFailure } from '../../ui/FormFailure';
import { ModalDialog } from '../../ui/ModalDialog';
import { TextField } from '../../ui/TextField';
import { useIsMounted } from '../../ui/useIsMounted';
import { formatFolderPath } from './feedSettingsDraft';

export interface RenameFolderDialogProps {
  /** The folder's path, outermost first. */
  folder: readonly string[];
  /** Renames it; `merge` joins a folder beside it that already has the name. */
  onRename: (name: string, merge: boolean) => Promise<Result<FolderChange, string>>;
  onRenamed: (change: FolderChange) => void;
  onClose: () => void;
}

/** Why a typed folder name cannot be used, or null when it can. */
export function folderNameProblem(name: string): string | null {
  const trimmed = name.trim();
  if (trimmed === '') return 'Give the folder a name.';
  if (trimmed.includes('/')) return 'A folder name cannot contain “/”, which separates folders.';
  if (trimmed.length > MAX_FOLDER_NAME_LENGTH) {
    return `A folder name can be at most ${MAX_FOLDER_NAME_LENGTH} characters.`;
  }
  return null;
}

/**
 * Renames a folder and everything in it. A name another folder beside it already has is not
 * merged silently: the dialog says so and offers to merge the two.
 */
export function RenameFolderDialog({
  folder,
  onRename,
  onRenamed,
  onClose,
}: RenameFolderDialogProps) {
  const current = folder[folder.length - 1] ?? '';
  const [name, setName] = useState(current);
  const [working, setWorking] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [clash, setClash] = useState<string | null>(null);
  const nameId = useId();
  const failureId = useId();
  const isMounted = useIsMounted();

  const rename = async (merge: boolean) => {
    const problem = folderNameProblem(name);
    if (problem !== null) {
      setFailure(problem);
      return;
    }
    if (name.trim() === current) {
      onClose();
      return;
    }
    setWorking(true);
    setFailure(null);
    const result = await onRename(name.trim(), merge);
    if (!isMounted()) return;
    setWorking(false);
    if (result.ok) {
      onRenamed(result.value);
      return;
    }
    setFailure(result.message);
    setClash(result.code === 'duplicate' ? name.trim() : null);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!working) void rename(false);
  };

  return (
    <ModalDialog title="Rename folder" onClose={onClose}>
      <form className="dialog-form" onSubmit={submit} noValidate>
        <p className="dialog-text">
          “{stripInvisibleControls(formatFolderPath(folder))}” and everything in it.
        </p>
        <TextField
          id={nameId}
          label="Folder name"
          value={name}
          autoComplete="off"
          onChange={(event) => {
            setName(event.target.value);
            setFailure(null);
            setClash(null);
          }}
          aria-invalid={failure !== null ? true : undefined}
          aria-describedby={failure !== null ? failureId : undefined}
          data-autofocus
        />
        <FormFailure id={failureId} message={failure} />
        {clash !== null && clash === name.trim() ? (
          <button
            type="button"
            className="button"
            disabled={working}
            onClick={() => void rename(true)}
          >
            Merge the two folders
          </button>
        ) : null}
        <DialogActions
          onCancel={onClose}
          submit={{ label: 'Rename', busyLabel: 'Renaming…', busy: working }}
        />
      </form>
    </ModalDialog>
  );
}
