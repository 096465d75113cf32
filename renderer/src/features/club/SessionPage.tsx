import type { BundleImported, DraftSource, ExportFinding, SessionView } from '@shared/contract';
import { SESSION_STATUSES, type SessionStatus } from '@shared/domain/club/session/sessionValues';
import { useEffect, useId, useState } from 'react';
import { FormFailure } from '../../ui/FormFailure';
import { saveTextFile } from '../../ui/saveTextFile';
import { useIsMounted } from '../../ui/useIsMounted';
import { useGuardedExport } from '../guard/useGuardedExport';
import type { ClubClient } from './clubClient';
import { describeStart, describeSync, SESSION_STATUS_NAMES } from './clubText';
import { SessionDiscussion } from './discussion/SessionDiscussion';
import { ImportBundleButton } from './ImportBundleButton';
import { InlineSelect } from './InlineSelect';
import { LogCpdDialog } from './LogCpdDialog';
import { PresenterView } from './PresenterView';
import { SavedOnBlurField } from './SavedOnBlurField';
import { ActionsSection } from './session/ActionsSection';
import { AttendanceSection } from './session/AttendanceSection';
import { BottomLineSection } from './session/BottomLineSection';
import { DiscussionWindowLine } from './session/DiscussionWindowLine';
import { HighlightsSection } from './session/HighlightsSection';
import { PaperAppraisalPanel } from './session/PaperAppraisalPanel';
import { PapersSection } from './session/PapersSection';
import type { ChangeSession } from './session/sessionEdits';
import { VoteSection } from './session/VoteSection';
import { useSessionView } from './useSessionView';

export interface SessionPageProps {
  client: ClubClient;
  sessionId: string;
  viewerZone: string;
  onBack: () => void;
  onOpenItem: (itemId: string) => void;
  onImported: (imported: BundleImported) => void;
  onNews: (message: string) => void;
  onFailure: (message: string) => void;
  /** Starts a summary of one of the session's papers; no button without it. */
  onWriteSummary?: (source: DraftSource) => void;
}

/** The statuses a user picks; "closed" comes only from "Close session", with a bottom line. */
const STATUS_CHOICES = SESSION_STATUSES.filter((status) => status !== 'closed').map(
  (status: SessionStatus) => ({ value: status, label: SESSION_STATUS_NAMES[status] }),
);

/** One session: papers, pre-reading, appraisal, discussion, vote, actions, attendance, bottom line. */
export function SessionPage(props: SessionPageProps) {
  const { client, sessionId } = props;
  const session = useSessionView(client, sessionId);
  if (session.state.status === 'loading')
    return <p className="pane-loading">Opening the session…</p>;
  if (session.state.status === 'failed') {
    return (
      <div className="club-page">
        <div className="club-toolbar">
          <button type="button" className="button button-quiet" onClick={props.onBack}>
            <span aria-hidden="true">←</span> Back to the club
          </button>
        </div>
        <div className="pane-problem" role="alert">
          <p>The session could not be opened. {session.state.message}</p>
        </div>
      </div>
    );
  }
  return (
    <SessionContent
      {...props}
      view={session.state.view}
      change={session.change}
      reload={session.reload}
    />
  );
}

interface SessionContentProps extends SessionPageProps {
  view: SessionView;
  change: ChangeSession;
  reload: () => void;
}

type SessionDialog = 'presenter' | 'cpd' | null;

const FINDINGS_NAMED = 3;

/** "Shared live with your club’s server: 2 possible patient identifiers — “Mrs Jane Doe”, …." */
export function describeLiveFindings(findings: readonly ExportFinding[]): string {
  const count = findings.length;
  const named = [...new Set(findings.map((finding) => `“${finding.text}”`))];
  const shown = named.slice(0, FINDINGS_NAMED).join(', ');
  const more = named.length > FINDINGS_NAMED ? ', …' : '';
  return `Shared live with your club’s server: ${count} possible patient identifier${count === 1 ? '' : 's'} — ${shown}${more}.`;
}

/**
 * What the privacy guard finds in a session shared live through the club's own server, read
 * again whenever the view does (the session changed). Within the club the guard only warns, so
 * nothing is asked while the club works offline or has no server.
 */
function useLiveFindings(client: ClubClient, view: SessionView): ExportFinding[] {
  const [findings, setFindings] = useState<ExportFinding[]>([]);
  const isMounted = useIsMounted();
  const live = view.sync.serverUrl !== null && view.sync.status !== 'off';
  useEffect(() => {
    if (!live) return;
    let current = true;
    void client.privacyFindings({ sessionId: view.sessionId }).then((result) => {
      // A failed check keeps the last warning rather than hiding it.
      if (current && isMounted() && result.ok) setFindings(result.value);
    });
    return () => {
      current = false;
    };
  }, [client, view, live, isMounted]);
  return live ? findings : [];
}

