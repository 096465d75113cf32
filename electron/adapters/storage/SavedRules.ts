import type { MuteRule, RuleSet, StorageNotice } from '@shared/contract';
import {
  LIBRARY_SCHEMA_VERSION,
  type RulesDocument,
} from '@shared/domain/library/libraryDocuments';
import { repairRulesDocument } from '@shared/domain/library/repairRulesDocument';
import type { LibraryDocument } from './LibraryDocument';
import type { CreateLibraryDocument } from './libraryDocumentFactory';

/** `rules.json`: mute rules and saved searches. Callers get copies of the rules. */
export class SavedRules {
  private ruleSet: RuleSet = { muteRules: [], savedSearches: [] };
  readonly document: LibraryDocument<RulesDocument>;

  constructor(createDocument: CreateLibraryDocument) {
    this.document = createDocument<RulesDocument>({
      relativePath: 'rules.json',
      subject: 'your mute rules and saved searches',
      remedy: '',
      backup: 'last-good',
      repair: repairRulesDocument,
      empty: () => ({ schemaVersion: LIBRARY_SCHEMA_VERSION, muteRules: [], savedSearches: [] }),
      serialize: () => ({ schemaVersion: LIBRARY_SCHEMA_VERSION, ...this.ruleSet }),
      indent: 2,
    });
  }

  get muteRules(): readonly MuteRule[] {
    return this.ruleSet.muteRules;
  }

  current(): RuleSet {
    return {
      muteRules: this.ruleSet.muteRules.map((rule) => ({ ...rule })),
      savedSearches: this.ruleSet.savedSearches.map((search) => ({ ...search })),
    };
  }

  /** Takes the new rules in memory at once (repaired as if read from disk); save with {@link write}. */
  replace(rules: RuleSet): void {
    const { document } = repairRulesDocument(rules);
    this.ruleSet = { muteRules: document.muteRules, savedSearches: document.savedSearches };
  }

  write(): Promise<void> {
    return this.document.write();
  }

  /** Loads the rules; returns the notice to show if the file had to be recovered. */
  async load(): Promise<StorageNotice | null> {
    const { document, notice } = await this.document.load();
    this.ruleSet = {
      muteRules: [...document.muteRules],
      savedSearches: [...document.savedSearches],
    };
    return notice;
  }
}
