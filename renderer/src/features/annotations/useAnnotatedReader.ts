import type { ItemDetail } from '@shared/contract';
import { newAnnotation, paperSource } from '@shared/domain/annotations/annotation';
import type { HighlightColourId } from '@shared/domain/annotations/highlightColours';
import { describeTextRange } from '@shared/domain/annotations/selectors';
import { useCallback, useEffect, useState, type RefObject } from 'react';
import type { AnnotationsClient } from './annotationsClient';
import { useContentSelection, type ContentSelection } from './useContentSelection';
import { useHighlightPainting, type HighlightPainting } from './useHighlightPainting';
import { useItemAnnotations, type ItemAnnotationsModel } from './useItemAnnotations';

export interface AnnotatedReader {
  /** Null when this reader cannot annotate (no annotations service was given). */
  model: ItemAnnotationsModel | null;
  painting: HighlightPainting;
  selection: ContentSelection | null;
  /** The last words selected in the paper, still there for the keyboard's "Highlight" button. */
  lastSelection: ContentSelection | null;
  /** Highlights the selected text in `colour` and clears the selection. */
  highlightSelection: (colour: HighlightColourId) => Promise<void>;
  clearSelection: () => void;
  /** The highlight last clicked in the text. */
  focusedId: string | null;
}

/**
 * Everything the reader needs to annotate an item's HTML content: its highlights and notes, the
 * marks painted over the text (after the search words), the user's current selection, and
 * turning that selection into a saved highlight. Without a client it only marks search words.
 */
export function useAnnotatedReader(options: {
  client: AnnotationsClient | null;
  /** The element holding the paper's sanitised content. */
  content: RefObject<HTMLDivElement | null>;
  /** The reader's scrolling container (the selection toolbar is placed inside it). */
  scroll: RefObject<HTMLDivElement | null>;
  item: ItemDetail;
  html: string;
  searchTerms: readonly string[];
  newId?: () => string;
  now?: () => Date;
}): AnnotatedReader {
  const { client, content, scroll, item, html, searchTerms } = options;
  const newId = options.newId ?? (() => crypto.randomUUID());
  const now = options.now ?? (() => new Date());
  const model = useItemAnnotations(client, item.id);
  const painting = useHighlightPainting({
    root: content,
    html,
    searchTerms,
    annotations: model.annotations,
    meanings: model.meanings,
  });
  const { selection, lastSelection, clear } = useContentSelection(content, scroll);
  const [focusedId, setFocusedId] = useState<string | null>(null);

  // A click on a painted highlight opens its card in the sidebar.
  useEffect(() => {
    const element = content.current;
    if (element === null || client === null) return;
    const focusHighlight = (event: MouseEvent) => {
      const mark = (event.target as Element).closest?.('mark.highlight[data-annotation-id]');
      const id = mark instanceof HTMLElement ? mark.dataset['annotationId'] : undefined;
      if (id !== undefined && element.ownerDocument.getSelection()?.isCollapsed !== false) {
        setFocusedId(id);
      }
    };
    element.addEventListener('click', focusHighlight);
    return () => element.removeEventListener('click', focusHighlight);
  }, [client, content, html]);

  const { save } = model;
  const highlightSelection = useCallback(
    async (colour: HighlightColourId) => {
      const element = content.current;
      const chosen = selection ?? lastSelection;
      if (chosen === null || element === null) return;
      const selectors = describeTextRange(element.textContent ?? '', chosen.start, chosen.end);
      clear();
      if (selectors === null) return;
      await save(
        newAnnotation({
          id: newId(),
          itemId: item.id,
          source: paperSource({ doi: item.paperIds.doi, link: item.link, itemId: item.id }),
          selectors,
          colour,
          now: now().toISOString(),
        }),
      );
    },
    // newId and now are fixed for the reader's life.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [selection, lastSelection, clear, save, content, item.id, item.paperIds.doi, item.link],
  );

  return {
    model: client === null ? null : model,
    painting,
    selection: client === null ? null : selection,
    lastSelection: client === null ? null : lastSelection,
    highlightSelection,
    clearSelection: clear,
    focusedId,
  };
}
