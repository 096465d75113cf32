import type { Annotation } from '@shared/domain/annotations/annotation';
import type { StoredNote } from '@shared/domain/annotations/annotationDocuments';
import type { HighlightColourId } from '@shared/domain/annotations/highlightColours';

/** What the user made on papers: highlights, notes and what the colours mean. */
export interface AnnotationStore {
  /** An item's highlights (in the order made) and notes. */
  forItem(itemId: string): { annotations: Annotation[]; notes: StoredNote[]; paperTags: string[] };
  /** Sets the tags on a whole paper (none removes them); resolves once on disk. */
  putPaperTags(itemId: string, tags: readonly string[]): Promise<void>;
  annotation(id: string): Annotation | undefined;
  /** Every highlight, for exports. */
  all(): Annotation[];
  /** Items with at least one highlight or note. */
  annotatedItemIds(): string[];
  /** Adds or replaces highlights; resolves once on disk. */
  putAnnotations(annotations: readonly Annotation[]): Promise<void>;
  /** Removes a highlight and the note on it; resolves with what was removed once on disk. */
  removeAnnotation(id: string): Promise<Annotation | undefined>;
  /** The note on a highlight, or on the paper (annotationId null). */
  noteFor(itemId: string, annotationId: string | null): StoredNote | undefined;
  /** Adds or replaces a note; resolves once on disk. */
  putNote(note: StoredNote): Promise<void>;
  /** The user's own wording of the colours' meanings (any may be missing). */
  meaningEdits(): Partial<Record<HighlightColourId, string>>;
  saveMeaningEdits(edits: Partial<Record<HighlightColourId, string>>): Promise<void>;
  /** Waits for pending writes and releases the files. */
  close(): Promise<void>;
}
