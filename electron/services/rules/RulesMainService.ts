import { randomUUID } from 'node:crypto';
import {
  fail,
  ok,
  type MuteRule,
  type rulesContract,
  type SavedSearch,
  type ServiceImplementation,
} from '@shared/contract';
import { searchTermsOf } from '@shared/domain/library/compileSearchQuery';
import { mutePhraseOf } from '@shared/domain/library/matchesMuteRule';
import { parseSearchQuery } from '@shared/domain/library/parseSearchQuery';
import type { Clock } from '../feeds/ports';
import type { LibraryStore } from '../library/LibraryStore';

type RulesService = ServiceImplementation<typeof rulesContract>;

const NO_SUCH_FEED = 'That feed is no longer in your library.';

/**
 * Mute rules and saved searches. The store applies mute rules (to the whole library when they
 * change, to each item as it arrives), so every list and count agrees the moment a call returns.
 */
export class RulesMainService implements RulesService {
  private readonly store: LibraryStore;
  private readonly clock: Clock;

  constructor(dependencies: { store: LibraryStore; clock: Clock }) {
    this.store = dependencies.store;
    this.clock = dependencies.clock;
  }

  // Methods are arrow properties so a transport may call them detached from the instance.

  readonly list: RulesService['list'] = async () => ok(this.store.rules());

  readonly addMuteRule: RulesService['addMuteRule'] = async ({ text, feedId, field }) => {
    const phrase = mutePhraseOf(text);
    if (phrase === null) {
      return fail('nothing-to-match', 'A mute rule needs at least one letter or digit.');
    }
    if (feedId !== undefined && !this.store.getFeed(feedId)) return fail('not-found', NO_SUCH_FEED);
    const rules = this.store.rules();
    const scope = feedId ?? null;
    const existing = rules.muteRules.find(
      (rule) => rule.feedId === scope && rule.field === field && mutePhraseOf(rule.text) === phrase,
    );
    if (existing) return fail('duplicate', `“${existing.text}” is already muted.`);
    const rule: MuteRule = {
      id: randomUUID(),
      text,
      feedId: scope,
      field,
      createdAt: this.clock.now().toISOString(),
    };
    await this.store.saveRules({ ...rules, muteRules: [...rules.muteRules, rule] });
    return ok(rule);
  };

  readonly removeMuteRule: RulesService['removeMuteRule'] = async ({ id }) => {
    const rules = this.store.rules();
    const muteRules = rules.muteRules.filter((rule) => rule.id !== id);
    if (muteRules.length === rules.muteRules.length) {
      return fail('not-found', 'That mute rule was already removed.');
    }
    await this.store.saveRules({ ...rules, muteRules });
    return ok({ id });
  };

  readonly saveSearch: RulesService['saveSearch'] = async ({ name, query, feedId, filter }) => {
    // Refused now, with the reason, rather than saved and failing each time it is opened.
    const parsed = parseSearchQuery(query);
    if (!parsed.ok) return fail('invalid-query', parsed.message);
    if (searchTermsOf(query).length === 0) {
      return fail('nothing-to-match', 'A saved search needs at least one word to look for.');
    }
    if (feedId !== undefined && !this.store.getFeed(feedId)) return fail('not-found', NO_SUCH_FEED);
    const rules = this.store.rules();
    const folded = name.toLocaleLowerCase();
    if (rules.savedSearches.some((search) => search.name.toLocaleLowerCase() === folded)) {
      return fail('duplicate', `You already have a saved search called “${name}”.`);
    }
    const search: SavedSearch = {
      id: randomUUID(),
      name,
      query,
      feedId: feedId ?? null,
      filter,
      createdAt: this.clock.now().toISOString(),
    };
    await this.store.saveRules({ ...rules, savedSearches: [...rules.savedSearches, search] });
    return ok(search);
  };

  readonly renameSavedSearch: RulesService['renameSavedSearch'] = async ({ id, name }) => {
    const rules = this.store.rules();
    const search = rules.savedSearches.find((saved) => saved.id === id);
    if (!search) return fail('not-found', 'That saved search was already removed.');
    const folded = name.toLocaleLowerCase();
    const namesake = rules.savedSearches.find(
      (saved) => saved.id !== id && saved.name.toLocaleLowerCase() === folded,
    );
    if (namesake)
      return fail('duplicate', `You already have a saved search called “${namesake.name}”.`);
    const renamed: SavedSearch = { ...search, name };
    await this.store.saveRules({
      ...rules,
      savedSearches: rules.savedSearches.map((saved) => (saved.id === id ? renamed : saved)),
    });
    return ok(renamed);
  };

  readonly removeSavedSearch: RulesService['removeSavedSearch'] = async ({ id }) => {
    const rules = this.store.rules();
    const savedSearches = rules.savedSearches.filter((search) => search.id !== id);
    if (savedSearches.length === rules.savedSearches.length) {
      return fail('not-found', 'That saved search was already removed.');
    }
    await this.store.saveRules({ ...rules, savedSearches });
    return ok({ id });
  };
}
