import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { FormFailure } from '../../ui/FormFailure';
import { noteLinkAddress } from './noteLinkAddress';

export interface NoteLinkFormProps {
  /** The address of the link being edited, or empty for a new link. */
  initialAddress: string;
  onApply: (address: string) => void;
  /** Offered only when the selection already is a link. */
  onRemove: (() => void) | null;
  onClose: () => void;
}

const REFUSED_LINK =
  'Only web links (http:// or https://) and mail links (mailto:) can be added to a note.';

/** Asks for a link's address under the toolbar, refusing any the app would not open. */
export function NoteLinkForm({ initialAddress, onApply, onRemove, onClose }: NoteLinkFormProps) {
  const [typed, setTyped] = useState(initialAddress);
  const [failure, setFailure] = useState<string | null>(null);
  const fieldId = useId();
  const failureId = useId();

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const address = noteLinkAddress(typed);
    if (address === null) setFailure(REFUSED_LINK);
    else onApply(address);
  };

  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    }
  };

  return (
    <form className="note-link-form" onSubmit={apply} onKeyDown={closeOnEscape}>
      <label className="note-link-label" htmlFor={fieldId}>
        Link address
      </label>
      <input
        id={fieldId}
        className="text-field note-link-field"
        type="text"
        inputMode="url"
        value={typed}
        placeholder="https://…"
        aria-invalid={failure !== null}
        aria-describedby={failure === null ? undefined : failureId}
        // The form opens because the user asked for it: typing goes straight into it.
        autoFocus
        onChange={(event) => {
          setTyped(event.target.value);
          setFailure(null);
        }}
      />
      <button type="submit" className="button button-primary">
        Add link
      </button>
      {onRemove !== null && (
        <button type="button" className="button" onClick={onRemove}>
          Remove link
        </button>
      )}
      <button type="button" className="button button-quiet" onClick={onClose}>
        Cancel
      </button>
      <FormFailure id={failureId} message={failure} />
    </form>
  );
}
