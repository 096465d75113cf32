import type { InputHTMLAttributes } from 'react';
import { FormField } from './FormField';

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'className'> {
  id: string;
  label: string;
  /** Sets the field apart from the one above it. */
  spaced?: boolean;
  /** Marks where the user starts typing when the dialog opens. */
  'data-autofocus'?: boolean;
}

/** A labelled one-line text input; every other attribute goes to the input itself. */
export function TextField({ id, label, spaced, ...input }: TextFieldProps) {
  return (
    <FormField controlId={id} label={label} spaced={spaced}>
      <input id={id} className="text-field" {...input} />
    </FormField>
  );
}
