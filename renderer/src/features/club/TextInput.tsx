import { useId } from 'react';
import { TextField, type TextFieldProps } from '../../ui/TextField';

export interface TextInputProps extends Omit<TextFieldProps, 'id' | 'value' | 'onChange'> {
  value: string;
  /** The whole text after each keystroke. */
  onChange: (text: string) => void;
}

/** A labelled one-line input bound to a piece of text; it makes its own id for the label. */
export function TextInput({ value, onChange, ...field }: TextInputProps) {
  const id = useId();
  return (
    <TextField
      {...field}
      id={id}
      value={value}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}
