import { describe, expect, it } from 'vitest';
import { MAX_OUTLINE_ENTRIES, type PdfOutlineNode, readPdfOutline } from './readPdfOutline';

const PAGE_REFERENCES = [
  { num: 10, gen: 0 },
  { num: 20, gen: 0 },
  { num: 30, gen: 0 },
];

function documentWith(outline: PdfOutlineNode[] | null, named: Record<string, unknown[]> = {}) {
  return {
    numPages: PAGE_REFERENCES.length,
    getOutline: async () => outline,
    getDestination: async (id: string) => named[id] ?? null,
    getPageIndex: async (ref: { num: number; gen: number }) => {
      const index = PAGE_REFERENCES.findIndex((page) => page.num === ref.num);
      if (index < 0) throw new Error('Invalid page reference.');
      return index;
    },
  };
}

function node(title: string, dest: PdfOutlineNode['dest'], items: PdfOutlineNode[] = []) {
  return { title, dest, items };
}

describe('readPdfOutline', () => {
  it('flattens bookmarks in reading order with their depth and 1-based page', async () => {
    const outline = await readPdfOutline(
      documentWith(
        [
          node('Introduction', [PAGE_REFERENCES[0], { name: 'XYZ' }]),
          node('Results', 'results', [node('Primary outcome', [2, { name: 'Fit' }])]),
        ],
        { results: [PAGE_REFERENCES[1], { name: 'Fit' }] },
      ),
    );

    expect(outline).toEqual([
      { title: 'Introduction', page: 1, depth: 0 },
      { title: 'Results', page: 2, depth: 0 },
      { title: 'Primary outcome', page: 3, depth: 1 },
    ]);
  });

  it('leaves out bookmarks that open no page, keeping their children', async () => {
    const outline = await readPdfOutline(
      documentWith([
        node('Journal website', null, [node('Abstract', [PAGE_REFERENCES[0]])]),
        node('Missing name', 'nowhere'),
        node('Not a page', [{ num: 99, gen: 0 }]),
        node('Past the end', [7]),
      ]),
    );

    expect(outline).toEqual([{ title: 'Abstract', page: 1, depth: 1 }]);
  });

  it('strips invisible direction controls and extra spaces from titles', async () => {
    const outline = await readPdfOutline(
      documentWith([node('  Safe\u202E fdp.exe \n summary ', [PAGE_REFERENCES[0]])]),
    );

    expect(outline[0]?.title).toBe('Safe fdp.exe summary');
  });

  it('stops at a bounded number of bookmarks', async () => {
    const many = Array.from({ length: MAX_OUTLINE_ENTRIES + 50 }, (_, index) =>
      node(`Section ${index}`, [0]),
    );

    expect(await readPdfOutline(documentWith(many))).toHaveLength(MAX_OUTLINE_ENTRIES);
  });

  it('gives an empty outline for a document without one', async () => {
    expect(await readPdfOutline(documentWith(null))).toEqual([]);
  });
});
