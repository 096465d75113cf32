import { useId } from 'react';

export interface InlineSelectProps<T extends string> {
  /** Shown before the select and its accessible name ("Club", "Status"). */
  label: string;
  value: T;
  choices: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
}

/** A small labelled select that sits in a line of text or a toolbar. */
export function InlineSelect<T extends string>({
  label,
  value,
  choices,
  onChange,
}: InlineSelectProps<T>) {
  const id = useId();
  return (
    <span className="club-switch">
      <label htmlFor={id} className="club-inline-label">
        {label}
      </label>
      <select
        id={id}
        className="text-field select-field"
        value={value}
        // The options are exactly `choices`, so the value is one of theirs.
        onChange={(event) => onChange(event.target.value as T)}
      >
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </span>
  );
}
