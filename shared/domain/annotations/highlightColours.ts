import { z } from 'zod';

/**
 * The five highlight colours. A colour is stored by its id; what it means is the user's to edit
 * (the defaults follow a journal club's reading: key finding, methods concern, question, practice
 * point, definition), so a renamed meaning never re-colours old highlights.
 */
export const HIGHLIGHT_COLOUR_IDS = ['yellow', 'red', 'blue', 'green', 'purple'] as const;
export type HighlightColourId = (typeof HIGHLIGHT_COLOUR_IDS)[number];
export const highlightColourIdSchema = z.enum(HIGHLIGHT_COLOUR_IDS);

/** The colour a highlight gets when nothing says otherwise. */
export const DEFAULT_HIGHLIGHT_COLOUR: HighlightColourId = 'yellow';

export interface HighlightColour {
  id: HighlightColourId;
  /** The colour's own name, for labels that must not rely on seeing it. */
  name: string;
  /** Background and text as `#rrggbb`; each pair has a WCAG contrast of at least 4.5:1. */
  light: { background: string; text: string };
  dark: { background: string; text: string };
}

// Text colours are the app's own (tokens.css): near-black on the light theme, near-white on dark.
const LIGHT_TEXT = '#1c2530';
const DARK_TEXT = '#e4e8ec';

export const HIGHLIGHT_COLOURS: readonly HighlightColour[] = [
  {
    id: 'yellow',
    name: 'Yellow',
    light: { background: '#fff1a8', text: LIGHT_TEXT },
    dark: { background: '#5c4a00', text: DARK_TEXT },
  },
  {
    id: 'red',
    name: 'Red',
    light: { background: '#ffd5cf', text: LIGHT_TEXT },
    dark: { background: '#6e2119', text: DARK_TEXT },
  },
  {
    id: 'blue',
    name: 'Blue',
    light: { background: '#cfe2ff', text: LIGHT_TEXT },
    dark: { background: '#1e3f6e', text: DARK_TEXT },
  },
  {
    id: 'green',
    name: 'Green',
    light: { background: '#cdeccf', text: LIGHT_TEXT },
    dark: { background: '#1f4b29', text: DARK_TEXT },
  },
  {
    id: 'purple',
    name: 'Purple',
    light: { background: '#e6d9ff', text: LIGHT_TEXT },
    dark: { background: '#48306e', text: DARK_TEXT },
  },
];

/** What each colour means to this user. */
export type HighlightMeanings = Readonly<Record<HighlightColourId, string>>;

export const DEFAULT_HIGHLIGHT_MEANINGS: HighlightMeanings = {
  yellow: 'Key finding',
  red: 'Methods concern',
  blue: 'Question',
  green: 'Practice point',
  purple: 'Definition',
};

/** A meaning is a label beside a colour swatch and a heading in exports: one short line. */
export const MAX_MEANING_LENGTH = 40;

/** The user's edited meanings as settings store them (any colour may be missing). */
export const highlightMeaningEditsSchema = z
  .object(
    Object.fromEntries(
      HIGHLIGHT_COLOUR_IDS.map((id) => [id, z.string().max(1_000).optional()]),
    ) as Record<HighlightColourId, z.ZodOptional<z.ZodString>>,
  )
  .strict();

/**
 * Every colour's meaning: the user's wording on one line, cut to MAX_MEANING_LENGTH, or the
 * default where the user left it blank.
 */
export function resolveHighlightMeanings(
  edits: Partial<Record<HighlightColourId, string>>,
): HighlightMeanings {
  const meanings = { ...DEFAULT_HIGHLIGHT_MEANINGS };
  for (const id of HIGHLIGHT_COLOUR_IDS) {
    const edited = (edits[id] ?? '').replace(/\s+/gu, ' ').trim().slice(0, MAX_MEANING_LENGTH);
    if (edited !== '') meanings[id] = edited.trimEnd();
  }
  return meanings;
}

/** The colour whose meaning (the user's or the default) reads `meaning`, case aside; or null. */
export function colourForMeaning(
  meaning: string,
  meanings: HighlightMeanings,
): HighlightColourId | null {
  const wanted = meaning.replace(/\s+/gu, ' ').trim().toLocaleLowerCase();
  const matches = (label: string) => label.toLocaleLowerCase() === wanted;
  return (
    HIGHLIGHT_COLOUR_IDS.find((id) => matches(meanings[id])) ??
    HIGHLIGHT_COLOUR_IDS.find((id) => matches(DEFAULT_HIGHLIGHT_MEANINGS[id])) ??
    null
  );
}
