import { z } from 'zod';
import { LIBRARY_SCHEMA_VERSION, type Repaired } from '../library/libraryDocuments';
import { noteEnvelopeSchema, type NoteEnvelope } from '../notes/noteEnvelope';
import {
  type Annotation,
  annotationSchema,
  normalizeTags,
  MAX_TAG_LENGTH,
  MAX_TAGS,
} from './annotation';
import { highlightMeaningEditsSchema, type HighlightColourId } from './highlightColours';

/**
 * A rich note: on one highlight (`annotationId`) or on the whole paper (`annotationId` null). Its
 * plain text is copied into the highlight's `note`, which search and exports read.
 */
export interface StoredNote {
  /** A UUID. */
  id: string;
  itemId: string;
  annotationId: string | null;
  envelope: NoteEnvelope;
}

export const storedNoteSchema = z
  .object({
    id: z.uuid(),
    itemId: z.string().min(1).max(256),
    annotationId: z.uuid().nullable(),
    envelope: noteEnvelopeSchema,
  })
  .strict();

/** The user's tags on a whole paper (its item), as the sidebar and search see them. */
export interface PaperTags {
  itemId: string;
  /** Tidied (see normalizeTags); never empty: a paper without tags has no record. */
  tags: string[];
}

export const paperTagsSchema = z
  .object({
    itemId: z.string().min(1).max(256),
    tags: z.array(z.string().min(1).max(MAX_TAG_LENGTH)).min(1).max(MAX_TAGS),
  })
  .strict();

/** `annotations/annotations-NNN.json`: the highlights, notes and paper tags of the items hashed to it. */
export interface AnnotationShardDocument {
  schemaVersion: number;
  annotations: Annotation[];
  notes: StoredNote[];
  /** Absent in files written before papers could be tagged. */
  paperTags?: PaperTags[];
}

/** `annotation-settings.json`: what the user's highlight colours mean. */
export interface AnnotationSettingsDocument {
  schemaVersion: number;
  meanings: Partial<Record<HighlightColourId, string>>;
}

function listIn(raw: unknown, key: string): unknown[] | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const value = (raw as Record<string, unknown>)[key];
  return Array.isArray(value) ? value : null;
}

/**
 * Keeps every highlight and note that is whole and left out the rest (counted in `dropped`); a
 * second record with an id already seen is a duplicate and is dropped too. A file with neither
 * list is not this kind of document.
 */
export function repairAnnotationShard(raw: unknown): Repaired<AnnotationShardDocument> {
  const annotationsIn = listIn(raw, 'annotations');
  const notesIn = listIn(raw, 'notes');
  const paperTagsIn = listIn(raw, 'paperTags');
  let dropped = 0;
  const seen = new Set<string>();
  const annotations: Annotation[] = [];
  for (const value of annotationsIn ?? []) {
    const parsed = annotationSchema.safeParse(value);
    if (!parsed.success || seen.has(parsed.data.id)) dropped += 1;
    else {
      seen.add(parsed.data.id);
      annotations.push(parsed.data);
    }
  }
  const notes: StoredNote[] = [];
  for (const value of notesIn ?? []) {
    const parsed = storedNoteSchema.safeParse(value);
    if (!parsed.success || seen.has(parsed.data.id)) dropped += 1;
    else {
      seen.add(parsed.data.id);
      notes.push(parsed.data as StoredNote);
    }
  }
  const paperTags: PaperTags[] = [];
  const tagged = new Set<string>();
  for (const value of paperTagsIn ?? []) {
    const parsed = paperTagsSchema.safeParse(value);
    const tags = parsed.success ? normalizeTags(parsed.data.tags) : [];
    if (!parsed.success || tags.length === 0 || tagged.has(parsed.data.itemId)) dropped += 1;
    else {
      tagged.add(parsed.data.itemId);
      paperTags.push({ itemId: parsed.data.itemId, tags });
    }
  }
  return {
    document: { schemaVersion: LIBRARY_SCHEMA_VERSION, annotations, notes, paperTags },
    dropped,
    recognized: annotationsIn !== null || notesIn !== null || paperTagsIn !== null,
  };
}

/** Keeps the meanings that are text; anything else reads as the default. */
export function repairAnnotationSettings(raw: unknown): Repaired<AnnotationSettingsDocument> {
  const meanings =
    typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>).meanings : undefined;
  const parsed = highlightMeaningEditsSchema.safeParse(meanings ?? {});
  return {
    document: {
      schemaVersion: LIBRARY_SCHEMA_VERSION,
      meanings: parsed.success ? parsed.data : {},
    },
    dropped: parsed.success ? 0 : 1,
    recognized: typeof raw === 'object' && raw !== null,
  };
}
