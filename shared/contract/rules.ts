import { z } from 'zod';
import { method, service } from './define';
import type { ItemFilter } from './library';

/** Which part of an item a mute rule looks at. */
export type MuteField = 'title' | 'any';

/**
 * Hides items that mention a word or phrase. Matching ignores case and accents and respects word
 * boundaries ("stent" does not mute "stenting"). Muted items are hidden, never deleted: removing
 * the rule brings them back.
 */
export interface MuteRule {
  id: string;
  /** The word or phrase, as the user typed it. */
  text: string;
  /** Only this feed's items, or null for every feed. */
  feedId: string | null;
  /** `title` looks at titles only; `any` at title, excerpt, authors and journal. */
  field: MuteField;
  /** ISO 8601 UTC. */
  createdAt: string;
}

/** A search the user kept; the sources pane lists it as a virtual folder. */
export interface SavedSearch {
  id: string;
  name: string;
  /** Words and "quoted phrases", as library.list's `query` takes them. */
  query: string;
  /** Searches only this feed, or null for the whole library. */
  feedId: string | null;
  filter: ItemFilter;
  /** ISO 8601 UTC. */
  createdAt: string;
}

/** Every mute rule and saved search, oldest first. */
export interface RuleSet {
  muteRules: MuteRule[];
  savedSearches: SavedSearch[];
}

/** Longest mute phrase or search query accepted. */
export const MAX_RULE_TEXT_LENGTH = 200;

const id = z.string().min(1).max(128);
const ruleText = z.string().trim().min(1).max(MAX_RULE_TEXT_LENGTH);
const savedSearchName = z
  .string()
  .trim()
  .min(1, 'Give the search a name')
  .max(120, 'A search name can be at most 120 characters');

/**
 * The `rules` service: mute rules, applied to items as they arrive and to the whole library
 * whenever a rule is added or removed, and saved searches.
 */
export const rulesContract = service('rules', {
  /** Every mute rule and saved search. */
  list: method<RuleSet>()({ args: z.tuple([]) }),
  /** Adds a mute rule; matching items leave every list and unread count at once. */
  addMuteRule: method<MuteRule>()({
    args: z.tuple([
      z.object({
        text: ruleText,
        feedId: id.optional(),
        field: z.enum(['title', 'any']).default('any'),
      }),
    ]),
    errors: ['duplicate', 'not-found', 'nothing-to-match'],
  }),
  /** Removes a mute rule; the items it hid come back. */
  removeMuteRule: method<{ id: string }>()({
    args: z.tuple([z.object({ id })]),
    errors: ['not-found'],
  }),
  /** Keeps a search under a name. */
  saveSearch: method<SavedSearch>()({
    args: z.tuple([
      z.object({
        name: savedSearchName,
        query: ruleText,
        feedId: id.optional(),
        filter: z.enum(['all', 'unread', 'starred']).default('all'),
      }),
    ]),
    errors: ['duplicate', 'not-found', 'nothing-to-match', 'invalid-query'],
  }),
  /** Renames a saved search; another saved search of that name (ignoring case) is a `duplicate`. */
  renameSavedSearch: method<SavedSearch>()({
    args: z.tuple([z.object({ id, name: savedSearchName })]),
    errors: ['not-found', 'duplicate'],
  }),
  /** Forgets a saved search (its items stay in the library). */
  removeSavedSearch: method<{ id: string }>()({
    args: z.tuple([z.object({ id })]),
    errors: ['not-found'],
  }),
});
