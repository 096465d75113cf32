// The visual abstract's design as a satori element tree (plain objects, no JSX: this is backend
// code). Satori has no way to say "shrink this text until it fits", so each field gets a character
// budget per size, chosen so the longest clamped text still fits its box at the font size given;
// `lineClamp` stays on as a second guard, so text that is unusually wide ends in "…" at a line's
// end rather than running under the next box.
import type { CardSize, VisualAbstractCard } from '@shared/domain/share/summary';

/** The family name the renderer registers the bundled Inter files under. */
export const CARD_FONT_FAMILY = 'Inter';

/** A satori style object: CSS properties in camelCase, lengths as numbers of pixels. */
export type CardStyle = Record<string, string | number>;

/** One node of the card's element tree, in the shape satori reads (a React element's). */
export interface CardElement {
  type: 'div';
  key: null;
  props: { style: CardStyle; children?: CardNode | CardNode[] };
}
export type CardNode = CardElement | string;

export type CardTextField = Exclude<keyof VisualAbstractCard, 'preprintLabel'>;

/**
 * The most characters (graphemes, "…" included) each field may show, per size. They follow from
 * each box's width, font size and line count, with a margin for wide words.
 */
export const CARD_TEXT_BUDGETS: Record<CardSize, Record<CardTextField, number>> = {
  landscape: {
    question: 90,
    population: 64,
    intervention: 64,
    comparison: 64,
    mainResult: 96,
    bottomLine: 140,
    citation: 120,
    levelOfEvidence: 28,
    club: 36,
  },
  square: {
    question: 90,
    population: 96,
    intervention: 64,
    comparison: 64,
    mainResult: 96,
    bottomLine: 140,
    citation: 130,
    levelOfEvidence: 34,
    club: 40,
  },
};

interface SizeMetrics {
  padding: number;
  bannerFont: number;
  questionFont: number;
  questionLines: number;
  labelFont: number;
  picoFont: number;
  picoLines: number;
  /** Landscape fits population, intervention and comparison on one row; square needs two. */
  populationOnOwnRow: boolean;
  populationLines: number;
  resultFont: number;
  resultLines: number;
  bottomLineFont: number;
  bottomLineLines: number;
  footerFont: number;
  citationLines: number;
  /** The widest the level of evidence and club may be, beside the citation. */
  factsWidth: number;
  gap: number;
}

const METRICS: Record<CardSize, SizeMetrics> = {
  landscape: {
    padding: 44,
    bannerFont: 24,
    questionFont: 36,
    questionLines: 2,
    labelFont: 16,
    picoFont: 22,
    picoLines: 3,
    populationOnOwnRow: false,
    populationLines: 3,
    resultFont: 30,
    resultLines: 2,
    bottomLineFont: 24,
    bottomLineLines: 2,
    footerFont: 18,
    citationLines: 2,
    factsWidth: 400,
    gap: 14,
  },
  square: {
    padding: 52,
    bannerFont: 30,
    questionFont: 42,
    questionLines: 3,
    labelFont: 19,
    picoFont: 26,
    picoLines: 3,
    populationOnOwnRow: true,
    populationLines: 2,
    resultFont: 36,
    resultLines: 3,
    bottomLineFont: 28,
    bottomLineLines: 3,
    footerFont: 21,
    citationLines: 3,
    factsWidth: 380,
    gap: 16,
  },
};

// Contrast of every text colour on its background is at least 7:1 (WCAG AAA).
const COLOURS = {
  page: '#FFFFFF',
  ink: '#0F172A',
  navy: '#0B2E4F',
  onNavy: '#FFFFFF',
  label: '#0B4F6C',
  panel: '#EEF3F8',
  result: '#E3EEF9',
  footer: '#F1F4F7',
  footerInk: '#1E293B',
  rule: '#CBD5E1',
  warning: '#FFC526',
  onWarning: '#111111',
} as const;

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

// Flags (regional indicators) and keycaps (U+20E3) are emoji without being Extended_Pictographic.
const EMOJI_GRAPHEME = /[\p{Extended_Pictographic}\p{Regional_Indicator}\u{20E3}]/u;
// Left in ordinary text, a joiner or variation selector would reach satori as an unknown segment.
const JOINERS_AND_SELECTORS = /\u{200D}|\u{FE0E}|\u{FE0F}/gu;

