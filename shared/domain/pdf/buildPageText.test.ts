import { describe, expect, it } from 'vitest';
import { buildPageText } from './buildPageText';

describe('buildPageText', () => {
  it('joins runs in order and breaks the line after a run that ends one', () => {
    const page = buildPageText([
      { str: 'Atrial', hasEOL: false },
      { str: ' ', hasEOL: false },
      { str: 'fibrillation', hasEOL: true },
      { str: 'in the elderly', hasEOL: false },
    ]);

    expect(page.text).toBe('Atrial fibrillation\nin the elderly');
    expect(page.runStarts).toEqual([0, 6, 7, 20]);
  });

  it('skips marked-content marks without counting them as runs', () => {
    const page = buildPageText([
      { type: 'beginMarkedContent' },
      { str: 'Methods', hasEOL: true },
      { type: 'endMarkedContent' },
      { str: '', hasEOL: true },
      { str: 'Results', hasEOL: false },
    ]);

    expect(page.text).toBe('Methods\n\nResults');
    expect(page.runStarts).toEqual([0, 8, 9]);
  });

  it('gives an empty text for a page without text', () => {
    expect(buildPageText([])).toEqual({ text: '', runStarts: [] });
  });
});
