import type {
  DraftChanges,
  ShareAccounts,
  ShareSettings,
  SummaryDraft,
} from '@shared/contract/share';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useIsMounted } from '../../../ui/useIsMounted';
import type { ShareClient } from './shareClient';

/** How long typing must pause before the draft saves on its own. */
export const IDLE_SAVE_DELAY_MS = 800;

/** Where the autosave stands, for the status line. */
export type SaveState =
  { kind: 'saved' } | { kind: 'saving' } | { kind: 'failed'; message: string };

/** Starts a timer for the idle save; returns what cancels it. Tests pass their own. */
export type IdleTimer = (save: () => void, delayMs: number) => () => void;

const windowTimer: IdleTimer = (save, delayMs) => {
  const timer = window.setTimeout(save, delayMs);
  return () => window.clearTimeout(timer);
};

export interface ComposerDraft {
  /** The draft as the user sees it: what was saved plus every edit not saved yet. */
  draft: SummaryDraft | null;
  settings: ShareSettings | null;
  accounts: ShareAccounts | null;
  /** Why the draft could not be opened; null while loading or once open. */
  loadFailure: string | null;
  saveState: SaveState;
  /** Applies edits at once on screen; they are saved after a pause in typing or on `flush`. */
  edit: (changes: DraftChanges) => void;
  /** Saves every pending edit now; resolves with the refusal's message, or null once saved. */
  flush: () => Promise<string | null>;
  /** Applies edits and saves them at once (a redaction, a kept finding, an evidence fix). */
  saveNow: (changes: DraftChanges) => Promise<string | null>;
  /** Takes a draft another call returned (notices, a re-read), keeping edits not saved yet. */
  adopt: (saved: SummaryDraft) => void;
  /** Records what the backend already stored (how far a thread got) on the draft as shown. */
  recordStored: (change: (draft: SummaryDraft) => SummaryDraft) => void;
}

function withChanges(draft: SummaryDraft, changes: DraftChanges): SummaryDraft {
  return { ...draft, ...changes };
}

function isEmpty(changes: DraftChanges): boolean {
  return Object.keys(changes).length === 0;
}

/**
 * One draft open in the composer, autosaved. Edits are collected and sent together, one save at a
 * time in order, so a slow disk never lets an older text overwrite a newer one; a refused save
 * puts its edits back so the next attempt carries them, and nothing the user typed is dropped.
 */
export function useComposerDraft(
  client: ShareClient,
  draftId: string,
  settingsVersion: number,
  idleTimer: IdleTimer = windowTimer,
  idleDelayMs: number = IDLE_SAVE_DELAY_MS,
): ComposerDraft {
  const [draft, setDraft] = useState<SummaryDraft | null>(null);
  const [settings, setSettings] = useState<ShareSettings | null>(null);
  const [accounts, setAccounts] = useState<ShareAccounts | null>(null);
  const [loadFailure, setLoadFailure] = useState<string | null>(null);
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'saved' });
  const isMounted = useIsMounted();
  const pending = useRef<DraftChanges>({});
  const queue = useRef<Promise<string | null>>(Promise.resolve(null));
  const cancelIdleSave = useRef<(() => void) | null>(null);

  useEffect(() => {
    let current = true;
    void client.draft({ id: draftId }).then((result) => {
      if (!current) return;
      if (result.ok) {
        setDraft({ ...result.value });
        setLoadFailure(null);
      } else {
        setLoadFailure(result.message);
      }
    });
    return () => {
      current = false;
    };
  }, [client, draftId]);

  // The dialogs that change settings or accounts belong to the parent, which bumps the version.
  useEffect(() => {
    let current = true;
    void Promise.all([client.settings(), client.accounts()]).then(
      ([settingsResult, accountsResult]) => {
        if (!current) return;
        if (settingsResult.ok) setSettings(settingsResult.value);
        else setLoadFailure(settingsResult.message);
        if (accountsResult.ok) setAccounts(accountsResult.value);
      },
    );
    return () => {
      current = false;
    };
  }, [client, settingsVersion]);

  const adopt = useCallback((saved: SummaryDraft) => {
    setDraft(withChanges(saved, pending.current));
  }, []);

  const recordStored = useCallback((change: (draft: SummaryDraft) => SummaryDraft) => {
    setDraft((current) => (current ? change(current) : current));
  }, []);

  const flush = useCallback((): Promise<string | null> => {
    cancelIdleSave.current?.();
    cancelIdleSave.current = null;
    const run = queue.current.then(async (): Promise<string | null> => {
      const changes = pending.current;
      if (isEmpty(changes)) return null;
      pending.current = {};
      if (isMounted()) setSaveState({ kind: 'saving' });
      let message: string | null;
      try {
        const result = await client.saveDraft({ id: draftId, changes });
        if (result.ok) {
          if (isMounted()) setDraft(withChanges(result.value, pending.current));
          message = null;
        } else {
          message = result.message;
        }
      } catch {
        message = 'Rounds could not reach its data folder to save the summary.';
      }
      if (message !== null) {
        // Newer edits win over the refused ones, which still go with the next save.
        pending.current = { ...changes, ...pending.current };
        if (isMounted()) setSaveState({ kind: 'failed', message });
        return message;
      }
      if (isMounted())
        setSaveState(isEmpty(pending.current) ? { kind: 'saved' } : { kind: 'saving' });
      return null;
    });
    queue.current = run;
    return run;
  }, [client, draftId, isMounted]);

  const edit = useCallback(
    (changes: DraftChanges) => {
      pending.current = { ...pending.current, ...changes };
      setDraft((current) => (current ? withChanges(current, changes) : current));
      setSaveState((state) => (state.kind === 'failed' ? state : { kind: 'saving' }));
      cancelIdleSave.current?.();
      cancelIdleSave.current = idleTimer(() => void flush(), idleDelayMs);
    },
    [flush, idleTimer, idleDelayMs],
  );

  const saveNow = useCallback(
    (changes: DraftChanges) => {
      pending.current = { ...pending.current, ...changes };
      setDraft((current) => (current ? withChanges(current, changes) : current));
      return flush();
    },
    [flush],
  );

  // Leaving the page (back to the list, another area) saves what is still pending.
  const flushRef = useRef(flush);
  useEffect(() => {
    flushRef.current = flush;
  }, [flush]);
  useEffect(
    () => () => {
      void flushRef.current();
    },
    [],
  );

  return {
    draft,
    settings,
    accounts,
    loadFailure,
    saveState,
    edit,
    flush,
    saveNow,
    adopt,
    recordStored,
  };
}
