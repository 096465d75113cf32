import {
  annotationSchema,
  normalizeTags,
  paperSource,
  pdfHashOfSource,
  type Annotation,
} from './annotation';
import {
  DEFAULT_HIGHLIGHT_COLOUR,
  HIGHLIGHT_COLOURS,
  HIGHLIGHT_COLOUR_IDS,
  colourForMeaning,
  type HighlightColourId,
  type HighlightMeanings,
} from './highlightColours';
import {
  MAX_CONTEXT_LENGTH,
  MAX_QUOTE_LENGTH,
  PDF_PAGE_CONFORMS_TO,
  pageNumberOf,
  pdfPageSelector,
  type HighlightSelectors,
  type PdfPageSelector,
  type TextPositionSelector,
  type TextQuoteSelector,
} from './selectors';

/**
 * Annotations as W3C Web Annotation JSON-LD (https://www.w3.org/TR/annotation-model/), the form
 * other annotation tools read and write. The note, each tag and the colour's meaning are textual
 * bodies with the purposes commenting, tagging and classifying; the target is the paper's source
 * with the quote and position selectors (and for a PDF the page selector, the text selectors then
 * counting within that page). The colour itself travels as the target's `styleClass` with a small
 * stylesheet, so a file read back keeps its colours even after their meanings were renamed.
 *
 * A highlight made on a PDF page has the file as its source (`urn:sha256:…`) and the paper as the
 * target's `scope` (the resource the file is part of), so a file read back by another library is
 * put on the paper there even when that library names the file differently or not at all.
 */

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
const STYLE_CLASS_PREFIX = 'highlight--';
const UUID_URN_PREFIX = 'urn:uuid:';

export interface TextualBodyJson {
  type: 'TextualBody';
  purpose: 'commenting' | 'tagging' | 'classifying';
  value: string;
  format?: 'text/plain';
}

export type SelectorJson = TextQuoteSelector | TextPositionSelector | PdfPageSelector;

export interface WebAnnotationJson {
  '@context'?: typeof ANNOTATION_CONTEXT;
  id: string;
  type: 'Annotation';
  motivation: 'highlighting';
  created: string;
  modified: string;
  body: TextualBodyJson[];
  stylesheet: { type: 'CssStylesheet'; value: string };
  target: { source: string; scope?: string; styleClass: string; selector: SelectorJson[] };
}

export interface AnnotationCollectionJson {
  '@context': typeof ANNOTATION_CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  first: { type: 'AnnotationPage'; startIndex: 0; items: WebAnnotationJson[] };
}

function colourStylesheet(colour: HighlightColourId): string {
  const background = HIGHLIGHT_COLOURS.find((entry) => entry.id === colour)?.light.background;
  return `.${STYLE_CLASS_PREFIX}${colour} { background-color: ${background}; }`;
}

/**
 * The paper a highlight on a PDF file belongs to, for the target's scope; this library's item
 * when the caller names no better address (a DOI or the paper's link).
 */
function scopeOf(annotation: Annotation, paper: string | null): string | undefined {
  if (pdfHashOfSource(annotation.source) === null) return undefined;
  return paper ?? paperSource({ doi: null, link: null, itemId: annotation.itemId });
}

/**
 * One annotation as a standalone JSON-LD document. `paper` names the paper a highlight on a PDF
 * file belongs to (see {@link scopeOf}); other highlights name their paper as their source.
 */
export function toWebAnnotation(
  annotation: Annotation,
  meanings: HighlightMeanings,
  paper: string | null = null,
): WebAnnotationJson {
  const { quote, position, page } = annotation.selectors;
  const body: TextualBodyJson[] = [];
  if (annotation.note !== '') {
    body.push({
      type: 'TextualBody',
      purpose: 'commenting',
      value: annotation.note,
      format: 'text/plain',
    });
  }
  for (const tag of annotation.tags)
    body.push({ type: 'TextualBody', purpose: 'tagging', value: tag });
  body.push({ type: 'TextualBody', purpose: 'classifying', value: meanings[annotation.colour] });
  const selector: SelectorJson[] = [];
  if (page) selector.push({ ...page });
  selector.push({ ...quote });
  if (position) selector.push({ ...position });
  const scope = scopeOf(annotation, paper);
  return {
    '@context': ANNOTATION_CONTEXT,
    id: `${UUID_URN_PREFIX}${annotation.id}`,
    type: 'Annotation',
    motivation: 'highlighting',
    created: annotation.createdAt,
    modified: annotation.updatedAt,
    body,
    stylesheet: { type: 'CssStylesheet', value: colourStylesheet(annotation.colour) },
    target: {
      source: annotation.source,
      ...(scope === undefined ? {} : { scope }),
      styleClass: `${STYLE_CLASS_PREFIX}${annotation.colour}`,
      selector,
    },
  };
}

