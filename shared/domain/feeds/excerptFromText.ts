import { truncateAtWord } from './truncateAtWord';

/** Longest excerpt shown in the article list. */
export const MAX_EXCERPT_LENGTH = 280;

/**
 * The list-pane excerpt of an item: its plain text on one line, at most
 * {@link MAX_EXCERPT_LENGTH} characters.
 */
export function excerptFromText(text: string): string {
  return truncateAtWord(text.replace(/\s+/g, ' ').trim(), MAX_EXCERPT_LENGTH);
}
