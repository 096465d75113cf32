import type { Annotation } from '@shared/domain/annotations/annotation';
import {
  HIGHLIGHT_COLOURS,
  highlightColourIdSchema,
  type HighlightMeanings,
} from '@shared/domain/annotations/highlightColours';
import { pageNumberOf } from '@shared/domain/annotations/selectors';
import type { NoteEnvelope } from '@shared/domain/notes/noteEnvelope';
import { useId, useState, type KeyboardEvent } from 'react';
import { NoteEditor } from '../notes/NoteEditor';
import type { ItemAnnotationsModel } from './useItemAnnotations';

export interface HighlightCardProps {
  annotation: Annotation;
  meanings: HighlightMeanings;
  model: ItemAnnotationsModel;
  /** False for a highlight whose words are no longer in the text. */
  anchored: boolean;
  expanded: boolean;
  onToggleExpanded: () => void;
  /** Scrolls to the highlight in the text and flashes it. */
  onReveal: () => void;
  /** Quotes the passage, with its citation, into the paper's note. */
  onQuote: () => void;
  onDelete: () => void;
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
 * One highlight in the sidebar: its colour and meaning, the quoted words (a button that shows them
 * in the text), its tags and note; expanded, the controls to recolour, tag, note, quote and delete.
 */
export function HighlightCard({
  annotation,
  meanings,
  model,
  anchored,
  expanded,
  onToggleExpanded,
  onReveal,
  onQuote,
  onDelete,
}: HighlightCardProps) {
  const id = useId();
  const [tagDraft, setTagDraft] = useState<string | null>(null);
  const meaning = meanings[annotation.colour];
  const page = annotation.selectors.page ? pageNumberOf(annotation.selectors.page) : null;

  const saveTags = () => {
    if (tagDraft === null) return;
    const tags = tagsOf(tagDraft);
    setTagDraft(null);
    if (tagsText(tags) !== tagsText(annotation.tags)) void model.setTags(annotation, tags);
  };
  const saveTagsOnEnter = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      saveTags();
    }
  };
  const saveNote = (envelope: NoteEnvelope) => model.saveNote(annotation.id, envelope);

  return (
    <li
      className={`annotation-card annotation-card--${annotation.colour}`}
      aria-labelledby={`${id}-meaning ${id}-quote`}
    >
      <p className="annotation-card-meaning" id={`${id}-meaning`}>
        <span
          className={`highlight-swatch highlight-swatch--${annotation.colour}`}
          aria-hidden="true"
        />
        {meaning}
        {page === null ? null : <span className="annotation-card-page">p. {page}</span>}
      </p>
      {anchored ? (
        <button
          type="button"
          className="annotation-quote"
          id={`${id}-quote`}
          title="Show in the text"
          onClick={onReveal}
        >
          {annotation.selectors.quote.exact}
        </button>
      ) : (
        <>
          <blockquote className="annotation-quote is-orphaned" id={`${id}-quote`}>
            {annotation.selectors.quote.exact}
          </blockquote>
          <p className="annotation-orphan-reason">
            {page === null
              ? 'The paper’s text changed: these words are no longer in it.'
              : `These words are not found on page ${page} of the PDF.`}
          </p>
        </>
      )}
      {annotation.tags.length > 0 ? (
        <ul className="annotation-tags" aria-label="Tags">
          {annotation.tags.map((tag) => (
            <li key={tag} className="annotation-tag">
              {tag}
            </li>
          ))}
        </ul>
      ) : null}
      {!expanded && annotation.note !== '' ? (
        <p className="annotation-note-preview">{annotation.note}</p>
      ) : null}
      <div className="annotation-card-actions">
        <button
          type="button"
          className="button button-small button-quiet"
          aria-expanded={expanded}
          aria-controls={expanded ? `${id}-details` : undefined}
          onClick={onToggleExpanded}
        >
          {expanded ? 'Close' : annotation.note === '' ? 'Add note…' : 'Edit…'}
        </button>
        <button type="button" className="button button-small button-quiet" onClick={onQuote}>
          Quote in note
        </button>
        <button type="button" className="button button-small button-quiet" onClick={onDelete}>
          Delete
        </button>
      </div>
      {expanded ? (
        <div className="annotation-card-details" id={`${id}-details`}>
          <label className="annotation-field">
            <span>Colour</span>
            <select
              className="annotations-input"
              value={annotation.colour}
              onChange={(event) =>
                void model.setColour(annotation, highlightColourIdSchema.parse(event.target.value))
              }
            >
              {HIGHLIGHT_COLOURS.map((colour) => (
                <option key={colour.id} value={colour.id}>
                  {`${meanings[colour.id]} (${colour.name.toLowerCase()})`}
                </option>
              ))}
            </select>
          </label>
          <label className="annotation-field">
            <span>Tags</span>
            <input
              className="annotations-input"
              value={tagDraft ?? tagsText(annotation.tags)}
              placeholder="Comma between tags"
              onChange={(event) => setTagDraft(event.target.value)}
              onBlur={saveTags}
              onKeyDown={saveTagsOnEnter}
            />
          </label>
          <NoteEditor
            initial={model.noteOf(annotation.id)?.envelope ?? null}
            onSave={saveNote}
            label="Note on highlight"
          />
        </div>
      ) : null}
    </li>
  );
}
