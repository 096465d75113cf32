import type { DraftSource, ShareSettings } from '@shared/contract';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { FormFailure } from '../../ui/FormFailure';
import { useIsMounted } from '../../ui/useIsMounted';
import { ComposerPage } from './composer/ComposerPage';
import type { ShareClient } from './composer/shareClient';
import { DraftsPage } from './drafts/DraftsPage';
import { AccountsDialog } from './settings/AccountsDialog';
import { DisclosureDialog } from './settings/DisclosureDialog';
import { FeedSettingsDialog } from './settings/FeedSettingsDialog';
import './share.css';

export interface ShareAreaProps {
  client: ShareClient;
  /** A summary to start ("Write summary" in the reader or on a session's paper), or null. */
  start?: DraftSource | null;
  /** The start was taken in hand: the owner clears `start`, so it is not started twice. */
  onStartHandled?: () => void;
  /** Shows a paper in the reader (leaving the share area). */
  onOpenItem: (itemId: string) => void;
  /** Drawn above every page (the sources toggle, for a narrow window). */
  leading?: ReactNode;
  /** The time the list's "Edited …" counts from; the clock's unless a test sets it. */
  now?: Date;
}

type Screen = { kind: 'list' } | { kind: 'draft'; draftId: string };

type Dialog =
  // `then`: a summary waiting on the answer, started whether the user answers or not.
  { kind: 'disclosure'; then: DraftSource | null } | { kind: 'accounts' } | { kind: 'feed' } | null;

/**
 * Summaries, in place of the list and the reader: the list of drafts, or one draft in the
 * composer. It starts the drafts the reader and the club ask for, asking for the disclosure first
 * while the profile has none (composed drafts carry it from the start), and owns the settings
 * dialogs so the list and the composer open the same ones; `settingsVersion` tells the composer
 * to read settings and accounts again after a dialog saved.
 */
export function ShareArea({
  client,
  start = null,
  onStartHandled = () => undefined,
  onOpenItem,
  leading,
  now,
}: ShareAreaProps) {
  const [screen, setScreen] = useState<Screen>({ kind: 'list' });
  const [settings, setSettings] = useState<ShareSettings | null>(null);
  const [settingsVersion, setSettingsVersion] = useState(0);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [news, setNews] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const isMounted = useIsMounted();

  const say = (message: string) => {
    setFailure(null);
    setNews(message);
  };
  const fail = useCallback((message: string) => {
    setNews('');
    setFailure(message);
  }, []);

  const loadSettings = useCallback(
    () =>
      client.settings().then((loaded) => {
        if (!isMounted()) return null;
        if (!loaded.ok) {
          fail(`The sharing settings could not be read. ${loaded.message}`);
          return null;
        }
        setSettings(loaded.value);
        return loaded.value;
      }),
    [client, fail, isMounted],
  );

  useEffect(() => {
    void loadSettings();
  }, [loadSettings]);

  const create = useCallback(
    async (source: DraftSource) => {
      // "Write summary" again on the same paper (or session paper) goes on with the summary
      // already begun, as a clinician expects, rather than starting a second one beside it.
      const earlier = await client.drafts(
        source.kind === 'paper' ? { itemId: source.itemId } : { sessionId: source.sessionId },
      );
      if (!isMounted()) return;
      const existing = earlier.ok
        ? earlier.value.find((draft) => sameSource(draft.source, source))
        : undefined;
      if (existing !== undefined) {
        setNews('');
        setScreen({ kind: 'draft', draftId: existing.id });
        return;
      }
      say('Starting the summary…');
      const created = await client.createDraft({ source });
      if (!isMounted()) return;
      if (!created.ok) {
        fail(`The summary could not be started. ${created.message}`);
        return;
      }
      setNews('');
      setScreen({ kind: 'draft', draftId: created.value.id });
    },
    [client, fail, isMounted],
  );

  // Each request is started once, however often the effect runs (StrictMode runs it twice).
  const handledStart = useRef<DraftSource | null>(null);
  useEffect(() => {
    if (start === null || handledStart.current === start) return;
    handledStart.current = start;
    onStartHandled();
    void (async () => {
      const current = await loadSettings();
      if (current === null) return;
      if (current.disclosure === null) setDialog({ kind: 'disclosure', then: start });
      else await create(start);
    })();
  }, [start, onStartHandled, loadSettings, create]);

  const settingsSaved = (saved: ShareSettings | null) => {
    if (saved !== null) setSettings(saved);
    setSettingsVersion((version) => version + 1);
  };

  const closeDisclosure = (then: DraftSource | null) => {
    setDialog(null);
    if (then !== null) void create(then);
  };

  let dialogShown: ReactNode = null;
  if (dialog !== null && settings !== null) {
    if (dialog.kind === 'disclosure') {
      dialogShown = (
        <DisclosureDialog
          client={client}
          disclosure={settings.disclosure}
          beforeNewSummary={dialog.then !== null}
          onSaved={(saved) => {
            settingsSaved(saved);
            if (dialog.then === null) say('Saved your disclosure.');
            closeDisclosure(dialog.then);
          }}
          onClose={() => closeDisclosure(dialog.then)}
        />
      );
    } else if (dialog.kind === 'accounts') {
      dialogShown = (
        <AccountsDialog
          client={client}
          settings={settings}
          onSaved={settingsSaved}
          onClose={() => setDialog(null)}
        />
      );
    } else {
      dialogShown = (
        <FeedSettingsDialog
          client={client}
          feed={settings.feed}
          onSaved={(saved) => {
            settingsSaved(saved);
            say('Saved the club feed’s settings.');
            setDialog(null);
          }}
          onClose={() => setDialog(null)}
        />
      );
    }
  }

  const openDisclosure = () => setDialog({ kind: 'disclosure', then: null });
  const openAccounts = () => setDialog({ kind: 'accounts' });
  const openFeedSettings = () => setDialog({ kind: 'feed' });

  return (
    <div className="feature-area">
      {leading !== undefined ? <div className="feature-area-bar">{leading}</div> : null}
      <p role="status" className="feature-news">
        {news}
      </p>
      <FormFailure message={failure} />
      {screen.kind === 'draft' ? (
        <ComposerPage
          key={screen.draftId}
          client={client}
          draftId={screen.draftId}
          onOpenItem={onOpenItem}
          onBack={() => {
            setNews('');
            setFailure(null);
            setScreen({ kind: 'list' });
          }}
          onOpenAccounts={openAccounts}
          onOpenFeedSettings={openFeedSettings}
          onAskDisclosure={openDisclosure}
          settingsVersion={settingsVersion}
        />
      ) : (
        <DraftsPage
          client={client}
          now={now}
          onOpenDraft={(draftId) => {
            setNews('');
            setFailure(null);
            setScreen({ kind: 'draft', draftId });
          }}
          onOpenDisclosure={openDisclosure}
          onOpenAccounts={openAccounts}
          onOpenFeedSettings={openFeedSettings}
        />
      )}
      {dialogShown}
    </div>
  );
}

/** The same paper, or the same paper of the same session. */
function sameSource(a: DraftSource, b: DraftSource): boolean {
  if (a.kind === 'paper' || b.kind === 'paper') {
    return a.kind === 'paper' && b.kind === 'paper' && a.itemId === b.itemId;
  }
  return a.sessionId === b.sessionId && a.paperId === b.paperId;
}
