import { useId, type FormEvent, type ReactNode } from 'react';
import { FormFailure } from '../../ui/FormFailure';

export interface ClubCardFormProps {
  /** The form's `h1`, which also names it. */
  heading: string;
  submitLabel: string;
  busy: boolean;
  failure: string | null;
  onSubmit: (event: FormEvent) => void;
  /** A way out beside the submit button, when there is somewhere to go back to. */
  onCancel?: () => void;
  /** The fields (and any words before them). */
  children: ReactNode;
}

/**
 * One of the club area's first-use forms ("Your profile", "Create a club"): a card named by its
 * heading, its fields, the refusal in role=alert, and its buttons.
 */
export function ClubCardForm({
  heading,
  submitLabel,
  busy,
  failure,
  onSubmit,
  onCancel,
  children,
}: ClubCardFormProps) {
  const headingId = useId();
  return (
    <form aria-labelledby={headingId} onSubmit={onSubmit} noValidate>
      <h1 id={headingId} className="club-title">
        {heading}
      </h1>
      {children}
      <FormFailure message={failure} />
      <div className="club-actions">
        {onCancel ? (
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
        <button type="submit" className="button button-primary" disabled={busy}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
