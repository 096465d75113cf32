import type { Annotation } from '@shared/domain/annotations/annotation';
import { HIGHLIGHT_COLOURS } from '@shared/domain/annotations/highlightColours';
import { pageNumberOf } from '@shared/domain/annotations/selectors';
import type { NoteEnvelope } from '@shared/domain/notes/noteEnvelope';
import { useEffect, useRef, useState } from 'react';
import { NoteEditor, type NoteEditorHandle } from '../notes/NoteEditor';
import { scheduleWithTimer, type Schedule } from '../notes/scheduleWithTimer';
import type { AnchoredAnnotation, AnnotationPlacement } from './anchorAnnotations';
import type { AnnotationsClient } from './annotationsClient';
import { AnnotationTransfer } from './AnnotationTransfer';
import { PaperTagsField } from './PaperTagsField';
import { HighlightCard } from './HighlightCard';
import { MeaningsEditor } from './MeaningsEditor';
import type { ItemAnnotationsModel, RemovedHighlight } from './useItemAnnotations';
import { useRememberedState } from './useRememberedState';

/** How long "Undo" stays offered after a highlight is deleted. */
const UNDO_MS = 10_000;

const ORDERS = ['colour', 'position'] as const;
type Order = (typeof ORDERS)[number];

export interface AnnotationsSidebarProps {
  client: AnnotationsClient;
  item: { id: string; title: string };
  model: ItemAnnotationsModel;
  placement: AnnotationPlacement;
  onReveal: (annotationId: string) => void;
  /** The highlight last clicked in the text: its card opens. */
  focusedId: string | null;
  /** Runs the undo offer's time limit; the browser's timer unless a test drives it. */
  schedule?: Schedule;
}

interface Group {
  key: string;
  title: string;
  entries: AnchoredAnnotation[];
}

function groupsOf(
  anchored: readonly AnchoredAnnotation[],
  order: Order,
  meanings: ItemAnnotationsModel['meanings'],
): Group[] {
  if (order === 'position')
    return [{ key: 'all', title: 'In reading order', entries: [...anchored] }];
  return HIGHLIGHT_COLOURS.map((colour) => ({
    key: colour.id,
    title: meanings[colour.id],
    entries: anchored.filter(({ annotation }) => annotation.colour === colour.id),
  })).filter((group) => group.entries.length > 0);
}

/**
 * The reader's annotations panel: the paper's note, its highlights grouped by what their colours
 * mean or in reading order, those whose words are gone, the colours' meanings, and export and
 * import. Deleting a highlight takes it out at once and offers "Undo" for a few seconds.
 */
