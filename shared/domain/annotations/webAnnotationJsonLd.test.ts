import { describe, expect, it } from 'vitest';
import { newAnnotation, type Annotation } from './annotation';
import { DEFAULT_HIGHLIGHT_MEANINGS, resolveHighlightMeanings } from './highlightColours';
import { describeTextRange } from './selectors';
import {
  MAX_IMPORT_CHARACTERS,
  MAX_IMPORTED_ANNOTATIONS,
  mergeAnnotations,
  parseWebAnnotations,
  toAnnotationCollection,
  toWebAnnotation,
  type ImportOptions,
} from './webAnnotationJsonLd';

const TEXT = 'Early heparin reduced death at 90 days (hazard ratio 0.84) without more bleeding.';
const SOURCE = 'https://doi.org/10.1056/nejmoa2400001';
const FIRST_ID = '0f8b7c2e-5d1a-4c3b-9e2f-6a7b8c9d0e1f';
const SECOND_ID = '1a2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d';

function highlight(
  passage: string,
  overrides: Partial<Annotation> = {},
  pageNumber?: number,
): Annotation {
  const start = TEXT.indexOf(passage);
  return {
    ...newAnnotation({
      id: FIRST_ID,
      itemId: 'item-1',
      source: SOURCE,
      selectors: describeTextRange(
        TEXT,
        start,
        start + passage.length,
        pageNumber === undefined ? {} : { pageNumber },
      )!,
      colour: 'yellow',
      now: '2026-03-02T09:30:00.000Z',
    }),
    ...overrides,
  };
}

let generated = 0;
const options: ImportOptions = {
  meanings: DEFAULT_HIGHLIGHT_MEANINGS,
  now: '2026-04-01T00:00:00.000Z',
  newId: () => `9c0d1e2f-3a4b-4c5d-8e6f-${String(++generated).padStart(12, '0')}`,
  itemIdForSource: (source) => (source === SOURCE ? 'item-1' : null),
};

describe('toWebAnnotation', () => {
  it('writes a W3C annotation: note, tags and the colour’s meaning as bodies, the quote and position as selectors', () => {
    const annotation = highlight('reduced death at 90 days', {
      note: 'Absolute difference about 4 points.',
      tags: ['sepsis', 'anticoagulation'],
      colour: 'red',
      updatedAt: '2026-03-03T10:00:00.000Z',
    });

    const json = toWebAnnotation(annotation, resolveHighlightMeanings({ red: 'Risk of bias' }));

    expect(json).toMatchObject({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: `urn:uuid:${FIRST_ID}`,
      type: 'Annotation',
      motivation: 'highlighting',
      created: '2026-03-02T09:30:00.000Z',
      modified: '2026-03-03T10:00:00.000Z',
      body: [
        {
          type: 'TextualBody',
          purpose: 'commenting',
          value: 'Absolute difference about 4 points.',
          format: 'text/plain',
        },
        { type: 'TextualBody', purpose: 'tagging', value: 'sepsis' },
        { type: 'TextualBody', purpose: 'tagging', value: 'anticoagulation' },
        { type: 'TextualBody', purpose: 'classifying', value: 'Risk of bias' },
      ],
      target: {
        source: SOURCE,
        styleClass: 'highlight--red',
        selector: [
          {
            type: 'TextQuoteSelector',
            exact: 'reduced death at 90 days',
            prefix: 'Early heparin ',
          },
          { type: 'TextPositionSelector', start: 14, end: 38 },
        ],
      },
    });
    expect(json.stylesheet.value).toContain('.highlight--red');
  });

  it('adds the page selector for a PDF and leaves out an empty note', () => {
    const json = toWebAnnotation(highlight('heparin', {}, 7), DEFAULT_HIGHLIGHT_MEANINGS);

    expect(json.target.selector).toContainEqual({
      type: 'FragmentSelector',
      conformsTo: 'http://tools.ietf.org/rfc/rfc3778',
      value: 'page=7',
    });
    expect(json.body.filter((body) => body.purpose === 'commenting')).toEqual([]);
  });
});

