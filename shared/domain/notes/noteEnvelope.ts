import { z } from 'zod';
import { jsonTextNestsDeeperThan, utf8ByteLength, valueNestsDeeperThan } from '../json/jsonLimits';

// A note is a Lexical document wrapped in a small versioned envelope.
//
// Everything a note means lives inside the Lexical document itself: its text, its formatting, its
// links and the citation of every quoted passage (as properties of the quote node). Nothing is
// kept in a side table keyed by node. A club will later edit a note together through Yjs, where
// `@lexical/yjs` binds one Y.XmlText to the editor's root and carries exactly the document's nodes
// and their properties; whatever lived outside the document could not travel with it. The
// envelope's other fields are derived (`plainText`) or bookkeeping (`updatedAt`), so they can be
// recomputed from the document on any machine.

/** Identifies a stored note, so a note is never mistaken for another kind of document. */
export const NOTE_FORMAT = 'rounds-note';

/** The envelope version this build writes; a newer one is refused rather than rewritten. */
export const NOTE_FORMAT_VERSION = 1;

/** The largest stored note, serialised as JSON, in UTF-8 bytes. */
export const MAX_NOTE_BYTES = 512 * 1024;

/** How many elements (lists, list items, quotes, paragraphs) may sit inside one another. */
export const MAX_NOTE_NESTING = 40;

// Each element level costs two JSON levels (the node and its `children` array); the rest covers
// the envelope, the root, the text nodes and any node state object.
const MAX_JSON_NESTING = 2 * MAX_NOTE_NESTING + 16;

/** One node of a serialised Lexical document; every property beyond these is kept as written. */
export interface SerializedNoteNode {
  type: string;
  children?: SerializedNoteNode[];
  [property: string]: unknown;
}

/** Lexical's serialised editor state (`editorState.toJSON()`). */
export interface SerializedNoteEditorState {
  root: SerializedNoteNode;
}

/** A note as stored and as sent between the window and the backend. */
export interface NoteEnvelope {
  format: typeof NOTE_FORMAT;
  version: typeof NOTE_FORMAT_VERSION;
  editorState: SerializedNoteEditorState;
  /** The note's text, one block per line: what search indexes. */
  plainText: string;
  /** When the note was last changed, ISO 8601 UTC. */
  updatedAt: string;
}

export type NoteEnvelopeFailureCode = 'too-large' | 'too-deep' | 'newer-version' | 'damaged';

export type NoteEnvelopeResult =
  | { ok: true; envelope: NoteEnvelope }
  | { ok: false; code: NoteEnvelopeFailureCode; message: string };

// Lexical nodes carry properties per type (format, indent, url, citation…), which the editor
// checks when it parses the document; here only the tree's shape is checked, and unknown
// properties pass through untouched so a node from a later build is not stripped.
const serializedNodeSchema: z.ZodType<SerializedNoteNode> = z.looseObject({
  type: z.string().min(1),
  get children() {
    return z.array(serializedNodeSchema).optional();
  },
});

const editorStateSchema: z.ZodType<SerializedNoteEditorState> = z.looseObject({
  root: serializedNodeSchema.refine((root) => root.type === 'root', {
    message: 'the document has no root',
  }),
});

/** The stored note's schema (current version only; see `readNoteEnvelope` for older or newer). */
export const noteEnvelopeSchema = z.object({
  format: z.literal(NOTE_FORMAT),
  version: z.literal(NOTE_FORMAT_VERSION),
  editorState: editorStateSchema,
  plainText: z.string(),
  updatedAt: z.iso.datetime(),
});

export interface NoteEnvelopeInput {
  editorState: SerializedNoteEditorState;
  plainText: string;
  updatedAt: Date;
}

/**
 * Wraps the editor's document for storage, refusing a note too large or too deeply nested to be
 * stored (the editor keeps the text and shows the message).
 */
