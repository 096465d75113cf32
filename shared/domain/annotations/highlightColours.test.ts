import { describe, expect, it } from 'vitest';
import {
  DEFAULT_HIGHLIGHT_MEANINGS,
  HIGHLIGHT_COLOURS,
  colourForMeaning,
  resolveHighlightMeanings,
} from './highlightColours';

/** WCAG 2 relative luminance of a #rrggbb colour. */
function relativeLuminance(hex: string): number {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`${hex} is not a #rrggbb colour`);
  const [red, green, blue] = match.slice(1).map((part) => {
    const channel = parseInt(part, 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * red + 0.7152 * green + 0.0722 * blue;
}

function contrastRatio(foreground: string, background: string): number {
  const [lighter, darker] = [relativeLuminance(foreground), relativeLuminance(background)].sort(
    (a, b) => b - a,
  ) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
}

describe('highlight colours', () => {
  it('computes contrast as WCAG defines it', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  it('offers five colours meaning key finding, methods concern, question, practice point and definition', () => {
    expect(HIGHLIGHT_COLOURS.map((colour) => DEFAULT_HIGHLIGHT_MEANINGS[colour.id])).toEqual([
      'Key finding',
      'Methods concern',
      'Question',
      'Practice point',
      'Definition',
    ]);
  });

  it.each(HIGHLIGHT_COLOURS.map((colour) => [colour.id, colour] as const))(
    '%s keeps text readable (at least 4.5:1) in the light and the dark theme',
    (_id, colour) => {
      expect(colour.light.text).toMatch(/^#[0-2][0-9a-f]{5}$/i); // near-black text on light
      expect(colour.dark.text).toMatch(/^#[d-f][0-9a-f]{5}$/i); // light text on dark
      expect(contrastRatio('#000000', colour.light.background)).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(colour.light.text, colour.light.background)).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(colour.dark.text, colour.dark.background)).toBeGreaterThanOrEqual(4.5);
    },
  );

  it('tells the colours apart from each other in each theme', () => {
    expect(new Set(HIGHLIGHT_COLOURS.map((colour) => colour.light.background)).size).toBe(5);
    expect(new Set(HIGHLIGHT_COLOURS.map((colour) => colour.dark.background)).size).toBe(5);
  });
});

describe('highlight meanings', () => {
  it('take the user’s wording and fall back to the default for a colour left blank', () => {
    const meanings = resolveHighlightMeanings({ red: '  Risk of bias ', blue: '   ' });

    expect(meanings.red).toBe('Risk of bias');
    expect(meanings.blue).toBe('Question');
    expect(meanings.yellow).toBe('Key finding');
  });

  it('are cut to a label’s length and kept on one line', () => {
    const meanings = resolveHighlightMeanings({ green: `Change\nof practice ${'x'.repeat(100)}` });

    expect(meanings.green).not.toContain('\n');
    expect(meanings.green.length).toBeLessThanOrEqual(40);
    expect(meanings.green.startsWith('Change of practice')).toBe(true);
  });

  it('find the colour a meaning belongs to, ignoring case, in the user’s wording or the default', () => {
    const meanings = resolveHighlightMeanings({ red: 'Risk of bias' });

    expect(colourForMeaning('risk of BIAS', meanings)).toBe('red');
    expect(colourForMeaning('Methods concern', meanings)).toBe('red');
    expect(colourForMeaning('Definition', meanings)).toBe('purple');
    expect(colourForMeaning('Something else', meanings)).toBeNull();
  });
});