/**
 * The text without emoji: every grapheme holding an Extended_Pictographic character, a flag or a
 * keycap is dropped, and joiners and variation selectors left on other characters are removed.
 * Satori would otherwise ask for an image for each (and, offline, draw an empty box).
 */
export function stripEmoji(text: string): string {
  let kept = '';
  for (const { segment } of graphemes.segment(text)) {
    if (!EMOJI_GRAPHEME.test(segment)) kept += segment.replace(JOINERS_AND_SELECTORS, '');
  }
  return kept;
}

/** Characters a shortened text should not end on before its ellipsis. */
const DANGLING_END = /[\s,;:.\-–—(/[&+]+$/u;

/**
 * The text shortened to at most `budget` graphemes, "…" included, cut after the last whole word
 * that fits. A single word longer than the budget (a DOI, a URL) is cut between graphemes, so an
 * accent is never parted from its letter.
 */
export function clampToBudget(text: string, budget: number): string {
  const characters = Array.from(graphemes.segment(text), ({ segment }) => segment);
  if (characters.length <= budget) return text;
  const kept = characters.slice(0, Math.max(0, budget - 1));
  const nextIsSpace = /^\s/u.test(characters[kept.length] ?? '');
  let cut = kept.length;
  if (!nextIsSpace) {
    const lastSpace = kept.findLastIndex((character) => /^\s/u.test(character));
    // Falling back to a mid-word cut beats throwing away most of the budget for one long word.
    if (lastSpace > kept.length / 2) cut = lastSpace;
  }
  const shortened = kept.slice(0, cut).join('').replace(DANGLING_END, '');
  return `${shortened}…`;
}

/** What the card draws for a field: no emoji, one line of text, within the size's budget. */
function fieldText(value: string | null, budget: number): string {
  const flat = stripEmoji(value ?? '')
    .replace(/\s+/gu, ' ')
    .trim();
  return flat === '' ? '' : clampToBudget(flat, budget);
}

function div(style: CardStyle, children?: CardNode | CardNode[]): CardElement {
  return {
    type: 'div',
    key: null,
    props: children === undefined ? { style } : { style, children },
  };
}

/** A text block that never grows past `lines` lines. */
function text(content: string, style: CardStyle, lines: number): CardElement {
  return div({ display: 'block', lineClamp: lines, overflow: 'hidden', ...style }, content);
}

function label(content: string, metrics: SizeMetrics, colour: string = COLOURS.label): CardElement {
  return div(
    {
      fontSize: metrics.labelFont,
      fontWeight: 700,
      letterSpacing: 1.2,
      textTransform: 'uppercase',
      color: colour,
      marginBottom: 6,
    },
    content,
  );
}

function preprintBanner(labelText: string, metrics: SizeMetrics): CardElement {
  const mark = metrics.bannerFont + 8;
  return div(
    {
      display: 'flex',
      alignItems: 'center',
      flexShrink: 0,
      gap: 14,
      backgroundColor: COLOURS.warning,
      color: COLOURS.onWarning,
      padding: `${Math.round(metrics.bannerFont * 0.45)}px ${metrics.padding}px`,
      borderBottom: `4px solid ${COLOURS.onWarning}`,
    },
    [
      // A drawn warning sign: a glyph would need an emoji font.
      div(
        {
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'center',
          width: mark,
          height: mark,
          borderRadius: mark / 2,
          backgroundColor: COLOURS.onWarning,
          color: COLOURS.warning,
          fontSize: metrics.bannerFont,
          fontWeight: 700,
        },
        '!',
      ),
      text(labelText, { fontSize: metrics.bannerFont, fontWeight: 700 }, 1),
    ],
  );
}

function picoBox(
  title: string,
  value: string,
  metrics: SizeMetrics,
  lines: number,
  grow = true,
): CardElement {
  return div(
    {
      display: 'flex',
      flexDirection: 'column',
      flexGrow: grow ? 1 : 0,
      flexBasis: 0,
      minWidth: 0,
      backgroundColor: COLOURS.panel,
      borderRadius: 10,
      padding: `${Math.round(metrics.gap * 0.8)}px ${metrics.gap}px`,
    },
    [
      label(title, metrics),
      text(value, { fontSize: metrics.picoFont, lineHeight: 1.3, color: COLOURS.ink }, lines),
    ],
  );
}

function versus(metrics: SizeMetrics): CardElement {
  return div(
    {
      display: 'flex',
      alignItems: 'center',
      justifyContent: 'center',
      flexShrink: 0,
      fontSize: metrics.picoFont,
      fontWeight: 700,
      color: COLOURS.navy,
    },
    'vs',
  );
}

interface CardTexts {
  question: string;
  population: string;
  intervention: string;
  comparison: string;
  mainResult: string;
  bottomLine: string;
  citation: string;
  levelOfEvidence: string;
  club: string;
}

function picoBlock(texts: CardTexts, metrics: SizeMetrics): CardElement[] {
  const comparisonRow: CardElement[] = [];
  if (texts.intervention !== '') {
    comparisonRow.push(picoBox('Intervention', texts.intervention, metrics, metrics.picoLines));
  }
  if (texts.intervention !== '' && texts.comparison !== '') comparisonRow.push(versus(metrics));
  if (texts.comparison !== '') {
    comparisonRow.push(picoBox('Comparison', texts.comparison, metrics, metrics.picoLines));
  }
  const population =
    texts.population === ''
      ? null
      : picoBox('Population', texts.population, metrics, metrics.populationLines);
  const row = (children: CardElement[]): CardElement =>
    div({ display: 'flex', flexShrink: 0, gap: metrics.gap }, children);

  if (metrics.populationOnOwnRow) {
    const rows: CardElement[] = [];
    if (population !== null) rows.push(row([population]));
    if (comparisonRow.length > 0) rows.push(row(comparisonRow));
    if (rows.length === 0) return [];
    // One block, so the body's spare room never opens a gap between the two PICO rows.
    return [
      div({ display: 'flex', flexDirection: 'column', flexShrink: 0, gap: metrics.gap }, rows),
    ];
  }
  const all = population === null ? comparisonRow : [population, ...comparisonRow];
  return all.length === 0 ? [] : [row(all)];
}

function mainResultBlock(content: string, metrics: SizeMetrics): CardElement {
  return div(
    {
      display: 'flex',
      flexDirection: 'column',
      flexShrink: 0,
      backgroundColor: COLOURS.result,
      borderLeft: `10px solid ${COLOURS.navy}`,
      borderRadius: 6,
      padding: `${Math.round(metrics.gap * 0.8)}px ${metrics.gap + 4}px`,
    },
    [
      label('Main result', metrics, COLOURS.navy),
      text(
        content,
        { fontSize: metrics.resultFont, fontWeight: 700, lineHeight: 1.2, color: COLOURS.ink },
        metrics.resultLines,
      ),
    ],
  );
}

function bottomLineBlock(content: string, metrics: SizeMetrics): CardElement {
  return div({ display: 'flex', flexDirection: 'column', flexShrink: 0 }, [
    label('Bottom line', metrics),
    text(
      content,
      { fontSize: metrics.bottomLineFont, lineHeight: 1.25, color: COLOURS.ink },
      metrics.bottomLineLines,
    ),
  ]);
}

function footer(texts: CardTexts, metrics: SizeMetrics): CardElement | null {
  const facts: CardElement[] = [];
  if (texts.levelOfEvidence !== '') {
    facts.push(
      div(
        {
          display: 'flex',
          alignItems: 'center',
          gap: 8,
          border: `2px solid ${COLOURS.navy}`,
          borderRadius: 8,
          padding: '4px 10px',
          fontSize: metrics.footerFont,
          color: COLOURS.navy,
        },
        [div({}, 'Evidence'), text(texts.levelOfEvidence, { fontWeight: 700 }, 1)],
      ),
    );
  }
  if (texts.club !== '') {
    facts.push(
      text(texts.club, { fontSize: metrics.footerFont, fontWeight: 700, color: COLOURS.navy }, 1),
    );
  }
  if (texts.citation === '' && facts.length === 0) return null;

  const children: CardElement[] = [];
  if (texts.citation !== '') {
    children.push(
      text(
        texts.citation,
        {
          flexGrow: 1,
          flexBasis: 0,
          minWidth: 0,
          fontSize: metrics.footerFont,
          fontStyle: 'italic',
          lineHeight: 1.3,
          color: COLOURS.footerInk,
        },
        metrics.citationLines,
      ),
    );
  }
  if (facts.length > 0) {
    children.push(
      div(
        {
          display: 'flex',
          flexDirection: 'column',
          alignItems: 'flex-end',
          flexShrink: 0,
          maxWidth: metrics.factsWidth,
          gap: 6,
          // Without a citation the facts still sit at the right, where a reader looks for them.
          marginLeft: 'auto',
        },
        facts,
      ),
    );
  }
  return div(
    {
      display: 'flex',
      alignItems: 'center',
      flexShrink: 0,
      gap: 24,
      backgroundColor: COLOURS.footer,
      borderTop: `2px solid ${COLOURS.rule}`,
      padding: `${metrics.gap}px ${metrics.padding}px`,
    },
    children,
  );
}

/**
 * The element tree of a visual abstract at one of the card sizes: the preprint banner (when the
 * card carries a label), the question, the PICO boxes, the main result, the bottom line and a
 * footer with citation, level of evidence and club. Every field is stripped of emoji, flattened to
 * one line and clamped to its budget; an empty field is left out with its label.
 */
export function buildCardLayout(card: VisualAbstractCard, size: CardSize): CardElement {
  const metrics = METRICS[size];
  const budgets = CARD_TEXT_BUDGETS[size];
  const texts: CardTexts = {
    question: fieldText(card.question, budgets.question),
    population: fieldText(card.population, budgets.population),
    intervention: fieldText(card.intervention, budgets.intervention),
    comparison: fieldText(card.comparison, budgets.comparison),
    mainResult: fieldText(card.mainResult, budgets.mainResult),
    bottomLine: fieldText(card.bottomLine, budgets.bottomLine),
    citation: fieldText(card.citation, budgets.citation),
    levelOfEvidence: fieldText(card.levelOfEvidence, budgets.levelOfEvidence),
    club: fieldText(card.club, budgets.club),
  };
  // The label is the app's own fixed text, but it goes through the same cleaning as any field.
  const preprintLabel = fieldText(card.preprintLabel, 60);

  const sections: CardElement[] = [];
  if (preprintLabel !== '') sections.push(preprintBanner(preprintLabel, metrics));
  if (texts.question !== '') {
    sections.push(
      div(
        {
          display: 'flex',
          flexShrink: 0,
          backgroundColor: COLOURS.navy,
          padding: `${Math.round(metrics.padding * 0.55)}px ${metrics.padding}px`,
        },
        text(
          texts.question,
          {
            fontSize: metrics.questionFont,
            fontWeight: 700,
            lineHeight: 1.2,
            color: COLOURS.onNavy,
          },
          metrics.questionLines,
        ),
      ),
    );
  }

  const body: CardElement[] = [...picoBlock(texts, metrics)];
  if (texts.mainResult !== '') body.push(mainResultBlock(texts.mainResult, metrics));
  if (texts.bottomLine !== '') body.push(bottomLineBlock(texts.bottomLine, metrics));
  sections.push(
    div(
      {
        display: 'flex',
        flexDirection: 'column',
        flexGrow: 1,
        flexShrink: 1,
        minHeight: 0,
        overflow: 'hidden',
        // Every text block has a line limit, so the fullest body is known to fit (the long-field
        // samples show it); a shorter card's spare room goes evenly between its three blocks.
        justifyContent: 'space-evenly',
        gap: metrics.gap,
        padding: `${metrics.gap + 4}px ${metrics.padding}px`,
      },
      body,
    ),
  );
  const footerBlock = footer(texts, metrics);
  if (footerBlock !== null) sections.push(footerBlock);

  return div(
    {
      display: 'flex',
      flexDirection: 'column',
      width: '100%',
      height: '100%',
      backgroundColor: COLOURS.page,
      color: COLOURS.ink,
      fontFamily: CARD_FONT_FAMILY,
    },
    sections,
  );
}
