import { useId } from 'react';

export interface DraftTextFieldProps {
  label: string;
  value: string;
  /** Every keystroke: the composer shows it at once and saves after a pause. */
  onChange: (text: string) => void;
  /** Leaving the field saves what is pending. */
  onBlur: () => void;
  maxLength?: number;
  /** Id of a line that explains or counts the field. */
  describedBy?: string;
}

/**
 * A one-line part of the draft, autosaved: typed text is shown at once and saved on blur. (Longer
 * parts are MarkedTextArea, which also marks the guard's findings in them.)
 */
export function DraftTextField({
  label,
  value,
  onChange,
  onBlur,
  maxLength,
  describedBy,
}: DraftTextFieldProps) {
  const id = useId();
  return (
    <div className="composer-field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <input
        type="text"
        className="text-field"
        id={id}
        value={value}
        maxLength={maxLength}
        aria-describedby={describedBy}
        onChange={(event) => onChange(event.target.value)}
        onBlur={onBlur}
      />
    </div>
  );
}
