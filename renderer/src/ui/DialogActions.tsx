export interface DialogActionsProps {
  /** Leaves the dialog without doing anything more. */
  onCancel: () => void;
  /** "Close" or "Done" where nothing is left to cancel. */
  cancelLabel?: string;
  /** The form's submit button, left out where the dialog only closes. */
  submit?: {
    label: string;
    /** Shown while the submission is under way, when a second press would send it twice. */
    busyLabel: string;
    busy: boolean;
  };
}

/** The buttons along a dialog's foot: the way out first, then the form's submit button. */
export function DialogActions({ onCancel, cancelLabel = 'Cancel', submit }: DialogActionsProps) {
  return (
    <div className="dialog-actions">
      <button type="button" className="button" onClick={onCancel}>
        {cancelLabel}
      </button>
      {submit !== undefined ? (
        <button type="submit" className="button button-primary" disabled={submit.busy}>
          {submit.busy ? submit.busyLabel : submit.label}
        </button>
      ) : null}
    </div>
  );
}
