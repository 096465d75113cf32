import { describe, expect, it } from 'vitest';
import {
  annotationSchema,
  newAnnotation,
  normalizeTags,
  paperSource,
  pdfFileSource,
  pdfHashOfSource,
  type Annotation,
} from './annotation';
import { describeTextRange } from './selectors';

const NOW = '2026-03-02T09:30:00.000Z';
const ID = '0f8b7c2e-5d1a-4c3b-9e2f-6a7b8c9d0e1f';

function sample(overrides: Partial<Annotation> = {}): Annotation {
  return {
    ...newAnnotation({
      id: ID,
      itemId: 'item-1',
      source: 'https://doi.org/10.1056/nejmoa2400001',
      selectors: describeTextRange('Heparin reduced death at 90 days.', 0, 7)!,
      colour: 'yellow',
      now: NOW,
    }),
    ...overrides,
  };
}

describe('paperSource', () => {
  it('is the DOI as a doi.org address when the paper has one', () => {
    expect(
      paperSource({ doi: '10.1056/NEJMoa2400001', link: 'https://nejm.org/x', itemId: 'i' }),
    ).toBe('https://doi.org/10.1056/NEJMoa2400001');
  });

  it('escapes what a DOI may hold that an address may not', () => {
    expect(paperSource({ doi: '10.1002/(SICI)1097<12:3>#x?y', link: null, itemId: 'i' })).toBe(
      'https://doi.org/10.1002/(SICI)1097%3C12%3A3%3E%23x%3Fy',
    );
  });

  it('is the paper’s link without a DOI, and the item itself without either', () => {
    expect(paperSource({ doi: null, link: 'https://example.org/paper', itemId: 'i' })).toBe(
      'https://example.org/paper',
    );
    expect(paperSource({ doi: null, link: null, itemId: 'abc 1' })).toBe('urn:rounds:item:abc%201');
  });
});

describe('pdfFileSource', () => {
  const HASH = 'ab'.repeat(32);

  it('names a PDF file by its SHA-256, which pdfHashOfSource reads back', () => {
    expect(pdfFileSource(HASH)).toBe(`urn:sha256:${HASH}`);
    expect(pdfHashOfSource(pdfFileSource(HASH))).toBe(HASH);
    expect(annotationSchema.safeParse(sample({ source: pdfFileSource(HASH) })).success).toBe(true);
  });

  it('refuses what is not a SHA-256, and finds no file in a paper’s address', () => {
    expect(() => pdfFileSource('not-a-hash')).toThrow(RangeError);
    expect(pdfHashOfSource('https://doi.org/10.1056/x')).toBeNull();
    expect(pdfHashOfSource('urn:sha256:1234')).toBeNull();
    expect(pdfHashOfSource(`urn:sha256:${HASH.toUpperCase()}`)).toBe(HASH);
  });
});

describe('newAnnotation', () => {
  it('starts with no note, no tags, and created and updated now', () => {
    expect(sample()).toMatchObject({
      note: '',
      noteId: null,
      tags: [],
      createdAt: NOW,
      updatedAt: NOW,
    });
    expect(annotationSchema.safeParse(sample()).success).toBe(true);
  });
});

describe('annotationSchema', () => {
  it('accepts a complete annotation for a PDF page', () => {
    const annotation = sample({
      selectors: describeTextRange('Page text here.', 5, 9, { pageNumber: 4 })!,
      note: 'Check the supplement.',
      noteId: 'note-7',
      tags: ['anticoagulation', 'sepsis'],
      colour: 'purple',
    });

    expect(annotationSchema.parse(annotation)).toEqual(annotation);
  });

  it.each([
    ['an id that is not a UUID', { id: 'not-a-uuid' }],
    ['an unknown colour', { colour: 'orange' }],
    ['a source that is not an address', { source: 'doi 10.1/x' }],
    ['a date that is not ISO 8601', { createdAt: 'yesterday' }],
    ['a tag with surrounding space', { tags: [' sepsis'] }],
    ['the same tag twice', { tags: ['Sepsis', 'sepsis'] }],
    [
      'a position that ends before it starts',
      {
        selectors: {
          ...sample().selectors,
          position: { type: 'TextPositionSelector', start: 5, end: 2 },
        },
      },
    ],
    [
      'an empty quote',
      {
        selectors: {
          ...sample().selectors,
          quote: { type: 'TextQuoteSelector', exact: '', prefix: '', suffix: '' },
        },
      },
    ],
    [
      'a page that is not page=N',
      {
        selectors: {
          ...sample().selectors,
          page: {
            type: 'FragmentSelector',
            conformsTo: 'http://tools.ietf.org/rfc/rfc3778',
            value: 'page=x',
          },
        },
      },
    ],
    ['a note of a megabyte', { note: 'x'.repeat(1_000_000) }],
    ['a field it does not know', { extra: true }],
  ])('refuses %s', (_label, overrides) => {
    expect(annotationSchema.safeParse({ ...sample(), ...overrides }).success).toBe(false);
  });
});

describe('normalizeTags', () => {
  it('trims, joins inner white space, drops empty and repeated tags keeping the first spelling', () => {
    expect(normalizeTags(['  Sepsis ', 'sepsis', '', 'heart   failure', 'SEPSIS', 'RCT'])).toEqual([
      'Sepsis',
      'heart failure',
      'RCT',
    ]);
  });
});
