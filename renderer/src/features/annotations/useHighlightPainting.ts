import type { Annotation } from '@shared/domain/annotations/annotation';
import type { HighlightMeanings } from '@shared/domain/annotations/highlightColours';
import { useCallback, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { highlightTextNodes } from '../../ui/highlightTextNodes';
import {
  anchorAnnotations,
  paintableOf,
  paintKeyOf,
  withCurrentAnnotations,
  type AnnotationPlacement,
} from './anchorAnnotations';
import { paintHighlights, removeHighlights } from './paintHighlights';
import { describeMarks, revealMarks } from './revealMarks';

export interface HighlightPainting {
  placement: AnnotationPlacement;
  /** Scrolls the highlight's first mark into view and flashes its marks; false when not painted. */
  reveal: (annotationId: string) => boolean;
}

/**
 * The text content of `html` as a <div> holding it has it, or null when it shows nothing. Parsed
 * in a document of its own, which runs no script and loads nothing.
 */
function textOfHtml(html: string): string | null {
  if (html.trim() === '') return null;
  const holder = document.implementation.createHTMLDocument('').createElement('div');
  holder.innerHTML = html;
  return holder.textContent ?? '';
}

/**
 * Marks the search words and paints the highlights into the sanitised content under `root`,
 * again whenever the content, the search words or the highlights change. Search marks go in
 * first and highlights around them, so neither breaks the other; highlights are anchored in the
 * text as it is now and those that no longer anchor are returned as orphaned.
 */
export function useHighlightPainting(options: {
  root: RefObject<HTMLElement | null>;
  /** The content's HTML as rendered: a change means React put new text under `root`. */
  html: string;
  searchTerms: readonly string[];
  annotations: readonly Annotation[];
  meanings: HighlightMeanings;
}): HighlightPainting {
  const { root, html, searchTerms, annotations, meanings } = options;
  const marks = useRef(new Map<string, HTMLElement[]>());
  // The highlights as last painted: replaced only when their ids, colours or places change, so
  // editing a tag or a note does not take the marks out and put them back.
  const paintKey = paintKeyOf(annotations);
  const [painted, setPainted] = useState({ key: paintKey, annotations });
  if (painted.key !== paintKey) setPainted({ key: paintKey, annotations });

  // Anchored in the text the content will have, worked out from the same HTML, so the sidebar
  // knows where each highlight is (or that it is gone) in the same render that paints it.
  const text = useMemo(() => textOfHtml(html), [html]);
  const placement = useMemo(
    (): AnnotationPlacement =>
      text === null
        ? { anchored: [], orphaned: [...painted.annotations] }
        : anchorAnnotations(text, painted.annotations),
    [text, painted],
  );

  useLayoutEffect(() => {
    const element = root.current;
    if (element === null) {
      marks.current = new Map();
      return;
    }
    removeHighlights(element);
    highlightTextNodes(element, searchTerms);
    marks.current = paintHighlights(element, paintableOf(placement));
    for (const { annotation } of placement.anchored) {
      describeMarks(marks.current.get(annotation.id) ?? [], meanings[annotation.colour]);
    }
  }, [root, html, searchTerms, placement, meanings]);

  const reveal = useCallback(
    (annotationId: string): boolean => revealMarks(marks.current.get(annotationId) ?? []),
    [],
  );

  const current = useMemo(
    () => withCurrentAnnotations(placement, annotations),
    [placement, annotations],
  );

  return useMemo(() => ({ placement: current, reveal }), [current, reveal]);
}
