import { describe, expect, it } from 'vitest';
import {
  PREPRINT_LABEL,
  type CardSize,
  type VisualAbstractCard,
} from '@shared/domain/share/summary';
import {
  buildCardLayout,
  CARD_TEXT_BUDGETS,
  clampToBudget,
  stripEmoji,
  type CardElement,
} from './cardLayout';

const CARD: VisualAbstractCard = {
  question: 'Does early mobilisation after hip fracture surgery reduce delirium?',
  population: '412 adults aged 65 or over after hip fracture surgery',
  intervention: 'Out of bed within 24 hours',
  comparison: 'Usual care',
  mainResult: 'Delirium 14% vs 23% (RR 0.61, 95% CI 0.41 to 0.90)',
  bottomLine: 'Getting patients up on day one is safe and may prevent delirium.',
  citation: 'Example A et al. J Example Med 2026. doi:10.1000/example.1',
  levelOfEvidence: 'Level 2',
  club: 'St Elsewhere Geriatrics Journal Club',
  preprintLabel: null,
};

const SIZES: CardSize[] = ['landscape', 'square'];

/** Every piece of text the card draws, in document (reading) order. */
function textsOf(node: CardElement | string): string[] {
  if (typeof node === 'string') return [node];
  const children = node.props.children;
  if (children === undefined) return [];
  return (Array.isArray(children) ? children : [children]).flatMap(textsOf);
}

const graphemeCount = (text: string): number =>
  [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)].length;

describe('clampToBudget', () => {
  it('leaves text within the budget alone', () => {
    expect(clampToBudget('Fewer falls at one year', 23)).toBe('Fewer falls at one year');
  });

  it('cuts at the last whole word that fits and ends with an ellipsis', () => {
    expect(clampToBudget('Fewer falls at one year in frail adults', 20)).toBe(
      'Fewer falls at one…',
    );
  });

  it('keeps a word that ends exactly where the budget does', () => {
    expect(clampToBudget('Fewer falls overall', 12)).toBe('Fewer falls…');
  });

  it('drops punctuation left dangling before the ellipsis', () => {
    expect(clampToBudget('Mortality, falls, and readmission at one year', 19)).toBe(
      'Mortality, falls…',
    );
  });

  it('cuts one unbroken token (a long DOI) between characters, never inside one', () => {
    const clamped = clampToBudget(`doi:10.1000/${'é'.repeat(40)}`, 20);
    expect(clamped).toBe(`doi:10.1000/${'é'.repeat(7)}…`);
    expect(graphemeCount(clamped)).toBe(20);
  });

  it('never splits a decomposed accent from its letter', () => {
    const decomposed = 'Ame\u0301lie '.repeat(10);
    const clamped = clampToBudget(decomposed, 14);
    expect(clamped).toBe('Ame\u0301lie Ame\u0301lie…');
  });
});

describe('stripEmoji', () => {
  it.each([
    ['a plain emoji', 'Mortality fell 🎉', 'Mortality fell '],
    ['a ZWJ sequence (health worker)', 'Ask 🧑‍⚕️ first', 'Ask  first'],
    ['a skin-toned emoji', 'Good 👍🏽 result', 'Good  result'],
    ['a flag', 'UK 🇬🇧 trial', 'UK  trial'],
    ['a keycap', 'Step 1️⃣ done', 'Step  done'],
    ['a heart with a presentation selector', 'Love ❤️ it', 'Love  it'],
    ['a stray variation selector and joiner', 'a\u200Db\uFE0Fc', 'abc'],
  ])('removes %s', (_, text, expected) => {
    expect(stripEmoji(text)).toBe(expected);
  });

  it('keeps the symbols clinicians use and accented letters', () => {
    const clinical = 'HR ≥ 0.8, ≤ 2 – “primary” outcome, ± 5%, Ménière, e\u0301, µg';
    expect(stripEmoji(clinical)).toBe(clinical);
  });
});

describe('buildCardLayout', () => {
  it.each(SIZES)('draws the %s card in reading order', (size) => {
    const texts = textsOf(buildCardLayout(CARD, size));
    const order = [
      CARD.question,
      CARD.population,
      CARD.intervention,
      'vs',
      CARD.comparison,
      CARD.mainResult,
      CARD.bottomLine,
      CARD.citation,
      CARD.levelOfEvidence,
      CARD.club ?? '',
    ].map((text) => texts.indexOf(text));
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it.each(SIZES)('puts the preprint label above everything on the %s card', (size) => {
    const texts = textsOf(buildCardLayout({ ...CARD, preprintLabel: PREPRINT_LABEL }, size));
    expect(texts.indexOf(PREPRINT_LABEL)).toBeGreaterThanOrEqual(0);
    expect(texts.indexOf(PREPRINT_LABEL)).toBeLessThan(texts.indexOf(CARD.question));
    expect(textsOf(buildCardLayout(CARD, size))).not.toContain(PREPRINT_LABEL);
  });

  it('leaves empty fields out instead of drawing empty boxes with their labels', () => {
    const texts = textsOf(
      buildCardLayout({ ...CARD, comparison: '  ', population: '', club: null }, 'landscape'),
    );
    expect(texts).not.toContain('Population');
    expect(texts).not.toContain('Comparison');
    expect(texts).not.toContain('vs');
    expect(texts).toContain(CARD.intervention);
    expect(texts.every((text) => text.trim() !== '')).toBe(true);
  });

  it.each(SIZES)('clamps every long field on the %s card to its budget', (size) => {
    const long = 'the randomised trial enrolled many older adults '.repeat(20);
    const card: VisualAbstractCard = {
      question: long,
      population: long,
      intervention: long,
      comparison: long,
      mainResult: long,
      bottomLine: long,
      citation: long,
      levelOfEvidence: long,
      club: long,
      preprintLabel: null,
    };
    const texts = textsOf(buildCardLayout(card, size)).filter((text) => text.endsWith('…'));
    const budgets = CARD_TEXT_BUDGETS[size];
    expect(texts).toHaveLength(Object.keys(budgets).length);
    for (const text of texts) {
      expect(graphemeCount(text)).toBeLessThanOrEqual(Math.max(...Object.values(budgets)));
      expect(text).toMatch(/[a-z]…$/);
    }
    expect(texts.map(graphemeCount).sort()).toEqual(
      Object.values(budgets)
        .map((budget) => graphemeCount(clampToBudget(long, budget)))
        .sort(),
    );
  });

  it('draws no emoji, and no empty box for a field that held only emoji', () => {
    const texts = textsOf(
      buildCardLayout(
        { ...CARD, mainResult: 'Delirium fell 🎉🎉', comparison: '👍🏽', bottomLine: 'Do it ✅' },
        'square',
      ),
    );
    expect(texts).toContain('Delirium fell');
    expect(texts).toContain('Do it');
    expect(texts).not.toContain('Comparison');
    expect(texts.some((text) => /\p{Extended_Pictographic}/u.test(text))).toBe(false);
  });
});
