import type { Annotation } from '@shared/domain/annotations/annotation';
import type { StoredNote } from '@shared/domain/annotations/annotationDocuments';

/**
 * What search reads of an item's annotations: the notes' text (the paper's note, and each
 * highlight's note as the highlight carries it, which also covers notes that came in an imported
 * file without their rich form), the highlighted passages with their tags, and the paper's tags.
 */
export function annotationTextOf(annotated: {
  annotations: readonly Annotation[];
  notes: readonly StoredNote[];
  /** The tags on the whole paper; absent where there are none to tell. */
  paperTags?: readonly string[];
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
    annotations: [
      ...annotated.annotations.map((annotation) =>
        [annotation.selectors.quote.exact, ...annotation.tags].join(' '),
      ),
      ...(annotated.paperTags?.length ? [annotated.paperTags.join(' ')] : []),
    ].join('\n'),
  };
}
