import { useId, type ReactNode } from 'react';

export interface ClubFieldProps {
  label: string;
  /** Draws the control, given the id its label points at. */
  children: (id: string) => ReactNode;
}

/** A label above one control, as the session page's sections lay out their fields. */
export function ClubField({ label, children }: ClubFieldProps) {
  const id = useId();
  return (
    <div className="club-field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {children(id)}
    </div>
  );
}