describe('a highlight on a PDF page', () => {
  const HASH = 'c0'.repeat(32);
  const FILE = `urn:sha256:${HASH}`;
  const onPdf = (scope?: string) =>
    toAnnotationCollection([highlight('heparin', { source: FILE }, 2)], {
      id: 'urn:uuid:x',
      label: 'x',
      meanings: DEFAULT_HIGHLIGHT_MEANINGS,
      ...(scope === undefined ? {} : { scopeOf: () => scope }),
    });

  it('names the PDF file as its target’s source and the paper as its scope', () => {
    const [item] = onPdf(SOURCE).first.items;

    expect(item?.target).toMatchObject({ source: FILE, scope: SOURCE });
    expect(item?.target.selector[0]).toEqual({
      type: 'FragmentSelector',
      conformsTo: 'http://tools.ietf.org/rfc/rfc3778',
      value: 'page=2',
    });
  });

  it('falls back on this library’s item as the scope, and gives none to a paper’s own highlight', () => {
    const [onFile] = onPdf().first.items;
    const onPaper = toWebAnnotation(highlight('heparin'), DEFAULT_HIGHLIGHT_MEANINGS);

    expect(onFile?.target.scope).toBe('urn:rounds:item:item-1');
    expect(onPaper.target).not.toHaveProperty('scope');
  });

  it('is imported onto the paper its scope names, keeping the file as its source', () => {
    const result = parseWebAnnotations(JSON.stringify(onPdf(SOURCE)), options);

    expect(result).toEqual({
      ok: true,
      annotations: [highlight('heparin', { source: FILE }, 2)],
      problems: [],
    });
  });

  it('is reported, naming both, when neither the file nor the paper is in the library', () => {
    const result = parseWebAnnotations(JSON.stringify(onPdf('https://doi.org/10.1/gone')), options);

    expect(result).toEqual({
      ok: true,
      annotations: [],
      problems: [
        {
          index: 0,
          message: `No paper in the library has the source ${FILE} or https://doi.org/10.1/gone.`,
        },
      ],
    });
  });
});

describe('toAnnotationCollection', () => {
  it('gathers annotations in one collection page with their count', () => {
    const collection = toAnnotationCollection(
      [highlight('heparin'), highlight('bleeding', { id: SECOND_ID })],
      {
        id: `urn:uuid:${SECOND_ID}`,
        label: 'Heparin in sepsis',
        meanings: DEFAULT_HIGHLIGHT_MEANINGS,
      },
    );

    expect(collection).toMatchObject({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'AnnotationCollection',
      label: 'Heparin in sepsis',
      total: 2,
      first: { type: 'AnnotationPage', startIndex: 0 },
    });
    expect(collection.first.items.map((item) => item.id)).toEqual([
      `urn:uuid:${FIRST_ID}`,
      `urn:uuid:${SECOND_ID}`,
    ]);
  });
});