export function createNoteEnvelope(input: NoteEnvelopeInput): NoteEnvelopeResult {
  const envelope: NoteEnvelope = {
    format: NOTE_FORMAT,
    version: NOTE_FORMAT_VERSION,
    editorState: input.editorState,
    plainText: input.plainText,
    updatedAt: input.updatedAt.toISOString(),
  };
  const nestingFailure = nestingFailureOf(envelope);
  if (nestingFailure !== null) return nestingFailure;
  if (utf8ByteLength(JSON.stringify(envelope)) > MAX_NOTE_BYTES) return tooLarge();
  return { ok: true, envelope };
}

/** Reads a stored note from its JSON text, checking size and nesting before parsing it. */
export function readStoredNote(json: string): NoteEnvelopeResult {
  // A UTF-16 code unit is at least one UTF-8 byte, so a long text is refused without counting.
  if (json.length > MAX_NOTE_BYTES || utf8ByteLength(json) > MAX_NOTE_BYTES) return tooLarge();
  if (jsonTextNestsDeeperThan(json, MAX_JSON_NESTING)) return tooDeep();
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return damaged('it is not valid JSON');
  }
  return readNoteEnvelope(value);
}

/**
 * Reads a stored note that is already parsed. An envelope written by a newer Rounds is refused
 * with a message saying so, never dropped or rewritten: its owner keeps the stored value as is.
 */
export function readNoteEnvelope(value: unknown): NoteEnvelopeResult {
  if (valueNestsDeeperThan(value, MAX_JSON_NESTING)) return tooDeep();
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return damaged('it is not a Rounds note');
  }
  const { format, version } = value as Record<string, unknown>;
  if (format !== NOTE_FORMAT) return damaged('it is not a Rounds note');
  if (typeof version === 'number' && version > NOTE_FORMAT_VERSION) {
    return {
      ok: false,
      code: 'newer-version',
      message: `This note was written by a newer version of Rounds (note format ${version}). Update Rounds to open it; the note is kept as it is.`,
    };
  }
  const parsed = noteEnvelopeSchema.safeParse(value);
  if (!parsed.success) return damaged(describeIssue(parsed.error.issues[0]));
  const envelope = parsed.data as NoteEnvelope;
  return nestingFailureOf(envelope) ?? { ok: true, envelope };
}

function nestingFailureOf(envelope: NoteEnvelope): NoteEnvelopeResult | null {
  if (valueNestsDeeperThan(envelope, MAX_JSON_NESTING)) return tooDeep();
  return elementNestingOf(envelope.editorState.root) > MAX_NOTE_NESTING ? tooDeep() : null;
}

/** How many elements sit inside one another below the root, the root itself not counted. */
function elementNestingOf(root: SerializedNoteNode): number {
  let deepest = 0;
  const pending: { node: SerializedNoteNode; level: number }[] = [{ node: root, level: 0 }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    deepest = Math.max(deepest, next.level);
    for (const child of next.node.children ?? []) {
      if (Array.isArray(child.children)) pending.push({ node: child, level: next.level + 1 });
    }
  }
  return deepest;
}

function describeIssue(issue: z.core.$ZodIssue | undefined): string {
  if (issue === undefined) return 'its contents are not a note';
  const where = issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
  return `${issue.message}${where}`;
}

function tooLarge(): NoteEnvelopeResult {
  return {
    ok: false,
    code: 'too-large',
    message: `This note is too long to save (more than ${MAX_NOTE_BYTES / 1024} KB). Split it into two notes.`,
  };
}

function tooDeep(): NoteEnvelopeResult {
  return {
    ok: false,
    code: 'too-deep',
    message: `This note has lists or quotes nested more than ${MAX_NOTE_NESTING} levels deep, which Rounds cannot store.`,
  };
}

function damaged(detail: string): NoteEnvelopeResult {
  return { ok: false, code: 'damaged', message: `This note could not be read: ${detail}.` };
}
