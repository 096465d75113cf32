import type { Annotation } from '@shared/domain/annotations/annotation';
import type { StoredNote } from '@shared/domain/annotations/annotationDocuments';

/**
 * What search reads of an item's annotations: the notes' text (the paper's note, and each
 * highlight's note as the highlight carries it, which also covers notes that came in an imported
 * file without their rich form), and the highlighted passages with their tags.
 */
export function annotationTextOf(annotated: {
  annotations: readonly Annotation[];
  notes: readonly StoredNote[];
}): { notes: string; annotations: string } {
  return {
    notes: [
      ...annotated.notes
        .filter((note) => note.annotationId === null)
        .map((note) => note.envelope.plainText),
      ...annotated.annotations.map((annotation) => annotation.note),
    ]
      .filter((text) => text !== '')
      .join('\n'),
    annotations: annotated.annotations
      .map((annotation) => [annotation.selectors.quote.exact, ...annotation.tags].join(' '))
      .join('\n'),
  };
}
