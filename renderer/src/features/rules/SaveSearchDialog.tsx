import type { Result, SavedSearch } from '@shared/contract';
import { useId, useState, type FormEvent } from 'react';
import { ModalDialog } from '../../ui/ModalDialog';
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
        <label className="field-label" htmlFor={nameId}>
          Name
        </label>
        <input
          id={nameId}
          className="text-field"
          value={name}
          maxLength={120}
          onChange={(event) => setName(event.target.value)}
          data-autofocus
        />
        {failure !== null ? (
          <p className="field-error" role="alert">
            {failure}
          </p>
        ) : null}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={working}>
            {working ? 'Saving…' : 'Save'}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
