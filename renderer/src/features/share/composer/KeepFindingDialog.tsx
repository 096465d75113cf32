import type { DraftDismissal, DraftFinding } from '@shared/contract/share';
import type { DismissalReason } from '@shared/domain/guard/findings';
import { useId, useState, type FormEvent } from 'react';
import { DialogActions } from '../../../ui/DialogActions';
import { FormFailure } from '../../../ui/FormFailure';
import { ModalDialog } from '../../../ui/ModalDialog';
import { useIsMounted } from '../../../ui/useIsMounted';
import { KeepReasonFields, keepReasonProblem } from '../../guard/KeepReasonFields';

export interface KeepFindingDialogProps {
  finding: DraftFinding;
  /** How the finding reads in the list ("Name “Ann Lee” in Summary"). */
  description: string;
  /** Saves the dismissal; resolves with the refusal's message, or null once saved. */
  onKeep: (dismissal: DraftDismissal) => Promise<string | null>;
  onClose: () => void;
}

/**
 * Keeps a possible identifier in the text, with the reason on record: a reviewer can later see
 * why the guard was overruled, and "other" must say why in the user's own words.
 */
export function KeepFindingDialog({
  finding,
  description,
  onKeep,
  onClose,
}: KeepFindingDialogProps) {
  const [reason, setReason] = useState<DismissalReason | null>(null);
  const [note, setNote] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const descriptionId = useId();
  const isMounted = useIsMounted();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problem = keepReasonProblem(reason, note);
    if (problem !== null || reason === null) return setFailure(problem);
    setBusy(true);
    const { field, type, start, end, text } = finding;
    const message = await onKeep({
      field,
      finding: { type, start, end, text },
      reason,
      ...(note.trim() !== '' ? { note: note.trim() } : {}),
    });
    if (!isMounted()) return;
    setBusy(false);
    if (message !== null) setFailure(message);
    else onClose();
  };

  return (
    <ModalDialog title="Keep this text?" describedBy={descriptionId} onClose={onClose}>
      <form onSubmit={(event) => void submit(event)}>
        <p id={descriptionId} className="dialog-text">
          {description}. It will be shared as written; the reason is kept with the summary.
        </p>
        <KeepReasonFields
          reason={reason}
          note={note}
          onReason={(value) => {
            setReason(value);
            setFailure(null);
          }}
          onNote={setNote}
          noteClassName="composer-textarea"
        />
        <FormFailure message={failure} />
        <DialogActions onCancel={onClose} submit={{ label: 'Keep', busyLabel: 'Keeping…', busy }} />
      </form>
    </ModalDialog>
  );
}
