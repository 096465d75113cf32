import type { Result, SavedSearch } from '@shared/contract';
import { useId, useState, type FormEvent } from 'react';
import { DialogActions } from '../../ui/DialogActions';
import { FormFailure } from '../../ui/FormFailure';
import { ModalDialog } from '../../ui/ModalDialog';
import { TextField } from '../../ui/TextField';
import { useIsMounted } from '../../ui/useIsMounted';

/** Longest saved search name, as the contract takes it. */
const MAX_NAME_LENGTH = 120;

export interface RenameSavedSearchDialogProps {
  search: SavedSearch;
  onRename: (name: string) => Promise<Result<SavedSearch, string>>;
  onClose: () => void;
}

/** Renames a saved search; what it looks for stays as it was. */
export function RenameSavedSearchDialog({
  search,
  onRename,
  onClose,
}: RenameSavedSearchDialogProps) {
  const [name, setName] = useState(search.name);
  const [working, setWorking] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const nameId = useId();
  const failureId = useId();
  const isMounted = useIsMounted();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (working) return;
    const trimmed = name.trim();
    if (trimmed === '') {
      setFailure('Give the search a name.');
      return;
    }
    if (trimmed.length > MAX_NAME_LENGTH) {
      setFailure(`A search name can be at most ${MAX_NAME_LENGTH} characters.`);
      return;
    }
    if (trimmed === search.name) {
      onClose();
      return;
    }
    setWorking(true);
    setFailure(null);
    const result = await onRename(trimmed);
    if (!isMounted()) return;
    setWorking(false);
    if (result.ok) onClose();
    else setFailure(result.message);
  };

  return (
    <ModalDialog title="Rename saved search" onClose={onClose}>
      <form className="dialog-form" onSubmit={(event) => void submit(event)} noValidate>
        <p className="dialog-text">Items matching “{search.query}”.</p>
        <TextField
          id={nameId}
          label="Name"
          value={name}
          autoComplete="off"
          onChange={(event) => {
            setName(event.target.value);
            setFailure(null);
          }}
          aria-invalid={failure !== null ? true : undefined}
          aria-describedby={failure !== null ? failureId : undefined}
          data-autofocus
        />
        <FormFailure id={failureId} message={failure} />
        <DialogActions
          onCancel={onClose}
          submit={{ label: 'Rename', busyLabel: 'Renaming…', busy: working }}
        />
      </form>
    </ModalDialog>
  );
}
