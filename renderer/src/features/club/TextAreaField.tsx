import { useId } from 'react';
import { FormField } from '../../ui/FormField';

export interface TextAreaFieldProps {
  label: string;
  value: string;
  onChange: (text: string) => void;
  maxLength: number;
  /** Sets the field apart from the one above it. */
  spaced?: boolean;
}

/** A labelled few-line text box in a dialog form, for a reflection or a note. */
export function TextAreaField({ label, value, onChange, maxLength, spaced }: TextAreaFieldProps) {
  const id = useId();
  return (
    <FormField controlId={id} label={label} spaced={spaced}>
      <textarea
        id={id}
        className="text-field club-textarea"
        rows={3}
        maxLength={maxLength}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    </FormField>
  );
}
