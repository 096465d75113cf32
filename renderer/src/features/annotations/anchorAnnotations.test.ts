import type { Annotation } from '@shared/domain/annotations/annotation';
import { describeTextRange } from '@shared/domain/annotations/selectors';
import { describe, expect, it } from 'vitest';
import { anchorPdfAnnotations, pdfPaintableOf } from './anchorAnnotations';

const PAGES: Record<number, string> = {
  1: 'Heparin in septic shock\nA randomised trial',
  2: 'Methods. We randomly assigned 1200 adults\nwith septic shock to heparin.',
  3: 'Safety. Major bleeding occurred in 4 percent.',
};

let ids = 0;
function onPage(page: number, passage: string, text = PAGES[page]!): Annotation {
  const start = text.indexOf(passage);
  if (start < 0) throw new Error(`"${passage}" is not on page ${page}`);
  ids += 1;
  return {
    id: `00000000-0000-4000-8000-${String(ids).padStart(12, '0')}`,
    itemId: 'paper',
    source: `urn:sha256:${'a'.repeat(64)}`,
    selectors: describeTextRange(text, start, start + passage.length, { pageNumber: page })!,
    colour: 'yellow',
    note: '',
    noteId: null,
    tags: [],
    createdAt: '2026-03-01T00:00:00.000Z',
    updatedAt: '2026-03-01T00:00:00.000Z',
  };
}

const known = (page: number) => PAGES[page] ?? null;

describe('anchorPdfAnnotations', () => {
  it('finds each highlight on its own page, in page then reading order', () => {
    const bleeding = onPage(3, 'Major bleeding');
    const adults = onPage(2, '1200 adults');
    const methods = onPage(2, 'Methods');

    const placement = anchorPdfAnnotations(known, [bleeding, adults, methods]);

    expect(
      placement.anchored.map(({ annotation, page, start, end, provisional }) => [
        annotation.id,
        page,
        PAGES[page!]!.slice(start, end),
        provisional,
      ]),
    ).toEqual([
      [methods.id, 2, 'Methods', false],
      [adults.id, 2, '1200 adults', false],
      [bleeding.id, 3, 'Major bleeding', false],
    ]);
    expect(placement.orphaned).toEqual([]);
  });

  it('finds words again on their page when the text there moved, not on another page', () => {
    const shock = onPage(2, 'septic shock to heparin');
    const moved = (page: number) =>
      page === 2 ? `Erratum first.\n${PAGES[2]}` : (PAGES[page] ?? null);

    const placement = anchorPdfAnnotations(moved, [shock]);

    expect(placement.anchored[0]).toMatchObject({ page: 2, provisional: false });
    const { start, end } = placement.anchored[0]!;
    expect(moved(2)!.slice(start, end)).toBe('septic shock to heparin');
  });

  it('keeps as orphaned a highlight whose words are not on its page, or whose page is gone', () => {
    const gone = onPage(3, 'Major bleeding occurred');
    const missingPage = { ...onPage(3, 'Safety'), selectors: { ...onPage(3, 'Safety').selectors } };
    missingPage.selectors.page = { ...missingPage.selectors.page!, value: 'page=9' };
    const rewritten = (page: number) =>
      page === 3 ? 'Safety. No adverse events were seen.' : (PAGES[page] ?? null);

    const placement = anchorPdfAnnotations(rewritten, [gone, missingPage]);

    expect(placement.anchored).toEqual([]);
    expect(placement.orphaned).toEqual([gone, missingPage]);
  });

  it('places a highlight whose page is not read yet where it was made, and paints it only once read', () => {
    const early = onPage(1, 'randomised trial');
    const later = onPage(3, 'bleeding');
    const onlyFirst = (page: number) => (page === 1 ? PAGES[1]! : undefined);

    const placement = anchorPdfAnnotations(onlyFirst, [later, early]);

    expect(placement.anchored.map(({ page, provisional }) => [page, provisional])).toEqual([
      [1, false],
      [3, true],
    ]);
    expect(pdfPaintableOf(placement)).toEqual([
      { annotationId: early.id, colour: 'yellow', page: 1, start: 26, end: 42 },
    ]);
  });

  it('leaves a highlight on the article’s text to the article', () => {
    const onArticle = onPage(1, 'Heparin');
    onArticle.selectors = { ...onArticle.selectors, page: null };

    expect(anchorPdfAnnotations(known, [onArticle])).toEqual({
      anchored: [],
      orphaned: [onArticle],
    });
  });
});
