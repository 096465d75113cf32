import type { ItemDetail } from '@shared/contract';
import { newAnnotation, paperSource, type Annotation } from '@shared/domain/annotations/annotation';
import type { HighlightColourId } from '@shared/domain/annotations/highlightColours';
import { describeTextRange } from '@shared/domain/annotations/selectors';
import { useCallback, useEffect, useMemo, useState, type RefObject } from 'react';
import type { AnnotationsClient } from './annotationsClient';
import { useContentSelection, type ContentSelection } from './useContentSelection';
import { useHighlightPainting, type HighlightPainting } from './useHighlightPainting';
import { useItemAnnotations, type ItemAnnotationsModel } from './useItemAnnotations';
import { usePdfAnnotations, type PdfAnnotationsLink } from './usePdfAnnotations';

export interface AnnotatedReader {
  /**
   * The item's highlights and notes, its highlights being those of the view shown (the PDF's
   * while the PDF is shown, the article's otherwise); null when this reader cannot annotate (no
   * annotations service was given).
   */
  model: ItemAnnotationsModel | null;
  /** Where the shown view's highlights lie, and how to reveal one. */
  painting: HighlightPainting;
  /** Words selected in the article (the PDF shows its own toolbar over its pages). */
  selection: ContentSelection | null;
  /** The last words selected in the view shown, still there for the keyboard's "Highlight". */
  lastSelection: ContentSelection | null;
  /** Highlights the selected text in `colour` and clears the selection. */
  highlightSelection: (colour: HighlightColourId) => Promise<void>;
  clearSelection: () => void;
  /** The highlight last clicked in the text. */
  focusedId: string | null;
  /** For the PDF view (to be given to it); null without a PDF or an annotations service. */
  pdf: PdfAnnotationsLink | null;
}

/** A highlight made on a PDF page; the others are on the article's text. */
function isOnPdfPage(annotation: Annotation): boolean {
  return annotation.selectors.page !== null;
}

/**
 * Everything the reader needs to annotate an item: its highlights and notes, the marks painted
 * over the article's text (after the search words) and on the PDF's pages, the user's current
 * selection, and turning that selection into a saved highlight. A paper with a PDF has two sets
 * of highlights, the article's and the PDF's (those with a page selector): each view shows and
 * lists its own. Without a client it only marks search words.
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
  const pdfHash = item.pdf?.hash ?? null;

  // Without a PDF every highlight is listed with the article (one made on a PDF page, imported
  // from elsewhere, as not found in its text).
  const { articleAnnotations, pdfAnnotations } = useMemo(
    () =>
      pdfHash === null
        ? { articleAnnotations: model.annotations, pdfAnnotations: [] }
        : {
            articleAnnotations: model.annotations.filter((entry) => !isOnPdfPage(entry)),
            pdfAnnotations: model.annotations.filter(isOnPdfPage),
          },
    [model.annotations, pdfHash],
  );

  const painting = useHighlightPainting({
    root: content,
    html,
    searchTerms,
    annotations: articleAnnotations,
    meanings: model.meanings,
  });
  const { selection, lastSelection, clear } = useContentSelection(content, scroll);
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const pdf = usePdfAnnotations({
    enabled: client !== null,
    pdfHash,
    itemId: item.id,
    annotations: pdfAnnotations,
    meanings: model.meanings,
    save: model.save,
    onFocus: setFocusedId,
    newId,
    now,
  });

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
  const highlightArticleSelection = useCallback(
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

  const onPdf = pdf.shown;
  const shownModel = useMemo(
    (): ItemAnnotationsModel => ({
      ...model,
      annotations: onPdf ? [...pdfAnnotations] : [...articleAnnotations],
    }),
    [model, onPdf, pdfAnnotations, articleAnnotations],
  );

  if (client === null) {
    return {
      model: null,
      painting,
      selection: null,
      lastSelection: null,
      highlightSelection: highlightArticleSelection,
      clearSelection: clear,
      focusedId,
      pdf: null,
    };
  }
  return {
    model: shownModel,
    painting: onPdf ? pdf.painting : painting,
    selection: onPdf ? null : selection,
    lastSelection: onPdf ? pdf.lastSelection : lastSelection,
    highlightSelection: onPdf ? pdf.highlightSelection : highlightArticleSelection,
    clearSelection: onPdf ? pdf.clearSelection : clear,
    focusedId,
    pdf: pdf.link,
  };
}
