import { useId, type FocusEvent } from 'react';
import { ClubField } from './ClubField';
import type { DiscussionWindowDraft } from './discussionWindow';

export interface DiscussionWindowFieldsProps {
  draft: DiscussionWindowDraft;
  /** The zone the wall clock is read in (the session's). */
  zone: string;
  onChange: (draft: DiscussionWindowDraft) => void;
  /** Focus left both inputs: the moment to save a pair that only makes sense together. */
  onLeave?: () => void;
  disabled?: boolean;
  /** Ids of text that says more (a refusal, why the inputs are read-only). */
  describedBy?: string;
}

const WINDOW_ENDS: readonly { end: keyof DiscussionWindowDraft; label: string }[] = [
  { end: 'opens', label: 'Discussion opens' },
  { end: 'closes', label: 'Discussion closes' },
];

/**
 * When members may add to the discussion between meetings: two wall-clock inputs in the
 * session's zone, both empty for no window.
 */
export function DiscussionWindowFields({
  draft,
  zone,
  onChange,
  onLeave,
  disabled = false,
  describedBy,
}: DiscussionWindowFieldsProps) {
  const hintId = useId();
  const leave = (event: FocusEvent<HTMLFieldSetElement>) => {
    // Moving from one input to the other is still editing the pair.
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) onLeave?.();
  };
  const describedByIds = [hintId, describedBy].filter(Boolean).join(' ');
  return (
    <fieldset className="club-window-fields" onBlur={leave}>
      <legend className="field-label">Discussion window (optional)</legend>
      <p id={hintId} className="club-hint">
        In the session’s time zone ({zone}); leave both empty for none.
      </p>
      <span className="club-window-pair">
        {WINDOW_ENDS.map(({ end, label }) => (
          <ClubField key={end} label={label}>
            {(id) => (
              <input
                id={id}
                type="datetime-local"
                className="text-field"
                value={draft[end]}
                disabled={disabled}
                aria-describedby={describedByIds}
                onChange={(event) => onChange({ ...draft, [end]: event.target.value })}
              />
            )}
          </ClubField>
        ))}
      </span>
    </fieldset>
  );
}
