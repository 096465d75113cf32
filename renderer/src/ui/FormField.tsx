import type { ReactNode } from 'react';

export interface FormFieldProps {
  /** The id of the control the label names. */
  controlId: string;
  label: string;
  /** Sets the field apart from the one above it. */
  spaced?: boolean;
  /** The control, with anything that sits beside it. */
  children: ReactNode;
}

/** A labelled control in a dialog form. */
export function FormField({ controlId, label, spaced = false, children }: FormFieldProps) {
  return (
    <>
      <label
        className={spaced ? 'field-label field-label-spaced' : 'field-label'}
        htmlFor={controlId}
      >
        {label}
      </label>
      {children}
    </>
  );
}