export function AnnotationsSidebar({
  client,
  item,
  model,
  placement,
  onReveal,
  focusedId,
  schedule = scheduleWithTimer,
}: AnnotationsSidebarProps) {
  const [order, setOrder] = useRememberedState<Order>('rounds.annotations.order', ORDERS, 'colour');
  const [expandedId, setExpandedId] = useState<string | null>(null);
  const [undoable, setUndoable] = useState<RemovedHighlight | null>(null);
  const cancelUndoTimer = useRef<(() => void) | null>(null);
  const paperNote = useRef<NoteEditorHandle>(null);

  // A highlight clicked in the text opens its card (once per click, not on every render).
  const [shownFocus, setShownFocus] = useState(focusedId);
  if (shownFocus !== focusedId) {
    setShownFocus(focusedId);
    if (focusedId !== null) setExpandedId(focusedId);
  }
  useEffect(() => () => cancelUndoTimer.current?.(), []);

  const offerUndo = (removed: RemovedHighlight | null) => {
    cancelUndoTimer.current?.();
    setUndoable(removed);
    cancelUndoTimer.current = removed === null ? null : schedule(() => setUndoable(null), UNDO_MS);
  };

  const deleteHighlight = async (annotation: Annotation) => {
    const removed = await model.remove(annotation);
    if (removed !== null) offerUndo(removed);
  };

  const undo = async () => {
    if (undoable === null) return;
    const removed = undoable;
    offerUndo(null);
    await model.restore(removed);
  };

  const quote = (annotation: Annotation) => {
    paperNote.current?.insertPassageQuote({
      citation: {
        annotationId: annotation.id,
        paperTitle: item.title,
        page: annotation.selectors.page ? pageNumberOf(annotation.selectors.page) : null,
        colourMeaning: model.meanings[annotation.colour],
      },
      text: annotation.selectors.quote.exact,
    });
  };

  const card = (annotation: Annotation, anchored: boolean) => (
    <HighlightCard
      key={annotation.id}
      annotation={annotation}
      meanings={model.meanings}
      model={model}
      anchored={anchored}
      expanded={expandedId === annotation.id}
      onToggleExpanded={() =>
        setExpandedId((current) => (current === annotation.id ? null : annotation.id))
      }
      onReveal={() => onReveal(annotation.id)}
      onQuote={() => quote(annotation)}
      onDelete={() => void deleteHighlight(annotation)}
    />
  );

  const groups = groupsOf(placement.anchored, order, model.meanings);
  const count = placement.anchored.length + placement.orphaned.length;

  return (
    <div className="annotations-body">
      {model.problem !== null ? (
        <p role="alert" className="annotations-problem">
          {model.problem}
        </p>
      ) : null}
      {undoable !== null ? (
        <div role="status" className="annotations-undo">
          <span>Highlight deleted.</span>
          <button type="button" className="button button-small" onClick={() => void undo()}>
            Undo
          </button>
          <button
            type="button"
            className="button button-small button-quiet"
            aria-label="Dismiss"
            onClick={() => offerUndo(null)}
          >
            ×
          </button>
        </div>
      ) : null}
      {model.status === 'loading' ? (
        <p className="annotations-status">Loading highlights…</p>
      ) : null}
      {model.status === 'ready' ? (
        <>
          <section className="annotations-section" aria-label="Note on this paper">
            <h3 className="annotations-section-title">Note on this paper</h3>
            <NoteEditor
              ref={paperNote}
              initial={model.noteOf(null)?.envelope ?? null}
              onSave={(envelope: NoteEnvelope) => model.saveNote(null, envelope)}
              label="Note on this paper"
            />
          </section>
          <PaperTagsField tags={model.paperTags} onSave={model.setPaperTags} />
          <section className="annotations-section" aria-label="Highlights">
            <div className="annotations-list-header">
              <h3 className="annotations-section-title">
                Highlights <span className="annotations-count">({count})</span>
              </h3>
              <div role="group" aria-label="Order" className="annotations-order">
                <button
                  type="button"
                  className="button button-small"
                  aria-pressed={order === 'colour'}
                  onClick={() => setOrder('colour')}
                >
                  By meaning
                </button>
                <button
                  type="button"
                  className="button button-small"
                  aria-pressed={order === 'position'}
                  onClick={() => setOrder('position')}
                >
                  Reading order
                </button>
              </div>
            </div>
            {count === 0 ? (
              <p className="annotations-empty">
                Select words in the paper and choose a colour to highlight them.
              </p>
            ) : null}
            {groups.map((group) => (
              <div key={group.key} className="annotations-group">
                <h4 className="annotations-group-title">{group.title}</h4>
                <ul className="annotations-list" aria-label={group.title}>
                  {group.entries.map(({ annotation }) => card(annotation, true))}
                </ul>
              </div>
            ))}
            {placement.orphaned.length > 0 ? (
              <div className="annotations-group">
                <h4 className="annotations-group-title">Not found in the text</h4>
                <ul className="annotations-list" aria-label="Not found in the text">
                  {placement.orphaned.map((annotation) => card(annotation, false))}
                </ul>
              </div>
            ) : null}
          </section>
          <MeaningsEditor meanings={model.meanings} onSave={model.setMeanings} />
          <AnnotationTransfer
            client={client}
            itemId={item.id}
            groupBy={order}
            onImported={model.reload}
          />
        </>
      ) : null}
    </div>
  );
}
