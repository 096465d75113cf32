import { truncateAtWord } from './truncateAtWord';

/** Longest title derived from an item's text. */
export const MAX_DERIVED_TITLE_LENGTH = 120;

/**
 * A title for an untitled item: the first non-blank line of its plain text, whitespace collapsed
 * and shortened to about {@link MAX_DERIVED_TITLE_LENGTH} characters. Null when there is no text.
 */
export function titleFromText(text: string): string | null {
  for (const line of text.split(/\r\n|\r|\n/)) {
    const collapsed = line.replace(/\s+/g, ' ').trim();
    if (collapsed !== '') return truncateAtWord(collapsed, MAX_DERIVED_TITLE_LENGTH);
  }
  return null;
}
