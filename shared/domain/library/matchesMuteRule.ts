import type { MuteRule } from '@shared/contract';
import { searchableText } from './searchableText';

/** An item's folded text as a mute rule sees it: see {@link searchableText}. */
export interface MutableItemText {
  feedId: string;
  /** The folded title. */
  title: string;
  /** The folded title, excerpt, authors and journal. */
  everything: string;
}

/** The folded phrase a mute rule looks for, or null when its text has no letters or digits. */
export function mutePhraseOf(text: string): string | null {
  const folded = searchableText(text);
  return folded === ' ' ? null : folded;
}

/**
 * True when a mute rule hides this item: the rule covers its feed, and its phrase appears as
 * whole words (ignoring case, accents and punctuation) in the field it looks at.
 */
export function matchesMuteRule(
  rule: Pick<MuteRule, 'text' | 'feedId' | 'field'>,
  item: MutableItemText,
): boolean {
  if (rule.feedId !== null && rule.feedId !== item.feedId) return false;
  const phrase = mutePhraseOf(rule.text);
  if (phrase === null) return false;
  return (rule.field === 'title' ? item.title : item.everything).includes(phrase);
}
