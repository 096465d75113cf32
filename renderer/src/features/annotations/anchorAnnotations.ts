import type { Annotation } from '@shared/domain/annotations/annotation';
import { anchorHighlight } from '@shared/domain/annotations/anchorHighlight';
import type { PaintableHighlight } from './paintHighlights';

/** A highlight found in the text shown now, with where it lies. */
export interface AnchoredAnnotation {
  annotation: Annotation;
  start: number;
  end: number;
}

/** Where each highlight of an item lies in the paper's current text. */
export interface AnnotationPlacement {
  /** Highlights found in the text, in reading order (by where they start). */
  anchored: AnchoredAnnotation[];
  /** Highlights whose words are no longer in the text, in the order they were made. */
  orphaned: Annotation[];
}

/**
 * Anchors every highlight in `text` (the content root's `textContent`). A highlight that cannot be
 * found is kept as orphaned, never dropped: the user made it and decides what happens to it.
 */
export function anchorAnnotations(
  text: string,
  annotations: readonly Annotation[],
): AnnotationPlacement {
  const anchored: AnchoredAnnotation[] = [];
  const orphaned: Annotation[] = [];
  for (const annotation of annotations) {
    // A highlight on a PDF page belongs to the PDF viewer, not to this HTML text.
    const anchor =
      annotation.selectors.page === null
        ? anchorHighlight(text, annotation.selectors)
        : ({ status: 'orphaned' } as const);
    if (anchor.status === 'anchored') {
      anchored.push({ annotation, start: anchor.start, end: anchor.end });
    } else {
      orphaned.push(annotation);
    }
  }
  anchored.sort((a, b) => a.start - b.start || a.end - b.end);
  return { anchored, orphaned };
}

/** What paintHighlights needs of the anchored highlights. */
export function paintableOf(placement: AnnotationPlacement): PaintableHighlight[] {
  return placement.anchored.map(({ annotation, start, end }) => ({
    annotationId: annotation.id,
    colour: annotation.colour,
    start,
    end,
  }));
}