/**
 * Many annotations as one collection document, all in its first (and only) page. `scopeOf` gives
 * the address of the paper an annotation is on (for highlights on a PDF file), or null.
 */
export function toAnnotationCollection(
  annotations: readonly Annotation[],
  collection: {
    id: string;
    label: string;
    meanings: HighlightMeanings;
    scopeOf?: (annotation: Annotation) => string | null;
  },
): AnnotationCollectionJson {
  const items = annotations.map((annotation) => {
    const paper = collection.scopeOf?.(annotation) ?? null;
    const { '@context': _context, ...item } = toWebAnnotation(
      annotation,
      collection.meanings,
      paper,
    );
    return item;
  });
  return {
    '@context': ANNOTATION_CONTEXT,
    id: collection.id,
    type: 'AnnotationCollection',
    label: collection.label,
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
}

// Import limits: a whole library's annotations fit many times over; a file beyond them is a
// mistake or an attack, and is refused before it is parsed.
export const MAX_IMPORT_CHARACTERS = 20_000_000;
export const MAX_IMPORTED_ANNOTATIONS = 20_000;
const MAX_EMBEDDED_PAGES = 1_000;

export interface ImportOptions {
  /** The user's meanings, to recognise a colour from a classifying body. */
  meanings: HighlightMeanings;
  /** ISO 8601 UTC: the dates of entries that have none. */
  now: string;
  /** A fresh UUID, for entries whose id is not one. */
  newId: () => string;
  /**
   * The library item with this source, or null when the paper is not in the library. Asked for a
   * target's source, then for its scope (the paper a highlighted PDF file belongs to).
   */
  itemIdForSource: (source: string) => string | null;
}

/** An entry that could not be imported: its index in the file's list (from 0) and why. */
export interface ImportProblem {
  index: number;
  message: string;
}

export type ImportResult =
  | { ok: true; annotations: Annotation[]; problems: ImportProblem[] }
  | {
      ok: false;
      code: 'too-large' | 'not-json' | 'not-annotations' | 'too-many';
      message: string;
    };

type JsonRecord = Record<string, unknown>;

function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** JSON-LD lets most values be one thing or a list of them. */
function asList(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function hasType(value: JsonRecord, type: string): boolean {
  return asList(value['type']).some((entry) => entry === type || entry === `oa:${type}`);
}

function textOf(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** The annotations a document holds: one, a list, a page, or a collection of embedded pages. */
function entriesOf(document: unknown): unknown[] | null {
  if (Array.isArray(document)) return document;
  if (!isRecord(document)) return null;
  if (hasType(document, 'AnnotationCollection')) {
    const entries: unknown[] = [];
    let page = document['first'];
    for (let pages = 0; isRecord(page) && pages < MAX_EMBEDDED_PAGES; pages += 1) {
      entries.push(...asList(page['items']));
      page = page['next'];
    }
    // A page given only by its address would have to be fetched; an import reads one file.
    return page === undefined || page === null ? entries : null;
  }
  if (hasType(document, 'AnnotationPage')) return asList(document['items']);
  if (hasType(document, 'Annotation') || 'target' in document) return [document];
  return null;
}

class EntryProblem extends Error {}

function readQuote(selector: JsonRecord): TextQuoteSelector {
  const exact = textOf(selector['exact']);
  if (exact === null || exact === '') {
    throw new EntryProblem('Its TextQuoteSelector has no quoted text ("exact").');
  }
  if (exact.length > MAX_QUOTE_LENGTH) {
    throw new EntryProblem(
      `Its quote is too long (${exact.length} characters; at most ${MAX_QUOTE_LENGTH}).`,
    );
  }
  return {
    type: 'TextQuoteSelector',
    exact,
    // Longer context than ours is cut to the part next to the quote, which is what counts.
    prefix: (textOf(selector['prefix']) ?? '').slice(-MAX_CONTEXT_LENGTH),
    suffix: (textOf(selector['suffix']) ?? '').slice(0, MAX_CONTEXT_LENGTH),
  };
}

function readPosition(selector: JsonRecord): TextPositionSelector | null {
  const { start, end } = selector;
  const valid = Number.isSafeInteger(start) && Number.isSafeInteger(end) && 0 <= (start as number);
  return valid && (start as number) < (end as number)
    ? { type: 'TextPositionSelector', start: start as number, end: end as number }
    : null;
}

/** The selectors of a target, flat (as we write them) or a page refined by text selectors. */
function readSelectors(target: JsonRecord): HighlightSelectors {
  let quote: TextQuoteSelector | null = null;
  let position: TextPositionSelector | null = null;
  let page: PdfPageSelector | null = null;
  const visit = (selectors: unknown[], depth: number): void => {
    for (const selector of selectors) {
      if (!isRecord(selector)) continue;
      if (hasType(selector, 'TextQuoteSelector')) quote ??= readQuote(selector);
      else if (hasType(selector, 'TextPositionSelector')) position ??= readPosition(selector);
      else if (
        hasType(selector, 'FragmentSelector') &&
        selector['conformsTo'] === PDF_PAGE_CONFORMS_TO &&
        typeof selector['value'] === 'string'
      ) {
        const pageNumber = pageNumberOf({
          type: 'FragmentSelector',
          conformsTo: PDF_PAGE_CONFORMS_TO,
          value: selector['value'],
        });
        if (pageNumber !== null && pageNumber <= 999_999) page ??= pdfPageSelector(pageNumber);
      }
      if (depth < 3) visit(asList(selector['refinedBy']), depth + 1);
    }
  };
  visit(asList(target['selector']), 0);
  if (quote === null) throw new EntryProblem('Its target has no TextQuoteSelector to anchor on.');
  return { quote, position, page };
}

function readTarget(entry: JsonRecord): {
  target: JsonRecord;
  source: string;
  scope: string | null;
} {
  const targets = asList(entry['target']).filter(isRecord);
  const withQuote = targets.find((target) =>
    asList(target['selector']).some(
      (selector) =>
        isRecord(selector) &&
        (hasType(selector, 'TextQuoteSelector') ||
          asList(selector['refinedBy']).some(
            (inner) => isRecord(inner) && hasType(inner, 'TextQuoteSelector'),
          )),
    ),
  );
  const target = withQuote ?? targets[0];
  if (!target) {
    throw new EntryProblem(
      'Its target names no passage (it needs a source and a TextQuoteSelector).',
    );
  }
  const source = textOf(target['source']) ?? '';
  if (source === '') throw new EntryProblem('Its target has no source naming the paper.');
  const scope = asList(target['scope']).find(
    (entry): entry is string => typeof entry === 'string' && entry !== '',
  );
  return { target, source, scope: scope ?? null };
}

interface ReadBodies {
  notes: string[];
  tags: string[];
  classifications: string[];
}

function readBodies(entry: JsonRecord): ReadBodies {
  const read: ReadBodies = { notes: [], tags: [], classifications: [] };
  const bodyValue = textOf(entry['bodyValue']);
  if (bodyValue !== null) read.notes.push(bodyValue);
  for (const body of asList(entry['body'])) {
    if (!isRecord(body)) continue;
    const value = textOf(body['value']);
    if (value === null) continue;
    const purposes = asList(body['purpose']);
    if (purposes.includes('tagging')) read.tags.push(value);
    else if (purposes.includes('classifying')) read.classifications.push(value);
    else read.notes.push(value);
  }
  return read;
}

function readColour(
  target: JsonRecord,
  classifications: string[],
  meanings: HighlightMeanings,
): HighlightColourId {
  for (const styleClass of asList(target['styleClass'])) {
    if (typeof styleClass !== 'string' || !styleClass.startsWith(STYLE_CLASS_PREFIX)) continue;
    const id = styleClass.slice(STYLE_CLASS_PREFIX.length);
    const known = HIGHLIGHT_COLOUR_IDS.find((colour) => colour === id);
    if (known) return known;
  }
  for (const classification of classifications) {
    const colour = colourForMeaning(classification, meanings);
    if (colour) return colour;
  }
  return DEFAULT_HIGHLIGHT_COLOUR;
}

/** An ISO 8601 date as UTC with milliseconds, or null when it is not a date. */
function readDate(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

function readId(value: unknown, newId: () => string): string {
  const id = typeof value === 'string' ? value.replace(/^urn:uuid:/i, '') : '';
  return UUID.test(id) ? id.toLowerCase() : newId();
}

function readEntry(entry: unknown, options: ImportOptions): Annotation {
  if (!isRecord(entry)) throw new EntryProblem('It is not an annotation (not a JSON object).');
  const { target, source, scope } = readTarget(entry);
  const selectors = readSelectors(target);
  const itemId =
    options.itemIdForSource(source) ?? (scope === null ? null : options.itemIdForSource(scope));
  if (itemId === null) {
    const named = scope === null ? source : `${source} or ${scope}`;
    throw new EntryProblem(`No paper in the library has the source ${named}.`);
  }
  const bodies = readBodies(entry);
  const createdAt = readDate(entry['created']) ?? options.now;
  const candidate: Annotation = {
    id: readId(entry['id'], options.newId),
    itemId,
    source,
    selectors,
    colour: readColour(target, bodies.classifications, options.meanings),
    note: bodies.notes.join('\n\n'),
    noteId: null,
    tags: normalizeTags(bodies.tags),
    createdAt,
    updatedAt: readDate(entry['modified']) ?? createdAt,
  };
  const checked = annotationSchema.safeParse(candidate);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const where = issue?.path.join('.') || 'annotation';
    throw new EntryProblem(`Its ${where} is not valid: ${issue?.message ?? 'unknown problem'}.`);
  }
  return checked.data;
}

/**
 * Reads a Web Annotation file: one annotation, a list, an AnnotationPage or an
 * AnnotationCollection with embedded pages, written by Rounds or by another tool (an entry needs a
 * target with a source and a TextQuoteSelector; the rest is optional). Entries that cannot be read
 * are reported by index and left out; a file that is too large, not JSON or holds no annotations
 * is refused whole.
 */
export function parseWebAnnotations(fileText: string, options: ImportOptions): ImportResult {
  if (fileText.length > MAX_IMPORT_CHARACTERS) {
    return {
      ok: false,
      code: 'too-large',
      message: `This file is too large to import (${(fileText.length / 1e6).toFixed(1)} MB; at most ${MAX_IMPORT_CHARACTERS / 1e6} MB).`,
    };
  }
  let document: unknown;
  try {
    document = JSON.parse(fileText);
  } catch {
    return {
      ok: false,
      code: 'not-json',
      message: 'This file is not JSON, so it holds no annotations.',
    };
  }
  const entries = entriesOf(document);
  if (entries === null) {
    return {
      ok: false,
      code: 'not-annotations',
      message:
        'This file holds no Web Annotations (nor a collection whose pages are inside the file).',
    };
  }
  if (entries.length > MAX_IMPORTED_ANNOTATIONS) {
    return {
      ok: false,
      code: 'too-many',
      message: `This file holds ${entries.length} annotations; at most ${MAX_IMPORTED_ANNOTATIONS} can be imported at once.`,
    };
  }
  const annotations: Annotation[] = [];
  const problems: ImportProblem[] = [];
  entries.forEach((entry, index) => {
    try {
      annotations.push(readEntry(entry, options));
    } catch (error) {
      if (!(error instanceof EntryProblem)) throw error;
      problems.push({ index, message: error.message });
    }
  });
  return { ok: true, annotations, problems };
}

export interface MergeResult {
  annotations: Annotation[];
  added: number;
  updated: number;
  unchanged: number;
}

/** Same paper, same quoted words, same place: the same highlight, whatever its id. */
function sameHighlightKey(annotation: Annotation): string {
  const { quote, position, page } = annotation.selectors;
  return JSON.stringify([
    annotation.source,
    quote.exact,
    position?.start ?? null,
    position?.end ?? null,
    page?.value ?? null,
  ]);
}

/**
 * Merges imported annotations into existing ones without duplicates. An annotation with an
 * existing id replaces it only when its `updatedAt` is later. One with a new id but the same
 * source, quote, position and page as an existing one is that annotation: it keeps the existing
 * id and creation date and takes the imported content when that is newer. Anything else is added.
 */
export function mergeAnnotations(
  existing: readonly Annotation[],
  imported: readonly Annotation[],
): MergeResult {
  const merged = [...existing];
  const indexById = new Map(merged.map((annotation, index) => [annotation.id, index]));
  const indexByKey = new Map(
    merged.map((annotation, index) => [sameHighlightKey(annotation), index]),
  );
  const result = { added: 0, updated: 0, unchanged: 0 };
  for (const incoming of imported) {
    const index = indexById.get(incoming.id) ?? indexByKey.get(sameHighlightKey(incoming));
    if (index === undefined) {
      indexById.set(incoming.id, merged.length);
      indexByKey.set(sameHighlightKey(incoming), merged.length);
      merged.push(incoming);
      result.added += 1;
      continue;
    }
    const current = merged[index] as Annotation;
    if (Date.parse(incoming.updatedAt) > Date.parse(current.updatedAt)) {
      const replacement = { ...incoming, id: current.id, createdAt: current.createdAt };
      merged[index] = replacement;
      indexByKey.set(sameHighlightKey(replacement), index);
      result.updated += 1;
    } else {
      result.unchanged += 1;
    }
  }
  return { annotations: merged, ...result };
}
