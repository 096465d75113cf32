import type { MuteRule } from '@shared/contract';
import type { ItemRecord } from '@shared/domain/library/libraryDocuments';
import { matchesMuteRule } from '@shared/domain/library/matchesMuteRule';
import { searchableText } from '@shared/domain/library/searchableText';
import type { FoldedItemText } from './FoldedItemText';

/** Decides which items the user's mute rules hide. */
export class MuteRuleMatcher {
  constructor(
    private readonly muteRules: () => readonly MuteRule[],
    private readonly foldedText: FoldedItemText,
  ) {}

  /** True when one of the mute rules hides this item. */
  isMuted(record: ItemRecord): boolean {
    const rules = this.muteRules();
    if (rules.length === 0) return false;
    // Folding only the title when no rule looks at it keeps the check cheap for a whole library.
    const text = {
      feedId: record.feedId,
      title: rules.some((rule) => rule.field === 'title') ? searchableText(record.title) : ' ',
      everything: this.foldedText.of(record),
    };
    return rules.some((rule) => matchesMuteRule(rule, text));
  }
}
