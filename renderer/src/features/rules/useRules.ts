import type { MuteField, MuteRule, Result, RuleSet, SavedSearch } from '@shared/contract';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../ipc/api';

/** What a new saved search holds besides its name. */
export interface SearchToSave {
  name: string;
  query: string;
  feedId?: string;
  filter: SavedSearch['filter'];
}

/** The mute rules and saved searches, and the calls that change them. */
export interface Rules extends RuleSet {
  error: string | null;
  reload: () => Promise<void>;
  addMuteRule: (text: string, field?: MuteField) => Promise<Result<MuteRule, string>>;
  removeMuteRule: (id: string) => Promise<Result<{ id: string }, string>>;
  saveSearch: (search: SearchToSave) => Promise<Result<SavedSearch, string>>;
  renameSavedSearch: (id: string, name: string) => Promise<Result<SavedSearch, string>>;
  removeSavedSearch: (id: string) => Promise<Result<{ id: string }, string>>;
}

const NONE: RuleSet = { muteRules: [], savedSearches: [] };

/** Loads the rules once and reloads them after every change this window makes. */
export function useRules(): Rules {
  const [state, setState] = useState<{ ruleSet: RuleSet; error: string | null }>({
    ruleSet: NONE,
    error: null,
  });
  const latestLoad = useRef(0);

  const reload = useCallback(async () => {
    latestLoad.current += 1;
    const load = latestLoad.current;
    const result = await api.rules.list();
    // A slower, older answer must not overwrite a newer one.
    if (load !== latestLoad.current) return;
    setState((current) =>
      result.ok
        ? { ruleSet: result.value, error: null }
        : { ruleSet: current.ruleSet, error: result.message },
    );
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  const thenReload = useCallback(
    async <T>(call: Promise<Result<T, string>>): Promise<Result<T, string>> => {
      const result = await call;
      if (result.ok) await reload();
      return result;
    },
    [reload],
  );

  return {
    ...state.ruleSet,
    error: state.error,
    reload,
    addMuteRule: useCallback(
      (text, field = 'any') => thenReload(api.rules.addMuteRule({ text, field })),
      [thenReload],
    ),
    removeMuteRule: useCallback((id) => thenReload(api.rules.removeMuteRule({ id })), [thenReload]),
    saveSearch: useCallback((search) => thenReload(api.rules.saveSearch(search)), [thenReload]),
    renameSavedSearch: useCallback(
      (id, name) => thenReload(api.rules.renameSavedSearch({ id, name })),
      [thenReload],
    ),
    removeSavedSearch: useCallback(
      (id) => thenReload(api.rules.removeSavedSearch({ id })),
      [thenReload],
    ),
  };
}
