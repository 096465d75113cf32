import type { Result } from '@shared/contract';
import { useId, useState, type ReactNode } from 'react';
import { FormFailure } from './FormFailure';
import { ModalDialog } from './ModalDialog';
import { useIsMounted } from './useIsMounted';

export interface ConfirmDialogProps<T> {
  title: string;
  /** What will happen, in a sentence or two; the dialog is described by it. */
  explanation: ReactNode;
  /** The dangerous button ("Unsubscribe"), and what it says while the change is made. */
  confirmLabel: string;
  workingLabel: string;
  onConfirm: () => Promise<Result<T, string>>;
  /** The change was made; the caller closes the dialog. */
  onConfirmed: (value: T) => void;
  onClose: () => void;
}

/**
 * Asks before something that cannot simply be taken back (unsubscribing, deleting): an alert
 * dialog saying what will happen, Cancel focused as the safe choice, and the backend's reason
 * shown in place when the change fails.
 */
export function ConfirmDialog<T>({
  title,
  explanation,
  confirmLabel,
  workingLabel,
  onConfirm,
  onConfirmed,
  onClose,
}: ConfirmDialogProps<T>) {
  const [working, setWorking] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const explanationId = useId();
  const isMounted = useIsMounted();

  const confirm = async () => {
    setWorking(true);
    setFailure(null);
    const result = await onConfirm();
    if (!isMounted()) return;
    setWorking(false);
    if (result.ok) onConfirmed(result.value);
    else setFailure(result.message);
  };

  return (
    <ModalDialog role="alertdialog" title={title} describedBy={explanationId} onClose={onClose}>
      <p id={explanationId} className="dialog-text">
        {explanation}
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
          {working ? workingLabel : confirmLabel}
        </button>
      </div>
    </ModalDialog>
  );
}
