import { DISMISSAL_REASONS } from '@shared/contract/share';
import { DISMISSAL_REASON_LABELS, type DismissalReason } from '@shared/domain/guard/findings';
import { useId } from 'react';
import './keepReasons.css';

export interface KeepReasonFieldsProps {
  reason: DismissalReason | null;
  note: string;
  onReason: (reason: DismissalReason) => void;
  onNote: (note: string) => void;
  /** The note field's class, for the form it sits in. */
  noteClassName: string;
}

/**
 * Why a possible identifier may stay, as every keep form asks it (a summary's finding, an
 * export's): a reason from the list, and a note, which "other" requires.
 */
export function KeepReasonFields({
  reason,
  note,
  onReason,
  onNote,
  noteClassName,
}: KeepReasonFieldsProps) {
  const groupName = useId();
  const labelId = useId();
  const noteId = useId();
  return (
    <>
      <div role="radiogroup" aria-labelledby={labelId} className="keep-reasons">
        <span id={labelId} className="field-label">
          Reason
        </span>
        {DISMISSAL_REASONS.map((choice) => (
          <label key={choice} className="keep-reason">
            <input
              type="radio"
              name={groupName}
              value={choice}
              checked={reason === choice}
              onChange={() => onReason(choice)}
            />
            {DISMISSAL_REASON_LABELS[choice]}
          </label>
        ))}
      </div>
      <label className="field-label field-label-spaced" htmlFor={noteId}>
        Note
      </label>
      <textarea
        id={noteId}
        className={`text-field ${noteClassName}`}
        rows={2}
        maxLength={500}
        aria-required={reason === 'other'}
        value={note}
        onChange={(event) => onNote(event.target.value)}
      />
    </>
  );
}

/** What stops a keep form, as a sentence, or null when it may be kept. */
export function keepReasonProblem(reason: DismissalReason | null, note: string): string | null {
  if (reason === null) return 'Choose why this text may stay.';
  if (reason === 'other' && note.trim() === '') return 'Say in the note why this text may stay.';
  return null;
}
