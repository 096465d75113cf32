export interface FormFailureProps {
  /** What went wrong, in words the user can act on; nothing is shown while it is null. */
  message: string | null;
  /** Lets a field point at the message with `aria-describedby`. */
  id?: string;
}

/** A problem with what was typed or sent, announced as soon as it appears. */
export function FormFailure({ message, id }: FormFailureProps) {
  if (message === null) return null;
  return (
    <p id={id} className="field-error" role="alert">
      {message}
    </p>
  );
}
