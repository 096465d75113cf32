import type { BundleImported, Club, ClubProfile, DraftSource } from '@shared/contract';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { FormFailure } from '../../ui/FormFailure';
import { useIsMounted } from '../../ui/useIsMounted';
import { ClubPage } from './ClubPage';
import { coalescePerFrame, type ClubClient, type PaperFinder } from './clubClient';
import { windowTimeZone } from './clubText';
import { CpdLogPage } from './CpdLogPage';
import { CreateClubForm } from './CreateClubForm';
import { ImportBundleButton } from './ImportBundleButton';
import type { ChosenPaper } from './NewSessionDialog';
import { ProfileForm } from './ProfileForm';
import { SessionPage } from './SessionPage';
import './club.css';

export interface ClubAreaProps {
  client: ClubClient;
  finder: PaperFinder;
  /** The viewer's IANA zone; the window's unless a test sets it. */
  viewerZone?: string;
  /** A paper to start a session with ("Discuss at journal club"), or null. */
  discuss?: ChosenPaper | null;
  onDiscussHandled?: () => void;
  /** Opens a session's paper in the reader (leaving the club area). */
  onOpenItem: (itemId: string) => void;
  /** Drawn above every page (the sources toggle, for a narrow window). */
  leading?: ReactNode;
  /** Starts a summary of a session's paper (leaving the club area); no button without it. */
  onWriteSummary?: (source: DraftSource) => void;
}

type Screen =
  | { kind: 'club' }
  | { kind: 'new-club' }
  | { kind: 'session'; sessionId: string }
  | { kind: 'cpd' };

type Loaded =
  | { status: 'loading' }
  | { status: 'ready'; profile: ClubProfile; clubs: readonly Club[] }
  | { status: 'failed'; message: string };

/**
 * The journal club, in place of the list and the reader: the user's profile on first use, then
 * their clubs, a club's sessions, one session, and their CPD log. News of an import or an export
 * and failures that are not a form's own are said here, above whichever page is shown.
 */
export function ClubArea({
  client,
  finder,
  viewerZone = windowTimeZone(),
  discuss = null,
  onDiscussHandled = () => undefined,
  onOpenItem,
  leading,
  onWriteSummary,
}: ClubAreaProps) {
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [clubId, setClubId] = useState<string | null>(null);
  const [screen, setScreen] = useState<Screen>({ kind: 'club' });
  const [news, setNews] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const isMounted = useIsMounted();

  // A slower, older answer must not overwrite a newer one.
  const latestLoad = useRef(0);
  const load = useCallback(() => {
    latestLoad.current += 1;
    const asked = latestLoad.current;
    return Promise.all([client.profile(), client.clubs()]).then(([profile, clubs]) => {
      if (!isMounted() || asked !== latestLoad.current) return;
      if (!profile.ok) setLoaded({ status: 'failed', message: profile.message });
      else if (!clubs.ok) setLoaded({ status: 'failed', message: clubs.message });
      else setLoaded({ status: 'ready', profile: profile.value, clubs: clubs.value });
    });
  }, [client, isMounted]);

  useEffect(() => {
    void load();
    const reload = coalescePerFrame(() => void load());
    const unsubscribe = client.onDidChangeClubs(() => reload.request());
    return () => {
      unsubscribe();
      reload.cancel();
    };
  }, [client, load]);

  // A paper to discuss opens the club's page, where the new session's dialog is.
  const [discussShown, setDiscussShown] = useState<ChosenPaper | null>(null);
  if (discuss !== discussShown) {
    setDiscussShown(discuss);
    if (discuss !== null && screen.kind !== 'club') setScreen({ kind: 'club' });
  }

  const say = (message: string) => {
    setFailure(null);
    setNews(message);
  };
  const fail = (message: string) => {
    setNews('');
    setFailure(message);
  };
  const imported = (result: BundleImported) => {
    say(result.message);
    setClubId(result.clubId);
    if (screen.kind === 'new-club') setScreen({ kind: 'club' });
    void load();
  };

  const messages = (
    <>
      <p role="status" className="feature-news">
        {news}
      </p>
      <FormFailure message={failure} />
    </>
  );

  let page: ReactNode;
  if (loaded.status === 'loading') {
    page = <p className="pane-loading">Opening the journal club…</p>;
  } else if (loaded.status === 'failed') {
    page = (
      <div className="pane-problem" role="alert">
        <p>The journal club could not be opened. {loaded.message}</p>
      </div>
    );
  } else if (loaded.profile.name.trim() === '') {
    page = (
      <ProfileForm
        client={client}
        profile={loaded.profile}
        onSaved={(profile) => setLoaded({ ...loaded, profile })}
      />
    );
  } else {
    const { clubs, profile } = loaded;
    const club = clubs.find((candidate) => candidate.clubId === clubId) ?? clubs[0];
    const clubChanged = (changed: Club) =>
      setLoaded({
        ...loaded,
        clubs: clubs.map((candidate) =>
          candidate.clubId === changed.clubId ? changed : candidate,
        ),
      });
    if (club === undefined || screen.kind === 'new-club') {
      page = (
        <CreateClubForm
          client={client}
          viewerZone={viewerZone}
          onCancel={club === undefined ? undefined : () => setScreen({ kind: 'club' })}
          onCreated={(created) => {
            setLoaded({ ...loaded, clubs: [...clubs, created] });
            setClubId(created.clubId);
            setScreen({ kind: 'club' });
          }}
        >
          <div className="club-join">
            <h2 className="club-subheading">Joining a club?</h2>
            <p className="club-hint">Import the session bundle a member sent you.</p>
            <ImportBundleButton client={client} onImported={imported} onFailure={fail} />
          </div>
        </CreateClubForm>
      );
    } else if (screen.kind === 'session') {
      page = (
        <SessionPage
          key={screen.sessionId}
          client={client}
          sessionId={screen.sessionId}
          viewerZone={viewerZone}
          onBack={() => setScreen({ kind: 'club' })}
          onOpenItem={onOpenItem}
          onImported={imported}
          onNews={say}
          onFailure={fail}
          onWriteSummary={onWriteSummary}
        />
      );
    } else if (screen.kind === 'cpd') {
      page = (
        <CpdLogPage
          client={client}
          clubName={club.name}
          onBack={() => setScreen({ kind: 'club' })}
        />
      );
    } else {
      page = (
        <ClubPage
          key={club.clubId}
          client={client}
          finder={finder}
          clubId={club.clubId}
          clubs={clubs}
          myMemberId={profile.memberId}
          viewerZone={viewerZone}
          discuss={discuss === null ? null : [discuss]}
          onDiscussHandled={onDiscussHandled}
          onSwitchClub={setClubId}
          onNewClub={() => setScreen({ kind: 'new-club' })}
          onOpenSession={(sessionId) => {
            setNews('');
            setFailure(null);
            setScreen({ kind: 'session', sessionId });
          }}
          onOpenCpdLog={() => setScreen({ kind: 'cpd' })}
          onImported={imported}
          onFailure={fail}
          onClubChanged={clubChanged}
        />
      );
    }
  }

  return (
    <div className="feature-area">
      {leading !== undefined ? <div className="feature-area-bar">{leading}</div> : null}
      {messages}
      {page}
    </div>
  );
}
