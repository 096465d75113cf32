/**
 * Bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069) and the
 * invisible direction marks (U+200E, U+200F, U+061C). A feed can use them to make "exe.jpg" show
 * as "gpj.exe" or to reorder a title so it reads as something it is not.
 */
const BIDI_CONTROLS = '\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C';

/** Zero-width characters other than the joiner (U+200B, U+200C, U+2060, U+FEFF). */
const ZERO_WIDTH_EXCEPT_JOINER = '\u200B\u200C\u2060\uFEFF';

/**
 * A pictograph, optionally followed by an emoji presentation selector or a skin-tone modifier:
 * what may precede a zero-width joiner inside an emoji sequence such as 👩🏽‍⚕️ or 🏳️‍🌈.
 */
const PICTOGRAPH_BEFORE_JOINER = String.raw`\p{Extended_Pictographic}(?:\u{FE0F}|\p{Emoji_Modifier})?`;

const INVISIBLE_CONTROLS = new RegExp(
  [
    `[${BIDI_CONTROLS}${ZERO_WIDTH_EXCEPT_JOINER}]`,
    // The zero-width joiner is legitimate only between two pictographs (it builds one emoji).
    String.raw`(?<!${PICTOGRAPH_BEFORE_JOINER})\u200D`,
    String.raw`\u200D(?!\p{Extended_Pictographic})`,
  ].join('|'),
  'gu',
);

/**
 * Removes the invisible characters that change how text reads without being seen: bidirectional
 * controls and marks (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C) and zero-width
 * characters (U+200B, U+200C, U+2060, U+FEFF, and U+200D except between two pictographs, where it
 * joins an emoji sequence such as 👨‍👩‍👧). Visible text, including right-to-left scripts, is kept.
 *
 * Apply it to feed-provided titles, authors and feed names, both when they are stored and when
 * they are shown (for data stored before this existed).
 *
 * @param text - Text from a feed.
 * @returns The text without those characters.
 */
export function stripInvisibleControls(text: string): string {
  return text.replace(INVISIBLE_CONTROLS, '');
}
