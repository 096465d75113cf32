import { describe, expect, it } from 'vitest';
import {
  MAX_NOTE_BYTES,
  MAX_NOTE_NESTING,
  NOTE_FORMAT,
  NOTE_FORMAT_VERSION,
  createNoteEnvelope,
  readNoteEnvelope,
  readStoredNote,
  type SerializedNoteEditorState,
  type SerializedNoteNode,
} from './noteEnvelope';

const UPDATED_AT = '2026-03-04T05:06:07.000Z';

function paragraph(text: string): SerializedNoteNode {
  return {
    type: 'paragraph',
    version: 1,
    direction: null,
    format: '',
    indent: 0,
    textFormat: 0,
    textStyle: '',
    children: [{ type: 'text', version: 1, text, format: 0, style: '', mode: 'normal', detail: 0 }],
  };
}

function documentOf(...blocks: SerializedNoteNode[]): SerializedNoteEditorState {
  return {
    root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children: blocks },
  };
}

/** A document whose blocks sit `levels` element levels below the root (lists within lists). */
function nestedDocument(levels: number): SerializedNoteEditorState {
  let node: SerializedNoteNode = paragraph('deep');
  for (let level = 1; level < levels; level += 1) {
    node = { type: 'listitem', version: 1, value: 1, children: [node] };
  }
  return documentOf(node);
}

function storedEnvelope(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    format: NOTE_FORMAT,
    version: NOTE_FORMAT_VERSION,
    editorState: documentOf(paragraph('Mortality fell.')),
    plainText: 'Mortality fell.',
    updatedAt: UPDATED_AT,
    ...overrides,
  };
}

describe('createNoteEnvelope', () => {
  it('wraps the editor state with its plain text and time, in the current format', () => {
    const result = createNoteEnvelope({
      editorState: documentOf(paragraph('Mortality fell.')),
      plainText: 'Mortality fell.',
      updatedAt: new Date(UPDATED_AT),
    });

    expect(result).toEqual({ ok: true, envelope: storedEnvelope() });
  });

  it('refuses a note larger than the cap, saying how large a note may be', () => {
    const text = 'a'.repeat(MAX_NOTE_BYTES);
    const result = createNoteEnvelope({
      editorState: documentOf(paragraph(text)),
      plainText: text,
      updatedAt: new Date(UPDATED_AT),
    });

    expect(result).toEqual({
      ok: false,
      code: 'too-large',
      message: 'This note is too long to save (more than 512 KB). Split it into two notes.',
    });
  });

  it('counts the size in UTF-8 bytes, so a note of accented or CJK text is not let through', () => {
    // 3 bytes each in UTF-8: a third of the cap in characters is already over it with the rest.
    const text = '症'.repeat(Math.ceil(MAX_NOTE_BYTES / 6));
    const result = createNoteEnvelope({
      editorState: documentOf(paragraph(text)),
      plainText: text,
      updatedAt: new Date(UPDATED_AT),
    });

    expect(result.ok).toBe(false);
  });

  it('refuses a note nested more deeply than the cap', () => {
    const result = createNoteEnvelope({
      editorState: nestedDocument(MAX_NOTE_NESTING + 1),
      plainText: 'deep',
      updatedAt: new Date(UPDATED_AT),
    });

    expect(result).toEqual({
      ok: false,
      code: 'too-deep',
      message: `This note has lists or quotes nested more than ${MAX_NOTE_NESTING} levels deep, which Rounds cannot store.`,
    });
  });

  it('accepts a note nested exactly as deeply as the cap', () => {
    const result = createNoteEnvelope({
      editorState: nestedDocument(MAX_NOTE_NESTING),
      plainText: 'deep',
      updatedAt: new Date(UPDATED_AT),
    });

    expect(result.ok).toBe(true);
  });
});

describe('readNoteEnvelope', () => {
  it('reads back what createNoteEnvelope made', () => {
    expect(readNoteEnvelope(storedEnvelope())).toEqual({ ok: true, envelope: storedEnvelope() });
  });

  it('keeps node properties it does not know, so a newer node type survives a round trip', () => {
    const withCustomNode = documentOf({
      type: 'passage-quote',
      version: 1,
      annotationId: 'annotation-1',
      page: 4,
      children: [],
    });
    const result = readNoteEnvelope(storedEnvelope({ editorState: withCustomNode }));

    expect(result.ok && result.envelope.editorState).toEqual(withCustomNode);
  });

  it('refuses an envelope written by a newer Rounds, saying so', () => {
    const result = readNoteEnvelope(storedEnvelope({ version: 2, editorState: 'anything' }));

    expect(result).toEqual({
      ok: false,
      code: 'newer-version',
      message:
        'This note was written by a newer version of Rounds (note format 2). Update Rounds to open it; the note is kept as it is.',
    });
  });

  it.each([
    ['not an object', 'hello'],
    ['another format', { ...storedEnvelope(), format: 'something-else' }],
    ['no root', storedEnvelope({ editorState: { notRoot: true } })],
    ['a root that is not the root', storedEnvelope({ editorState: { root: paragraph('x') } })],
    [
      'a node without a type',
      storedEnvelope({
        editorState: documentOf({ children: [] } as unknown as SerializedNoteNode),
      }),
    ],
    ['plain text that is not text', storedEnvelope({ plainText: 12 })],
    ['a time that is not a time', storedEnvelope({ updatedAt: 'yesterday' })],
    ['a version that is not a number', storedEnvelope({ version: '1' })],
  ])('refuses %s as a damaged note', (_case, value) => {
    const result = readNoteEnvelope(value);

    expect(result.ok).toBe(false);
    expect(!result.ok && result.code).toBe('damaged');
    expect(!result.ok && result.message).toMatch(/^This note could not be read/);
  });

  it('refuses a value nested too deeply before validating it', () => {
    const result = readNoteEnvelope(storedEnvelope({ editorState: nestedDocument(5_000) }));

    expect(!result.ok && result.code).toBe('too-deep');
  });
});

describe('readStoredNote', () => {
  it('reads the stored JSON text of a note', () => {
    expect(readStoredNote(JSON.stringify(storedEnvelope()))).toEqual({
      ok: true,
      envelope: storedEnvelope(),
    });
  });

  it('refuses text over the size cap without parsing it', () => {
    const result = readStoredNote(' '.repeat(MAX_NOTE_BYTES + 1));

    expect(!result.ok && result.code).toBe('too-large');
  });

  it('refuses text nested hundreds of thousands of levels deep without parsing it', () => {
    const result = readStoredNote('['.repeat(200_000) + ']'.repeat(200_000));

    expect(!result.ok && result.code).toBe('too-deep');
  });

  it('does not count brackets inside strings towards the depth', () => {
    const bracketText = '[{'.repeat(500);
    const result = readStoredNote(JSON.stringify(storedEnvelope({ plainText: bracketText })));

    expect(result.ok).toBe(true);
  });

  it('refuses text that is not JSON as a damaged note', () => {
    const result = readStoredNote('{"format": "rounds-note",');

    expect(!result.ok && result.code).toBe('damaged');
  });
});