describe('parseWebAnnotations', () => {
  it('reads back what was exported, to equal annotations', () => {
    const annotations = [
      highlight('reduced death at 90 days', {
        note: 'Line one.\nLine two.',
        tags: ['sepsis'],
        colour: 'green',
        noteId: null,
      }),
      highlight('heparin', { id: SECOND_ID, colour: 'purple' }, 3),
    ];
    const file = JSON.stringify(
      toAnnotationCollection(annotations, {
        id: 'urn:uuid:x',
        label: 'x',
        meanings: DEFAULT_HIGHLIGHT_MEANINGS,
      }),
    );

    const result = parseWebAnnotations(file, options);

    expect(result).toEqual({ ok: true, annotations, problems: [] });
  });

  it('reads a single annotation written by another tool, with only a source and a quote', () => {
    const file = JSON.stringify({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'https://annotations.example/anno/42',
      type: 'Annotation',
      bodyValue: 'Worth discussing',
      target: {
        source: SOURCE,
        selector: { type: 'TextQuoteSelector', exact: 'without more bleeding' },
      },
    });

    const result = parseWebAnnotations(file, options);

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.problems).toEqual([]);
    expect(result.annotations).toHaveLength(1);
    expect(result.annotations[0]).toMatchObject({
      itemId: 'item-1',
      source: SOURCE,
      note: 'Worth discussing',
      colour: 'yellow',
      createdAt: options.now,
      updatedAt: options.now,
      selectors: {
        quote: {
          type: 'TextQuoteSelector',
          exact: 'without more bleeding',
          prefix: '',
          suffix: '',
        },
        position: null,
        page: null,
      },
    });
    expect(result.annotations[0]?.id).toMatch(/^9c0d1e2f-/);
  });

  it('reads the colour from a classifying body when there is no style class, and a page refined by text selectors', () => {
    const file = JSON.stringify([
      {
        type: 'Annotation',
        body: [
          { type: 'TextualBody', purpose: 'classifying', value: 'question' },
          { type: 'TextualBody', purpose: 'tagging', value: ' dose ' },
        ],
        target: [
          {
            source: SOURCE,
            selector: {
              type: 'FragmentSelector',
              conformsTo: 'http://tools.ietf.org/rfc/rfc3778',
              value: 'page=2',
              refinedBy: [
                { type: 'TextQuoteSelector', exact: 'hazard ratio 0.84', prefix: 'p'.repeat(1000) },
                { type: 'TextPositionSelector', start: 40, end: 57 },
              ],
            },
          },
        ],
        created: '2025-12-01T08:00:00+01:00',
      },
    ]);

    const result = parseWebAnnotations(file, options);

    expect(result.ok && result.problems).toEqual([]);
    const [annotation] = result.ok ? result.annotations : [];
    expect(annotation).toMatchObject({
      colour: 'blue',
      tags: ['dose'],
      createdAt: '2025-12-01T07:00:00.000Z',
      updatedAt: '2025-12-01T07:00:00.000Z',
      selectors: {
        page: { value: 'page=2' },
        position: { start: 40, end: 57 },
        quote: { exact: 'hazard ratio 0.84' },
      },
    });
    expect(annotation?.selectors.quote.prefix).toBe('p'.repeat(256));
  });

  it('reports bad entries by their index with a clear message and keeps the good ones', () => {
    const good = toWebAnnotation(highlight('heparin'), DEFAULT_HIGHLIGHT_MEANINGS);
    const file = JSON.stringify([
      good,
      'not an annotation',
      { type: 'Annotation', target: 'https://example.org/paper' },
      {
        type: 'Annotation',
        target: { source: SOURCE, selector: { type: 'TextPositionSelector', start: 1, end: 4 } },
      },
      {
        type: 'Annotation',
        target: {
          source: 'https://elsewhere.example/p',
          selector: { type: 'TextQuoteSelector', exact: 'x' },
        },
      },
      {
        type: 'Annotation',
        target: {
          source: SOURCE,
          selector: { type: 'TextQuoteSelector', exact: 'x'.repeat(30_000) },
        },
      },
    ]);

    const result = parseWebAnnotations(file, options);

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.annotations.map((annotation) => annotation.id)).toEqual([FIRST_ID]);
    expect(result.problems.map((problem) => problem.index)).toEqual([1, 2, 3, 4, 5]);
    expect(result.problems[0]?.message).toMatch(/not an annotation/i);
    expect(result.problems[1]?.message).toMatch(/TextQuoteSelector/);
    expect(result.problems[2]?.message).toMatch(/TextQuoteSelector/);
    expect(result.problems[3]?.message).toContain('https://elsewhere.example/p');
    expect(result.problems[4]?.message).toMatch(/quote.*long/i);
  });

  it('refuses what is not JSON, not annotations, or too large, saying which', () => {
    expect(parseWebAnnotations('{ nope', options)).toMatchObject({ ok: false, code: 'not-json' });
    expect(parseWebAnnotations('{"type":"Person"}', options)).toMatchObject({
      ok: false,
      code: 'not-annotations',
    });
    const huge = parseWebAnnotations(' '.repeat(MAX_IMPORT_CHARACTERS + 1), options);
    expect(huge).toMatchObject({ ok: false, code: 'too-large' });
    expect(!huge.ok && huge.message).toMatch(/MB/);
    const many = JSON.stringify(Array.from({ length: MAX_IMPORTED_ANNOTATIONS + 1 }, () => ({})));
    expect(parseWebAnnotations(many, options)).toMatchObject({ ok: false, code: 'too-many' });
  });

  it('reads every page of a collection whose pages are embedded, and refuses one that links to them', () => {
    const item = toWebAnnotation(highlight('heparin'), DEFAULT_HIGHLIGHT_MEANINGS);
    const second = toWebAnnotation(
      highlight('bleeding', { id: SECOND_ID }),
      DEFAULT_HIGHLIGHT_MEANINGS,
    );
    const embedded = {
      type: 'AnnotationCollection',
      first: {
        type: 'AnnotationPage',
        items: [item],
        next: { type: 'AnnotationPage', items: [second] },
      },
    };
    const linked = { type: 'AnnotationCollection', first: 'https://annotations.example/page1' };

    const read = parseWebAnnotations(JSON.stringify(embedded), options);
    expect(read.ok && read.annotations.map((annotation) => annotation.id)).toEqual([
      FIRST_ID,
      SECOND_ID,
    ]);
    expect(parseWebAnnotations(JSON.stringify(linked), options)).toMatchObject({
      ok: false,
      code: 'not-annotations',
    });
  });
});

