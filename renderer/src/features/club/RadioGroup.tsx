import { useId } from 'react';

export interface RadioChoice<T extends string> {
  value: T;
  label: string;
}

export interface RadioGroupProps<T extends string> {
  /** The group's accessible name ("Your vote"). */
  label: string;
  /** Shows the name above the radios; otherwise it is only announced. */
  showLabel?: boolean;
  choices: readonly RadioChoice<T>[];
  value: T | null;
  disabled?: boolean;
  onChange: (value: T) => void;
}

/** Native radios in a named group: arrow keys move between them as in any form. */
export function RadioGroup<T extends string>({
  label,
  showLabel = false,
  choices,
  value,
  disabled = false,
  onChange,
}: RadioGroupProps<T>) {
  const name = useId();
  const labelId = useId();
  return (
    <div role="radiogroup" aria-labelledby={labelId} className="club-radios">
      <span id={labelId} className={showLabel ? 'club-radios-label' : 'visually-hidden'}>
        {label}
      </span>
      {choices.map((choice) => (
        <label key={choice.value} className="club-radio">
          <input
            type="radio"
            name={name}
            value={choice.value}
            checked={value === choice.value}
            disabled={disabled}
            onChange={() => onChange(choice.value)}
          />
          {choice.label}
        </label>
      ))}
    </div>
  );
}
