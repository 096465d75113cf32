import type { ShareSettings } from '@shared/contract';
import { useId, useState, type FormEvent } from 'react';
import { DialogActions } from '../../../ui/DialogActions';
import { FormField } from '../../../ui/FormField';
import { FormFailure } from '../../../ui/FormFailure';
import { ModalDialog } from '../../../ui/ModalDialog';
import { useSubmission } from '../../club/useSubmission';
import type { ShareClient } from '../composer/shareClient';

/** The contract's own limit on a disclosure's length. */
const MAX_DISCLOSURE_LENGTH = 500;

export interface DisclosureDialogProps {
  client: ShareClient;
  /** The disclosure saved so far; null while the user has never answered. */
  disclosure: string | null;
  /** A new summary waits on the answer: the dialog says that it may also be given later. */
  beforeNewSummary?: boolean;
  onSaved: (settings: ShareSettings) => void;
  onClose: () => void;
}

/**
 * "Your disclosure": the conflict-of-interest statement added to every summary. It belongs to the
 * profile, not to one summary, so it is asked once and changed here; an empty answer is refused,
 * because "None" is itself a disclosure readers need to see.
 */
export function DisclosureDialog({
  client,
  disclosure,
  beforeNewSummary = false,
  onSaved,
  onClose,
}: DisclosureDialogProps) {
  const explanationId = useId();
  const fieldId = useId();
  const hintId = useId();
  const [text, setText] = useState(disclosure ?? '');
  const { failure, setFailure, busy, submit } = useSubmission();

  const save = (event: FormEvent) => {
    event.preventDefault();
    const answer = text.trim();
    if (answer === '') {
      setFailure('Write a disclosure, even “None”.');
      return;
    }
    void submit(() => client.setSettings({ disclosure: answer }), onSaved);
  };

  return (
    <ModalDialog title="Your disclosure" onClose={onClose} describedBy={explanationId}>
      <div id={explanationId}>
        <p className="dialog-text">
          Your conflict-of-interest disclosure is added to every summary you share, so readers can
          weigh what you write. Rounds asks for it once; change it here whenever your interests
          change.
        </p>
        {beforeNewSummary ? (
          <p className="dialog-text">
            You can also answer later, from the summary: it cannot be shared until you have.
          </p>
        ) : null}
      </div>
      <form className="dialog-form" onSubmit={save} noValidate>
        <FormField controlId={fieldId} label="Disclosure">
          <textarea
            id={fieldId}
            className="text-field share-textarea"
            rows={3}
            maxLength={MAX_DISCLOSURE_LENGTH}
            placeholder="None — or, for example, speaker fees from a drug maker"
            aria-describedby={hintId}
            value={text}
            onChange={(event) => setText(event.target.value)}
            data-autofocus
          />
        </FormField>
        <p id={hintId} className="share-hint">
          Write “None” if you have nothing to declare.
        </p>
        <FormFailure message={failure} />
        <DialogActions onCancel={onClose} submit={{ label: 'Save', busyLabel: 'Saving…', busy }} />
      </form>
    </ModalDialog>
  );
}
