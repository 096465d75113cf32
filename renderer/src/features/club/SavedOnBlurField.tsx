import { useId, useState } from 'react';
import { FormFailure } from '../../ui/FormFailure';
import { useIsMounted } from '../../ui/useIsMounted';

export interface SavedOnBlurFieldProps {
  label: string;
  /** What the session holds now; the field follows it unless the user has typed over it. */
  value: string;
  /** Saves the text; resolves with the refusal's message, or null once saved. */
  onSave: (text: string) => Promise<string | null>;
  multiline?: boolean;
  maxLength?: number;
  disabled?: boolean;
  /** Shows the label visually (default) or only to assistive technology. */
  hideLabel?: boolean;
  className?: string;
  placeholder?: string;
}

/**
 * A text field saved when the user leaves it. What they typed stays in the field when the save
 * is refused, with the reason beside it; a change made elsewhere replaces it only while the user
 * has nothing unsaved in it.
 */
export function SavedOnBlurField({
  label,
  value,
  onSave,
  multiline = false,
  maxLength,
  disabled = false,
  hideLabel = false,
  className,
  placeholder,
}: SavedOnBlurFieldProps) {
  const id = useId();
  const failureId = useId();
  const [draft, setDraft] = useState(value);
  const [shown, setShown] = useState(value);
  const [failure, setFailure] = useState<string | null>(null);
  const isMounted = useIsMounted();
  // Adjusting state during render (React's documented pattern) keeps a remote change and the
  // user's unsaved typing apart without an effect's extra render.
  if (value !== shown) {
    setShown(value);
    if (draft === shown) setDraft(value);
  }

  const save = async () => {
    if (draft === value) return;
    const message = await onSave(draft);
    if (isMounted()) setFailure(message);
  };

  const shared = {
    id,
    value: draft,
    maxLength,
    disabled,
    placeholder,
    'aria-describedby': failure !== null ? failureId : undefined,
    onChange: (event: { target: { value: string } }) => setDraft(event.target.value),
    onBlur: () => void save(),
  };
  return (
    <div className={className ?? 'club-field'}>
      <label className={hideLabel ? 'visually-hidden' : 'field-label'} htmlFor={id}>
        {label}
      </label>
      {multiline ? (
        <textarea className="text-field club-textarea" rows={3} {...shared} />
      ) : (
        <input type="text" className="text-field" {...shared} />
      )}
      <FormFailure id={failureId} message={failure} />
    </div>
  );
}
