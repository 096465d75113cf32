import { useId } from 'react';

export interface Choice<T extends string> {
  value: T;
  label: string;
}

export interface ChoiceGroupProps<T extends string> {
  /** The group's accessible name ("Platform", "Reason"). */
  label: string;
  /** Shows the name above the radios; otherwise it is only announced. */
  showLabel?: boolean;
  choices: readonly Choice<T>[];
  value: T | null;
  onChange: (value: T) => void;
  /** Lays the radios out in a row (platforms) rather than a column (reasons). */
  inline?: boolean;
}

/** Native radios in a named group: arrow keys move between them as in any form. */
export function ChoiceGroup<T extends string>({
  label,
  showLabel = false,
  choices,
  value,
  onChange,
  inline = false,
}: ChoiceGroupProps<T>) {
  const name = useId();
  const labelId = useId();
  return (
    <div
      role="radiogroup"
      aria-labelledby={labelId}
      className={inline ? 'composer-choices composer-choices-inline' : 'composer-choices'}
    >
      <span id={labelId} className={showLabel ? 'field-label' : 'visually-hidden'}>
        {label}
      </span>
      {choices.map((choice) => (
        <label key={choice.value} className="composer-choice">
          <input
            type="radio"
            name={name}
            value={choice.value}
            checked={value === choice.value}
            onChange={() => onChange(choice.value)}
          />
          {choice.label}
        </label>
      ))}
    </div>
  );
}
