import { z } from 'zod';
import {
  type Annotation,
  annotationSchema,
  MAX_TAG_LENGTH,
  MAX_TAGS,
} from '../domain/annotations/annotation';
import type { StoredNote } from '../domain/annotations/annotationDocuments';
import {
  type HighlightMeanings,
  highlightMeaningEditsSchema,
} from '../domain/annotations/highlightColours';
import { MAX_IMPORT_CHARACTERS } from '../domain/annotations/webAnnotationJsonLd';
import { PHI_TYPES } from '../domain/guard/findings';
import type { ExportFinding } from '../domain/guard/exportGuard';
import { MAX_NOTE_BYTES, noteEnvelopeSchema } from '../domain/notes/noteEnvelope';
import { method, service } from './define';
import { DISMISSAL_REASONS } from './share';

export type { Annotation } from '../domain/annotations/annotation';
export type { StoredNote } from '../domain/annotations/annotationDocuments';
export type { HighlightMeanings } from '../domain/annotations/highlightColours';
export type { ExportFinding, KeptFinding } from '../domain/guard/exportGuard';

/** An item's highlights and notes, with what the colours mean. */
export interface ItemAnnotations {
  itemId: string;
  /** In the order they were made; the window anchors them in the paper's current text. */
  annotations: Annotation[];
  /** The paper's note (annotationId null) and the notes on highlights. */
  notes: StoredNote[];
  /** The user's tags on the whole paper (tags on one highlight are the highlight's). */
  paperTags: string[];
  meanings: HighlightMeanings;
}

/** A file for the window to save: its suggested name and its text. */
export interface ExportedFile {
  fileName: string;
  mediaType: 'text/markdown' | 'application/ld+json';
  text: string;
}

/** What importing a Web Annotation file did. */
export interface AnnotationImport {
  added: number;
  updated: number;
  unchanged: number;
  /** Entries left out, by their place in the file (from 0), with why. */
  problems: { index: number; message: string }[];
}

const itemId = z.string().min(1).max(256);

/**
 * The privacy guard's findings the user keeps in an exported file, each with a reason (matched by
 * type and text). Shared by every export that the guard blocks: annotations and session bundles.
 */
export const keptFindingsSchema = z
  .array(
    z.object({
      type: z.enum(PHI_TYPES),
      text: z.string().min(1).max(2_000),
      reason: z.enum(DISMISSAL_REASONS),
      note: z.string().max(500).optional(),
    }),
  )
  .max(1_000)
  .default([]);

/**
 * The `annotations` service: highlights on papers (W3C Web Annotation selectors), notes (Lexical
 * documents in a versioned envelope), what the colours mean, and exports. Everything here is the
 * user's own work: it is kept with a last good copy and never expires.
 */
export const annotationsContract = service('annotations', {
  /** An item's highlights and notes. */
  forItem: method<ItemAnnotations>()({ args: z.tuple([z.object({ itemId })]) }),
  /**
   * Adds a highlight or replaces one with the same id (its colour, tags, selectors). Its
   * `updatedAt` is set by the backend; its `note` is the note's, set through `saveNote`. Fails with
   * `not-found` when the item is not in the library.
   */
  save: method<Annotation>()({
    args: z.tuple([z.object({ annotation: annotationSchema })]),
    errors: ['not-found'],
  }),
  /** Removes a highlight and the note on it. */
  remove: method<{ id: string }>()({
    args: z.tuple([z.object({ id: z.uuid() })]),
    errors: ['not-found'],
  }),
  /**
   * Saves the note on a highlight (`annotationId`) or on the whole paper (null). Its plain text is
   * worked out again here, so search reads what the note says. Fails with `not-found` for a
   * highlight that is not there, `invalid-note` for a note too large, too deep or from a newer
   * Rounds.
   */
  saveNote: method<StoredNote>()({
    args: z.tuple([
      z.object({ itemId, annotationId: z.uuid().nullable(), envelope: noteEnvelopeSchema }),
    ]),
    errors: ['not-found', 'invalid-note'],
    // The note itself may be MAX_NOTE_BYTES; the rest of the request is small.
    maxRequestBytes: MAX_NOTE_BYTES * 2,
  }),
  /**
   * Sets the tags on a whole paper, tidied (trimmed, each once whatever its case); an empty list
   * removes them. Tags are searchable, and a tagged paper counts as annotated. Fails with
   * `not-found` when the item is not in the library.
   */
  setPaperTags: method<{ itemId: string; tags: string[] }>()({
    args: z.tuple([
      z.object({
        itemId,
        tags: z.array(z.string().max(MAX_TAG_LENGTH)).max(MAX_TAGS),
      }),
    ]),
    errors: ['not-found'],
  }),
  /** What each highlight colour means to this user (their wording, else the defaults). */
  meanings: method<HighlightMeanings>()({ args: z.tuple([]) }),
  /** Renames the colours' meanings; a blank one goes back to its default. */
  setMeanings: method<HighlightMeanings>()({
    args: z.tuple([z.object({ meanings: highlightMeaningEditsSchema })]),
  }),
  /**
   * The privacy guard's findings in what an export of one paper's (or, without `itemId`, every
   * annotated paper's) highlights would carry: the quotes, the notes and the tags. Every finding,
   * kept or not, so the window can ask about each before exporting. Fails with `not-found` as the
   * exports do.
   */
  exportFindings: method<ExportFinding[]>()({
    args: z.tuple([z.object({ itemId: itemId.optional() })]),
    errors: ['not-found'],
  }),
  /**
   * One paper's highlights and notes (or, without `itemId`, every annotated paper's) as Markdown,
   * grouped by the colours' meanings or in reading order. The privacy guard runs on the file's
   * text first: it fails with `blocked`, naming what it found, until every finding is in `kept`.
   */
  exportMarkdown: method<ExportedFile>()({
    args: z.tuple([
      z.object({
        itemId: itemId.optional(),
        groupBy: z.enum(['colour', 'position']).default('colour'),
        kept: keptFindingsSchema,
      }),
    ]),
    errors: ['not-found', 'blocked'],
  }),
  /**
   * The same as W3C Web Annotation JSON-LD, which `importWebAnnotations` reads back; blocked by
   * the privacy guard in the same way.
   */
  exportWebAnnotations: method<ExportedFile>()({
    args: z.tuple([z.object({ itemId: itemId.optional(), kept: keptFindingsSchema })]),
    errors: ['not-found', 'blocked'],
  }),
  /**
   * Reads a Web Annotation file (ours or another tool's) and merges it: nothing is duplicated, and
   * an annotation already here is replaced only by a newer one. Entries on papers not in the
   * library are reported, not imported. Fails with `invalid-file` when the file is not JSON, holds
   * no annotations or is over the limits.
   */
  importWebAnnotations: method<AnnotationImport>()({
    args: z.tuple([z.object({ text: z.string().max(MAX_IMPORT_CHARACTERS) })]),
    errors: ['invalid-file'],
    maxRequestBytes: MAX_IMPORT_CHARACTERS * 4 + 1_024,
  }),
});