function SessionContent({
  client,
  view,
  change,
  reload,
  viewerZone,
  onBack,
  onOpenItem,
  onImported,
  onNews,
  onFailure,
  onWriteSummary,
}: SessionContentProps) {
  const ids = {
    pdfs: useId(),
    prereading: useId(),
    appraisal: useId(),
    discussion: useId(),
  };
  const [includePdfs, setIncludePdfs] = useState(false);
  const [dialog, setDialog] = useState<SessionDialog>(null);
  const [statusFailure, setStatusFailure] = useState<string | null>(null);
  const closed = view.metadata.status === 'closed';
  const editable = !closed;
  const guard = useGuardedExport('the session');
  const liveFindings = useLiveFindings(client, view);

  const exportBundle = () =>
    guard.start({
      findings: () => client.bundleFindings({ sessionId: view.sessionId }),
      exportWith: async (kept) => {
        const result = await client.exportBundle({ sessionId: view.sessionId, includePdfs, kept });
        if (!result.ok) return result.message;
        saveTextFile(result.value.fileName, result.value.text, result.value.mediaType);
        onNews(`Saved “${result.value.fileName}”.`);
        return null;
      },
      onFailure,
    });

  const saveFile = async (
    work: () => ReturnType<ClubClient['invitation']>,
    news: (fileName: string) => string,
  ) => {
    const result = await work();
    if (!result.ok) return onFailure(result.message);
    saveTextFile(result.value.fileName, result.value.text, result.value.mediaType);
    onNews(news(result.value.fileName));
  };

  return (
    <div className="club-page">
      <div className="club-toolbar">
        <button type="button" className="button button-quiet" onClick={onBack}>
          <span aria-hidden="true">←</span> Back to {view.clubName}
        </button>
      </div>
      <header className="club-header">
        <h1 className="club-title">{view.metadata.title}</h1>
        {view.hashtag !== '' ? <span className="club-hashtag">{view.hashtag}</span> : null}
      </header>
      <div className="club-session-status">
        <p>Status: {SESSION_STATUS_NAMES[view.metadata.status]}</p>
        {closed ? null : (
          <InlineSelect
            label="Status"
            value={view.metadata.status}
            choices={STATUS_CHOICES}
            onChange={(status) =>
              void change({ kind: 'metadata', changes: { status } }).then(setStatusFailure)
            }
          />
        )}
      </div>
      <FormFailure message={statusFailure} />
      <p className="club-session-time">
        {describeStart(view.startsAtInstant, view.metadata.timeZone, viewerZone)}
      </p>
      <p className="club-sync">{describeSync(view.sync)}</p>
      {liveFindings.length > 0 ? (
        <p role="status" className="export-findings-warning">
          {describeLiveFindings(liveFindings)}
        </p>
      ) : null}
      {view.dropped > 0 ? (
        <p className="club-hint">
          {view.dropped === 1 ? 'One entry' : `${view.dropped} entries`} from another copy of this
          session did not fit and are not shown.
        </p>
      ) : null}
      <div className="club-actions">
        <button type="button" className="button" onClick={() => void exportBundle()}>
          Export bundle
        </button>
        <label className="club-check" htmlFor={ids.pdfs}>
          <input
            id={ids.pdfs}
            type="checkbox"
            checked={includePdfs}
            onChange={(event) => setIncludePdfs(event.target.checked)}
          />
          Include PDFs
        </label>
        <ImportBundleButton
          client={client}
          onImported={(imported) => {
            onImported(imported);
            reload();
          }}
          onFailure={onFailure}
        />
        <button
          type="button"
          className="button"
          onClick={() =>
            void saveFile(
              () => client.invitation({ sessionId: view.sessionId }),
              (name) => `Saved “${name}”.`,
            )
          }
        >
          Save invitation (.ics)
        </button>
        <button type="button" className="button" onClick={() => setDialog('presenter')}>
          {"Presenter's view"}
        </button>
        <button type="button" className="button" onClick={() => setDialog('cpd')}>
          Log CPD
        </button>
      </div>
      <PapersSection view={view} onOpenItem={onOpenItem} onWriteSummary={onWriteSummary} />
      <section className="club-section" aria-labelledby={ids.prereading}>
        <h2 id={ids.prereading}>Pre-reading</h2>
        <SavedOnBlurField
          label="Presenter's notes"
          multiline
          maxLength={20_000}
          value={view.presenterNotes}
          disabled={!editable}
          onSave={(text) => change({ kind: 'presenterNotes', text })}
        />
        <DiscussionWindowLine
          view={view}
          viewerZone={viewerZone}
          editable={editable}
          change={change}
        />
      </section>
      <section className="club-section" aria-labelledby={ids.appraisal}>
        <h2 id={ids.appraisal}>Appraisal</h2>
        {view.papers.map((paper) => (
          <PaperAppraisalPanel
            key={paper.paperId}
            paper={paper}
            members={view.members}
            editable={editable}
            change={change}
          />
        ))}
      </section>
      {/* A plain block: the editor is itself the "Discussion" region. */}
      <div className="club-section">
        <h2>Discussion</h2>
        <SessionDiscussion sessionId={view.sessionId} editable={editable} relay={client} />
      </div>
      <VoteSection view={view} editable={editable} change={change} />
      <ActionsSection view={view} editable={editable} change={change} />
      <AttendanceSection view={view} editable={editable} change={change} />
      <HighlightsSection view={view} />
      <BottomLineSection view={view} change={change} />
      {guard.dialog}
      {dialog === 'presenter' ? <PresenterView view={view} onExit={() => setDialog(null)} /> : null}
      {dialog === 'cpd' ? (
        <LogCpdDialog
          client={client}
          target={{ kind: 'new', sessionId: view.sessionId }}
          onSaved={() => {
            setDialog(null);
            onNews('Saved to your CPD log.');
          }}
          onClose={() => setDialog(null)}
        />
      ) : null}
    </div>
  );
}
