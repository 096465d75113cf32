import type { Result, SavedSearch } from '@shared/contract';
import { useId, useState, type FormEvent } from 'react';
import { DialogActions } from '../../ui/DialogActions';
import { FormFailure } from '../../ui/FormFailure';
import { ModalDialog } from '../../ui/ModalDialog';
import { TextField } from '../../ui/TextField';
import { useIsMounted } from '../../ui/useIsMounted';

export interface SaveSearchDialogProps {
  /** The search being kept, shown so the user knows what the name will stand for. */
  query: string;
  onSave: (name: string) => Promise<Result<SavedSearch, string>>;
  onSaved: (search: SavedSearch) => void;
  onClose: () => void;
}

/** Names the current search so the sources pane can list it as a folder of its own. */
export function SaveSearchDialog({ query, onSave, onSaved, onClose }: SaveSearchDialogProps) {
  const [name, setName] = useState(query.trim());
  const [working, setWorking] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const nameId = useId();
  const isMounted = useIsMounted();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (name.trim().length === 0) {
      setFailure('Give the search a name.');
      return;
    }
    setWorking(true);
    setFailure(null);
    const result = await onSave(name.trim());
    if (!isMounted()) return;
    setWorking(false);
    if (result.ok) onSaved(result.value);
    else setFailure(result.message);
  };

  return (
    <ModalDialog title="Save search" onClose={onClose}>
      <form className="dialog-form" onSubmit={(event) => void submit(event)} noValidate>
        <p className="dialog-text">Items matching “{query.trim()}”.</p>
        <TextField
          id={nameId}
          label="Name"
          value={name}
          maxLength={120}
          onChange={(event) => setName(event.target.value)}
          data-autofocus
        />
        <FormFailure message={failure} />
        <DialogActions
          onCancel={onClose}
          submit={{ label: 'Save', busyLabel: 'Saving…', busy: working }}
        />
      </form>
    </ModalDialog>
  );
}
