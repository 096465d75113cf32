import type { DirectPostingPlatform, PostedThread } from '@shared/contract/share';
import { rememberingScan } from '@shared/domain/guard/rememberingScan';
import { checkDraft } from '@shared/domain/share/checkDraft';
import { useCallback, useMemo } from 'react';
import { FormFailure } from '../../../ui/FormFailure';
import { AutosaveStatus } from './AutosaveStatus';
import { BeforeSharingSection } from './BeforeSharingSection';
import { ClubFeedSection } from './ClubFeedSection';
import type { WhenSaved } from './composerTypes';
import { HandoutSection } from './HandoutSection';
import { PlainLanguageSection } from './PlainLanguageSection';
import type { ShareClient } from './shareClient';
import { SummarySection } from './SummarySection';
import { ThreadPreviewSection } from './ThreadPreviewSection';
import { useComposerDraft, type IdleTimer } from './useComposerDraft';
import { VisualAbstractSection } from './VisualAbstractSection';
import './composer.css';

export interface ComposerPageProps {
  client: ShareClient;
  draftId: string;
  /** "Open paper": shows the paper the summary is about. */
  onOpenItem: (itemId: string) => void;
  /** "All summaries". */
  onBack: () => void;
  /** Opens the dialogs the parent owns; it bumps `settingsVersion` when they changed something. */
  onOpenAccounts: () => void;
  onOpenFeedSettings: () => void;
  onAskDisclosure: () => void;
  /** Bumped by the parent after a dialog changed settings or accounts, so the page reloads them. */
  settingsVersion: number;
  /** How the idle autosave waits; the window's timer unless a test gives its own. */
  idleTimer?: IdleTimer;
}

const NOT_READY_REASON =
  'Resolve what “Before sharing” lists first: nothing leaves while it lists anything.';

/**
 * One summary being written, on one scrolling page: the guards' verdict with its fixes, the
 * text with possible identifiers marked, the thread per platform, the plain-language version, the
 * visual abstract, the handout and the club feed. The guards run on the text as typed, so marks
 * and the ready state follow every keystroke; every way out saves first and the backend checks
 * again, refusing with the same reasons.
 */
export function ComposerPage({
  client,
  draftId,
  onOpenItem,
  onBack,
  onOpenAccounts,
  onOpenFeedSettings,
  onAskDisclosure,
  settingsVersion,
  idleTimer,
}: ComposerPageProps) {
  const composer = useComposerDraft(client, draftId, settingsVersion, idleTimer);
  const { draft, settings, accounts, edit, flush, saveNow, adopt } = composer;

  // Each keystroke changes one part of the draft: the others' findings come from memory.
  const scan = useMemo(() => rememberingScan(), []);
  const check = useMemo(
    () => (draft !== null && settings !== null ? checkDraft(draft, settings, scan) : null),
    [draft, settings, scan],
  );

  const whenSaved: WhenSaved = useCallback(
    async (work) => {
      const message = await flush();
      if (message !== null) {
        return {
          ok: false,
          code: 'not-saved',
          message: `Nothing was shared: the latest edits are not saved (${message}).`,
        };
      }
      return work();
    },
    [flush],
  );

  const rereadDraft = useCallback(() => {
    void client.draft({ id: draftId }).then((result) => {
      if (result.ok) adopt(result.value);
    });
  }, [client, draftId, adopt]);

  const { recordStored } = composer;
  const recordPosted = useCallback(
    (platform: DirectPostingPlatform, thread: PostedThread | null) =>
      recordStored((current) => ({
        ...current,
        posted: { ...current.posted, [platform]: thread },
      })),
    [recordStored],
  );

  if (draft === null || settings === null || check === null) {
    return (
      <div className="composer-page">
        <div className="composer-bar">
          <button type="button" className="button" onClick={onBack}>
            All summaries
          </button>
        </div>
        {composer.loadFailure !== null ? (
          <FormFailure message={composer.loadFailure} />
        ) : (
          <p role="status">Opening the summary…</p>
        )}
      </div>
    );
  }

  const blockedReason = check.ready ? null : NOT_READY_REASON;
  const editing = { draft, edit, flush, saveNow };
  const { itemId } = draft.paper;

  return (
    <div className="composer-page">
      <header className="composer-header">
        <div className="composer-bar">
          <button
            type="button"
            className="button"
            onClick={() => {
              void flush();
              onBack();
            }}
          >
            All summaries
          </button>
          {itemId !== null ? (
            <button type="button" className="button" onClick={() => onOpenItem(itemId)}>
              Open paper
            </button>
          ) : null}
          <AutosaveStatus state={composer.saveState} />
        </div>
        <h1 className="composer-title">Summary: {draft.paper.title}</h1>
        {draft.sessionTitle !== null ? (
          <p className="composer-muted">
            {draft.club ? `${draft.club.name}: ` : ''}
            {draft.sessionTitle}
          </p>
        ) : null}
      </header>
      <BeforeSharingSection
        {...editing}
        client={client}
        check={check}
        settings={settings}
        adopt={adopt}
        onAskDisclosure={onAskDisclosure}
      />
      <SummarySection {...editing} check={check} />
      <ThreadPreviewSection
        client={client}
        draft={draft}
        settings={settings}
        accounts={accounts}
        blockedReason={blockedReason}
        whenSaved={whenSaved}
        onPosted={recordPosted}
        onOpenAccounts={onOpenAccounts}
      />
      <PlainLanguageSection {...editing} check={check} />
      <VisualAbstractSection
        {...editing}
        check={check}
        client={client}
        blockedReason={blockedReason}
        whenSaved={whenSaved}
      />
      <HandoutSection
        {...editing}
        check={check}
        client={client}
        blockedReason={blockedReason}
        whenSaved={whenSaved}
      />
      <ClubFeedSection
        client={client}
        draft={draft}
        blockedReason={blockedReason}
        whenSaved={whenSaved}
        onPublished={rereadDraft}
        onOpenFeedSettings={onOpenFeedSettings}
      />
    </div>
  );
}
