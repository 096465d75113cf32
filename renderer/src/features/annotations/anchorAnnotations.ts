import type { Annotation } from '@shared/domain/annotations/annotation';
import { anchorHighlight } from '@shared/domain/annotations/anchorHighlight';
import { pageNumberOf } from '@shared/domain/annotations/selectors';
import type { PaintableHighlight } from './paintHighlights';

/** A highlight found in the text shown now, with where it lies. */
export interface AnchoredAnnotation {
  annotation: Annotation;
  /** The PDF page it lies on (its offsets then count in that page's text); null in an article. */
  page: number | null;
  start: number;
  end: number;
  /**
   * True while its page's text has not been read: it is listed where it was made and painted
   * once the page is read (then found there, or orphaned).
   */
  provisional: boolean;
}

/** Where each highlight of an item lies in the paper's current text. */
export interface AnnotationPlacement {
  /** Highlights found in the text, in reading order (by page, then where they start). */
  anchored: AnchoredAnnotation[];
  /** Highlights whose words are no longer in the text, in the order they were made. */
  orphaned: Annotation[];
}

/** A highlight to paint on a PDF page's text layer (offsets in that page's text). */
export interface PaintablePdfHighlight extends PaintableHighlight {
  page: number;
}

function inReadingOrder(a: AnchoredAnnotation, b: AnchoredAnnotation): number {
  return (a.page ?? 0) - (b.page ?? 0) || a.start - b.start || a.end - b.end;
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
      anchored.push({
        annotation,
        page: null,
        start: anchor.start,
        end: anchor.end,
        provisional: false,
      });
    } else {
      orphaned.push(annotation);
    }
  }
  anchored.sort(inReadingOrder);
  return { anchored, orphaned };
}

/**
 * Anchors highlights made on a PDF's pages, each in the text of its own page only: a page's
 * offsets and context mean nothing on another. `pageText(n)` is page n's text as buildPageText
 * builds it, null when the PDF has no such page, undefined while the page is not read yet (the
 * highlight is then placed where it was made, provisionally). A highlight not found on its page
 * is orphaned, never dropped.
 */
export function anchorPdfAnnotations(
  pageText: (pageNumber: number) => string | null | undefined,
  annotations: readonly Annotation[],
): AnnotationPlacement {
  const anchored: AnchoredAnnotation[] = [];
  const orphaned: Annotation[] = [];
  for (const annotation of annotations) {
    const { page: pageSelector, position } = annotation.selectors;
    const page = pageSelector === null ? null : pageNumberOf(pageSelector);
    const text = page === null ? null : pageText(page);
    if (page === null || text === null) {
      orphaned.push(annotation);
      continue;
    }
    if (text === undefined) {
      const start = position?.start ?? 0;
      anchored.push({ annotation, page, start, end: position?.end ?? start, provisional: true });
      continue;
    }
    const anchor = anchorHighlight(text, annotation.selectors);
    if (anchor.status === 'anchored') {
      anchored.push({ annotation, page, start: anchor.start, end: anchor.end, provisional: false });
    } else {
      orphaned.push(annotation);
    }
  }
  anchored.sort(inReadingOrder);
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

/** The highlights found on PDF pages whose text has been read, with their pages. */
export function pdfPaintableOf(placement: AnnotationPlacement): PaintablePdfHighlight[] {
  return placement.anchored.flatMap(({ annotation, page, start, end, provisional }) =>
    page === null || provisional
      ? []
      : [{ annotationId: annotation.id, colour: annotation.colour, page, start, end }],
  );
}

/** What decides where the marks go: the highlights' ids, colours and selectors. */
export function paintKeyOf(annotations: readonly Annotation[]): string {
  return JSON.stringify(
    annotations.map((annotation) => [annotation.id, annotation.colour, annotation.selectors]),
  );
}

/**
 * A placement worked out earlier, showing each highlight as it is now: tags and notes change more
 * often than where highlights lie, so the placement is not worked out again for them (and a
 * highlight removed since is left out).
 */
export function withCurrentAnnotations(
  placement: AnnotationPlacement,
  annotations: readonly Annotation[],
): AnnotationPlacement {
  const byId = new Map(annotations.map((annotation) => [annotation.id, annotation]));
  return {
    anchored: placement.anchored.flatMap((placed) => {
      const annotation = byId.get(placed.annotation.id);
      return annotation === undefined ? [] : [{ ...placed, annotation }];
    }),
    orphaned: placement.orphaned.flatMap((orphan) => byId.get(orphan.id) ?? []),
  };
}