describe('mergeAnnotations', () => {
  const existing = highlight('heparin', { updatedAt: '2026-03-05T00:00:00.000Z', note: 'mine' });

  it('keeps the newer of two annotations with the same id', () => {
    const newer = { ...existing, note: 'theirs, newer', updatedAt: '2026-03-06T00:00:00.000Z' };
    const older = { ...existing, note: 'theirs, older', updatedAt: '2026-03-04T00:00:00.000Z' };

    expect(mergeAnnotations([existing], [newer])).toMatchObject({
      annotations: [newer],
      added: 0,
      updated: 1,
      unchanged: 0,
    });
    expect(mergeAnnotations([existing], [older])).toMatchObject({
      annotations: [existing],
      added: 0,
      updated: 0,
      unchanged: 1,
    });
  });

  it('treats the same quote at the same place of the same paper as the same annotation, whatever its id', () => {
    const sameUnderAnotherId = {
      ...existing,
      id: SECOND_ID,
      note: 'imported',
      updatedAt: '2026-03-09T00:00:00.000Z',
    };

    const result = mergeAnnotations([existing], [sameUnderAnotherId]);

    expect(result.annotations).toHaveLength(1);
    expect(result.annotations[0]).toMatchObject({
      id: FIRST_ID,
      note: 'imported',
      createdAt: existing.createdAt,
    });
    expect(result.updated).toBe(1);
  });

  it('adds annotations that are new, also the same quote elsewhere, on another page or paper', () => {
    const elsewhere = highlight('bleeding', { id: SECOND_ID });
    const otherPage = {
      ...highlight('heparin', {}, 2),
      id: '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e',
    };
    const otherPaper = {
      ...existing,
      id: '3c4d5e6f-7a8b-4c9d-8e1f-2a3b4c5d6e7f',
      source: 'https://doi.org/10.1/other',
    };

    const result = mergeAnnotations([existing], [elsewhere, otherPage, otherPaper]);

    expect(result).toMatchObject({ added: 3, updated: 0, unchanged: 0 });
    expect(result.annotations).toHaveLength(4);
  });

  it('imports a file twice without duplicates', () => {
    const file = JSON.stringify({
      ...toWebAnnotation(existing, DEFAULT_HIGHLIGHT_MEANINGS),
      id: 'https://x.example/a/1',
    });
    const first = parseWebAnnotations(file, options);
    const second = parseWebAnnotations(file, options);
    if (!first.ok || !second.ok) throw new Error('import failed');

    const once = mergeAnnotations([], first.annotations).annotations;
    const twice = mergeAnnotations(once, second.annotations);

    expect(twice.annotations).toHaveLength(1);
    expect(twice.added).toBe(0);
  });
});
