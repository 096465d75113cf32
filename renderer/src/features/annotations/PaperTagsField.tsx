import { useId, useState } from 'react';

export interface PaperTagsFieldProps {
  tags: readonly string[];
  onSave: (tags: string[]) => Promise<void>;
}

function tagsText(tags: readonly string[]): string {
  return tags.join(', ');
}

function tagsOf(text: string): string[] {
  return text
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '');
}

/**
 * The paper's own tags ("journal club", "to teach"), typed as a comma-separated list and saved
 * when the field is left or Enter is pressed. Tags are searchable and make the paper count as
 * annotated.
 */
export function PaperTagsField({ tags, onSave }: PaperTagsFieldProps) {
  const [draft, setDraft] = useState(() => tagsText(tags));
  const [saved, setSaved] = useState(tags);
  const hintId = useId();
  // The stored tags changed (saved here, tidied by the backend, or another paper opened).
  if (saved !== tags) {
    setSaved(tags);
    setDraft(tagsText(tags));
  }
  const commit = () => {
    const next = tagsOf(draft);
    if (tagsText(next) !== tagsText(tags)) void onSave(next);
  };
  return (
    <section className="annotations-section" aria-label="Tags on this paper">
      <h3 className="annotations-section-title">Tags on this paper</h3>
      {tags.length > 0 ? (
        <ul className="annotation-tags" aria-label="Tags">
          {tags.map((tag) => (
            <li key={tag} className="annotation-tag">
              {tag}
            </li>
          ))}
        </ul>
      ) : null}
      <label className="annotation-field">
        <span>Tags</span>
        <input
          type="text"
          className="annotations-input"
          value={draft}
          aria-describedby={hintId}
          onChange={(event) => setDraft(event.target.value)}
          onBlur={commit}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              commit();
            }
          }}
        />
      </label>
      <p id={hintId} className="annotation-hint">
        Separate tags with commas. Search finds papers by their tags.
      </p>
    </section>
  );
}
