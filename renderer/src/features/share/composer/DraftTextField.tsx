import { useId } from 'react';

export interface DraftTextFieldProps {
  label: string;
  value: string;
  /** Every keystroke: the composer shows it at once and saves after a pause. */
  onChange: (text: string) => void;
  /** Leaving the field saves what is pending. */
  onBlur: () => void;
  multiline?: boolean;
  rows?: number;
  maxLength?: number;
  /** Id of a line that explains or counts the field (the alt text's counters). */
  describedBy?: string;
}

/** A labelled part of the draft, autosaved: typed text is shown at once and saved on blur. */
export function DraftTextField({
  label,
  value,
  onChange,
  onBlur,
  multiline = false,
  rows = 4,
  maxLength,
  describedBy,
}: DraftTextFieldProps) {
  const id = useId();
  const shared = {
    id,
    value,
    maxLength,
    'aria-describedby': describedBy,
    onChange: (event: { target: { value: string } }) => onChange(event.target.value),
    onBlur,
  };
  return (
    <div className="composer-field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {multiline ? (
        <textarea className="text-field composer-textarea" rows={rows} {...shared} />
      ) : (
        <input type="text" className="text-field" {...shared} />
      )}
    </div>
  );
}
