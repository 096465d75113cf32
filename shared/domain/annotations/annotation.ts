import { z } from 'zod';
import { highlightColourIdSchema, type HighlightColourId } from './highlightColours';
import { highlightSelectorsSchema, type HighlightSelectors } from './selectors';

/**
 * A highlight on a paper, with its plain-text note and tags: plain data, stored as is and sent
 * across IPC. The schema below checks what comes from the window or from disk.
 */
export interface Annotation {
  /** A UUID. */
  id: string;
  /** The library item the highlight was made on. */
  itemId: string;
  /**
   * What was highlighted, as a URI, so exports name it outside this library too: the paper (see
   * `paperSource`), or for a highlight on a PDF page the file itself (see `pdfFileSource`), since
   * a page and the offsets on it mean something only in that one file.
   */
  source: string;
  selectors: HighlightSelectors;
  colour: HighlightColourId;
  /** The note as plain text (searched and exported); the rich note, if any, is `noteId`'s. */
  note: string;
  noteId: string | null;
  tags: string[];
  /** ISO 8601 UTC. */
  createdAt: string;
  updatedAt: string;
}

export const MAX_NOTE_LENGTH = 50_000;
export const MAX_TAGS = 32;
export const MAX_TAG_LENGTH = 64;
export const MAX_SOURCE_LENGTH = 2_048;
const MAX_REFERENCE_LENGTH = 256;

/** An absolute URI: a scheme, a colon, and no white space. */
const ABSOLUTE_URI = /^[a-z][a-z\d+.-]*:[^\s]+$/i;
const CONTROL_CHARACTERS = /\p{Cc}/u;

export const sourceSchema = z
  .string()
  .max(MAX_SOURCE_LENGTH)
  .regex(ABSOLUTE_URI, 'A source is an absolute address such as https://doi.org/….');

const tagSchema = z
  .string()
  .min(1)
  .max(MAX_TAG_LENGTH)
  .refine((tag) => tag === tag.trim(), 'A tag has no space around it.')
  .refine((tag) => !CONTROL_CHARACTERS.test(tag), 'A tag holds no control characters.');

export const annotationSchema = z
  .object({
    id: z.uuid(),
    itemId: z.string().min(1).max(MAX_REFERENCE_LENGTH),
    source: sourceSchema,
    selectors: highlightSelectorsSchema,
    colour: highlightColourIdSchema,
    note: z.string().max(MAX_NOTE_LENGTH),
    noteId: z.string().min(1).max(MAX_REFERENCE_LENGTH).nullable(),
    tags: z
      .array(tagSchema)
      .max(MAX_TAGS)
      .refine(
        (tags) => new Set(tags.map((tag) => tag.toLocaleLowerCase())).size === tags.length,
        'A tag is given once.',
      ),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .strict();

/**
 * The URI that names a paper in annotations: its DOI as `https://doi.org/…` when known (the same
 * paper from any feed or file), else its web address, else this library's item (a PDF added from
 * a file, with neither).
 */
export function paperSource(paper: {
  doi: string | null;
  link: string | null;
  itemId: string;
}): string {
  if (paper.doi) {
    // A DOI may hold <, >, #, ? and the like; only its slashes are path separators.
    return `https://doi.org/${encodeURIComponent(paper.doi).replaceAll('%2F', '/')}`;
  }
  if (paper.link) return paper.link;
  return `urn:rounds:item:${encodeURIComponent(paper.itemId)}`;
}

const SHA256_HEX = /^[0-9a-f]{64}$/i;
const PDF_FILE_SOURCE = /^urn:sha256:([0-9a-f]{64})$/i;

/**
 * The URI that names a stored PDF file in annotations: its SHA-256 as a `urn:sha256:` name, the
 * same in every library that holds the file (where it is served at `/files/pdf/<hash>`).
 */
export function pdfFileSource(hash: string): string {
  if (!SHA256_HEX.test(hash)) throw new RangeError('A PDF is named by its SHA-256 in hex.');
  return `urn:sha256:${hash.toLowerCase()}`;
}

/** The SHA-256 (lower-case hex) of the PDF file a source names, or null for any other source. */
export function pdfHashOfSource(source: string): string | null {
  return PDF_FILE_SOURCE.exec(source)?.[1]?.toLowerCase() ?? null;
}

/** Tags as stored: trimmed, inner white space single, none empty, each once (case aside). */
export function normalizeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const normalized: string[] = [];
  for (const tag of tags) {
    const clean = tag.replace(/\s+/gu, ' ').trim().slice(0, MAX_TAG_LENGTH).trim();
    const key = clean.toLocaleLowerCase();
    if (clean === '' || CONTROL_CHARACTERS.test(clean) || seen.has(key)) continue;
    seen.add(key);
    normalized.push(clean);
  }
  return normalized.slice(0, MAX_TAGS);
}

/** A new highlight, not yet noted or tagged. */
export function newAnnotation(fields: {
  id: string;
  itemId: string;
  source: string;
  selectors: HighlightSelectors;
  colour: HighlightColourId;
  /** ISO 8601 UTC, from the caller's clock. */
  now: string;
}): Annotation {
  const { now, ...rest } = fields;
  return { ...rest, note: '', noteId: null, tags: [], createdAt: now, updatedAt: now };
}
