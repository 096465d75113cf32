import {
  HIGHLIGHT_COLOURS,
  MAX_MEANING_LENGTH,
  type HighlightColourId,
  type HighlightMeanings,
} from '@shared/domain/annotations/highlightColours';
import { useId, useState, type FormEvent } from 'react';

export interface MeaningsEditorProps {
  meanings: HighlightMeanings;
  /** Resolves with the meanings as stored (a blank one back to its default), or null. */
  onSave: (meanings: Record<HighlightColourId, string>) => Promise<HighlightMeanings | null>;
}

/**
 * What each colour means, editable. A blank meaning goes back to its default (the backend says
 * so); the colours of highlights already made stay as they are.
 */
export function MeaningsEditor({ meanings, onSave }: MeaningsEditorProps) {
  const [draft, setDraft] = useState<Record<HighlightColourId, string>>({ ...meanings });
  const [status, setStatus] = useState('');
  const id = useId();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setStatus('Saving…');
    const saved = await onSave(draft);
    if (saved !== null) setDraft({ ...saved });
    setStatus(saved !== null ? 'Meanings saved.' : '');
  };

  return (
    <details className="annotations-section">
      <summary className="annotations-section-title">Colour meanings</summary>
      <form className="meanings-form" onSubmit={(event) => void submit(event)}>
        {HIGHLIGHT_COLOURS.map((colour) => (
          <div key={colour.id} className="meanings-row">
            <span
              className={`highlight-swatch highlight-swatch--${colour.id}`}
              aria-hidden="true"
            />
            <label htmlFor={`${id}-${colour.id}`} className="meanings-colour">
              {colour.name}
            </label>
            <input
              id={`${id}-${colour.id}`}
              className="annotations-input"
              maxLength={MAX_MEANING_LENGTH}
              value={draft[colour.id]}
              onChange={(event) => setDraft({ ...draft, [colour.id]: event.target.value })}
            />
          </div>
        ))}
        <div className="meanings-actions">
          <button type="submit" className="button button-small">
            Save meanings
          </button>
          <span role="status" className="annotations-status">
            {status}
          </span>
        </div>
      </form>
    </details>
  );
}
