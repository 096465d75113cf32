import type { BundleImported, Club, SessionView } from '@shared/contract';
import { useState } from 'react';
import type { ClubClient, PaperFinder } from './clubClient';
import { describeSync } from './clubText';
import { ImportBundleButton } from './ImportBundleButton';
import { InlineSelect } from './InlineSelect';
import { NewSessionDialog, type ChosenPaper } from './NewSessionDialog';
import { RosterDialog } from './RosterDialog';
import { SessionList } from './SessionList';
import { SyncServerDialog } from './SyncServerDialog';
import { useClubOverview } from './useClubOverview';

export interface ClubPageProps {
  client: ClubClient;
  finder: PaperFinder;
  clubId: string;
  clubs: readonly Club[];
  myMemberId: string;
  viewerZone: string;
  /** Papers to start a new session with (from the reader), or null. */
  discuss: readonly ChosenPaper[] | null;
  onDiscussHandled: () => void;
  onSwitchClub: (clubId: string) => void;
  onNewClub: () => void;
  onOpenSession: (sessionId: string) => void;
  onOpenCpdLog: () => void;
  onImported: (imported: BundleImported) => void;
  onFailure: (message: string) => void;
  onClubChanged: (club: Club) => void;
}

type ClubDialog = 'new-session' | 'sync' | 'members' | null;

/** A club's page: its sessions upcoming and past, and what the club is set up with. */
export function ClubPage({
  client,
  finder,
  clubId,
  clubs,
  myMemberId,
  viewerZone,
  discuss,
  onDiscussHandled,
  onSwitchClub,
  onNewClub,
  onOpenSession,
  onOpenCpdLog,
  onImported,
  onFailure,
  onClubChanged,
}: ClubPageProps) {
  const { state, reload } = useClubOverview(client, clubId);
  const [dialog, setDialog] = useState<ClubDialog>(null);
  const clubChanged = (club: Club) => {
    onClubChanged(club);
    void reload();
  };

  if (state.status === 'loading') return <p className="pane-loading">Opening the club…</p>;
  if (state.status === 'failed') {
    return (
      <div className="pane-problem" role="alert">
        <p>The club could not be opened. {state.message}</p>
      </div>
    );
  }
  const { club, upcoming, past } = state.overview;
  const newSessionOpen = dialog === 'new-session' || discuss !== null;
  const closeNewSession = () => {
    setDialog(null);
    onDiscussHandled();
  };

  return (
    <div className="club-page">
      <div className="club-toolbar">
        {clubs.length > 1 ? (
          <InlineSelect
            label="Club"
            value={clubId}
            choices={clubs.map((candidate) => ({ value: candidate.clubId, label: candidate.name }))}
            onChange={onSwitchClub}
          />
        ) : null}
        <button type="button" className="button" onClick={onNewClub}>
          New club
        </button>
      </div>
      <header className="club-header">
        <h1 className="club-title">{club.name}</h1>
        {club.hashtag !== '' ? <span className="club-hashtag">{club.hashtag}</span> : null}
      </header>
      <p className="club-sync">{describeSync(club.sync)}</p>
      <div className="club-actions">
        <button
          type="button"
          className="button button-primary"
          onClick={() => setDialog('new-session')}
        >
          New session
        </button>
        <ImportBundleButton client={client} onImported={onImported} onFailure={onFailure} />
        <button type="button" className="button" onClick={() => setDialog('sync')}>
          Sync server…
        </button>
        <button type="button" className="button" onClick={onOpenCpdLog}>
          My CPD log
        </button>
        <button type="button" className="button" onClick={() => setDialog('members')}>
          Members…
        </button>
      </div>
      <SessionList
        heading="Upcoming sessions"
        sessions={upcoming}
        viewerZone={viewerZone}
        empty="No sessions planned yet."
        onOpen={onOpenSession}
      />
      <SessionList
        heading="Past sessions"
        sessions={past}
        viewerZone={viewerZone}
        empty="No closed sessions yet."
        onOpen={onOpenSession}
      />
      {newSessionOpen ? (
        <NewSessionDialog
          client={client}
          finder={finder}
          club={club}
          myMemberId={myMemberId}
          initialPapers={discuss ?? []}
          onCreated={(session: SessionView) => {
            closeNewSession();
            onOpenSession(session.sessionId);
          }}
          onClose={closeNewSession}
        />
      ) : null}
      {dialog === 'sync' ? (
        <SyncServerDialog
          client={client}
          club={club}
          onChanged={clubChanged}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog === 'members' ? (
        <RosterDialog
          client={client}
          club={club}
          myMemberId={myMemberId}
          onChanged={clubChanged}
          onClose={() => setDialog(null)}
        />
      ) : null}
    </div>
  );
}
