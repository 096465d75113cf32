// The visual abstract is an image, so a screen-reader user only gets what its alt text says. The
// description follows the card's reading order and gives each field in full: the card shortens
// long fields to fit its pixels, the alt text has no such reason to.
import { ALT_TEXT_LIMITS, type VisualAbstractCard } from './summary';
import { countGraphemes } from './textUnits';

/** Platforms whose alt text limits are known (`ALT_TEXT_LIMITS`). */
export type AltTextPlatform = keyof typeof ALT_TEXT_LIMITS;

/** How much of a platform's alt text limit a text uses, in user-perceived characters. */
export interface AltTextMeasure {
  used: number;
  limit: number;
  fits: boolean;
}

/** Closing punctuation a sentence may already carry; anything else gets a full stop. */
const SENTENCE_END = /[.!?…]$/u;

function flatten(text: string | null): string {
  return (text ?? '').replace(/\s+/gu, ' ').trim();
}

function asSentence(text: string): string {
  return SENTENCE_END.test(text) ? text : `${text}.`;
}

/**
 * A plain-sentence description of a visual abstract card for screen readers, in the order the card
 * is read: the preprint label, the question, population, intervention and comparison, the main
 * result, the bottom line, then the citation, level of evidence and club. Empty fields are left
 * out; line breaks and runs of spaces become single spaces.
 */
export function composeAltText(card: VisualAbstractCard): string {
  const labelled: [label: string, value: string | null][] = [
    ['', card.preprintLabel],
    ['Question: ', card.question],
    ['Population: ', card.population],
    ['Intervention: ', card.intervention],
    ['Compared with: ', card.comparison],
    ['Main result: ', card.mainResult],
    ['Bottom line: ', card.bottomLine],
    ['Source: ', card.citation],
    ['Level of evidence: ', card.levelOfEvidence],
    ['Shared by ', card.club],
  ];
  const sentences = ['Visual abstract.'];
  for (const [label, value] of labelled) {
    const text = flatten(value);
    if (text !== '') sentences.push(asSentence(`${label}${text}`));
  }
  return sentences.join(' ');
}

/**
 * How many characters an alt text uses against a platform's limit. Characters are grapheme
 * clusters (what a reader sees as one character: an emoji family, a flag, an accented letter),
 * counted with `Intl.Segmenter`.
 */
export function measureAltText(text: string, platform: AltTextPlatform): AltTextMeasure {
  const used = countGraphemes(text);
  const limit = ALT_TEXT_LIMITS[platform];
  return { used, limit, fits: used <= limit };
}
