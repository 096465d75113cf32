import * as Y from 'yjs';
import { encodeBase64 } from '@shared/domain/club/session/base64';
import { encodeState } from '@shared/domain/club/session/sessionDocument';
import { ROUNDS_BUNDLE_FORMAT } from '@shared/domain/club/session/roundsBundle';
import { Emitter } from '../Emitter';
import type { ClubRecords } from './ClubRecords';
import type {
  ClubStore,
  Notices,
  ScheduleSoon,
  SessionFiles,
  SessionSyncLink,
  StoredClub,
  SyncConnector,
  SyncStatus,
} from './ports';

// The session documents held in memory: loading them once, saving every change (the user's before
// the call resolves, the sync server's in one write per burst), and their live links to the
// club's sync server. Kept apart so the service's methods only say what a change is.

/** Origin of the changes the service makes and saves itself (the others are saved soon after). */
export const LOCAL_ORIGIN = Symbol('club-service');
const SAVED_BY_CALLER = new Set<unknown>([LOCAL_ORIGIN, ROUNDS_BUNDLE_FORMAT]);

/** A session document held in memory, with its link to the sync server. */
export interface OpenSession {
  sessionId: string;
  clubId: string;
  doc: Y.Doc;
  /** The write waiting to start (joined by later requests), and the last one started. */
  queued: Promise<void> | null;
  writing: Promise<void>;
  /** Changes from the sync server are waiting to be saved. */
  remotePending: boolean;
  link: SessionSyncLink | null;
  status: SyncStatus;
  problem: string | null;
}

/** What {@link SessionDocuments} works with. */
export interface SessionDocumentsDependencies {
  records: ClubRecords;
  store: ClubStore;
  files: SessionFiles;
  notices: Notices;
  sync: SyncConnector | null;
  scheduleSoon: ScheduleSoon;
}

export class SessionDocuments {
  private readonly records: ClubRecords;
  private readonly store: ClubStore;
  private readonly files: SessionFiles;
  private readonly notices: Notices;
  private readonly sync: SyncConnector | null;
  private readonly scheduleSoon: ScheduleSoon;
  private readonly changed = new Emitter<{ sessionId: string; update: string }>();
  private readonly open = new Map<string, OpenSession>();
  private readonly opening = new Map<string, Promise<OpenSession | null>>();
  private closing: Promise<void> | null = null;

  /** Every update of an open document, as the windows receive it. */
  readonly onDidChange = this.changed.subscribe;

  constructor(dependencies: SessionDocumentsDependencies) {
    this.records = dependencies.records;
    this.store = dependencies.store;
    this.files = dependencies.files;
    this.notices = dependencies.notices;
    this.sync = dependencies.sync;
    this.scheduleSoon = dependencies.scheduleSoon;
  }

  /** The session's document, loaded from its file the first time; null when it cannot be read. */
  async openSession(sessionId: string): Promise<OpenSession | null> {
    const loaded = this.open.get(sessionId);
    if (loaded) return loaded;
    const club = this.records.clubHolding(sessionId);
    if (!club) return null;
    let opening = this.opening.get(sessionId);
    if (!opening) {
      opening = this.load(sessionId, club.clubId).finally(() => this.opening.delete(sessionId));
      this.opening.set(sessionId, opening);
    }
    return opening;
  }

  private async load(sessionId: string, clubId: string): Promise<OpenSession | null> {
    const read = await this.files.read(sessionId);
    if (read.notice) await this.notices.add([read.notice]);
    if (read.update === null) return null;
    const doc = new Y.Doc();
    Y.applyUpdate(doc, read.update);
    const session = this.adopt(sessionId, clubId, doc);
    const club = this.records.clubOf(clubId);
    if (club && this.syncsLive(club)) this.connect(session, club);
    return session;
  }

  /** The club's sessions that can be read, loading those not yet in memory. */
  async openAll(club: StoredClub): Promise<OpenSession[]> {
    const sessions: OpenSession[] = [];
    for (const sessionId of club.sessionIds) {
      const session = await this.openSession(sessionId);
      if (session) sessions.push(session);
    }
    return sessions;
  }

  /** Holds a session document: every change is told to the windows and saved. */
  adopt(sessionId: string, clubId: string, doc: Y.Doc): OpenSession {
    const session: OpenSession = {
      sessionId,
      clubId,
      doc,
      queued: null,
      writing: Promise.resolve(),
      remotePending: false,
      link: null,
      status: 'connecting',
      problem: null,
    };
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      this.changed.fire({ sessionId, update: encodeBase64(update) });
      if (SAVED_BY_CALLER.has(origin) || session.remotePending) return;
      // From the sync server: saved soon, in one write for a burst of updates.
      session.remotePending = true;
      this.scheduleSoon(() => {
        if (!session.remotePending) return;
        session.remotePending = false;
        this.persist(session).catch((error: unknown) => {
          console.error(`[rounds] session ${sessionId} could not be saved`, error);
        });
      });
    });
    this.open.set(sessionId, session);
    const club = this.records.clubOf(clubId);
    if (club && this.syncsLive(club) && !this.opening.has(sessionId)) this.connect(session, club);
    return session;
  }

  /** Applies a change made here and resolves once it is on disk. */
  async changeDoc(session: OpenSession, change: () => void): Promise<void> {
    let changed = false;
    const noteChange = () => {
      changed = true;
    };
    session.doc.on('update', noteChange);
    try {
      session.doc.transact(change, LOCAL_ORIGIN);
    } finally {
      session.doc.off('update', noteChange);
    }
    if (changed) await this.persist(session);
  }

  /** Saves the document's whole state; a request made while one waits joins it. */
  persist(session: OpenSession): Promise<void> {
    if (session.queued) return session.queued;
    const queued = session.writing
      .catch(() => undefined)
      .then(() => {
        session.queued = null;
        return this.files.write(session.sessionId, encodeState(session.doc));
      });
    session.queued = queued;
    session.writing = queued;
    return queued;
  }

  // ---- sync ----

  syncsLive(club: StoredClub): boolean {
    return (
      this.sync !== null &&
      club.serverUrl !== null &&
      club.online &&
      this.store.token(club.clubId) !== null
    );
  }

  /** The state of the club's open links to its sync server. */
  linksOf(clubId: string): { status: SyncStatus; problem: string | null }[] {
    return [...this.open.values()]
      .filter((session) => session.clubId === clubId && session.link !== null)
      .map(({ status, problem }) => ({ status, problem }));
  }

  connectClub(club: StoredClub): void {
    if (!this.syncsLive(club)) return;
    for (const session of this.open.values()) {
      if (session.clubId === club.clubId && session.link === null) this.connect(session, club);
    }
  }

  private connect(session: OpenSession, club: StoredClub): void {
    const token = this.store.token(club.clubId);
    if (!this.sync || club.serverUrl === null || token === null || session.link) return;
    session.status = 'connecting';
    session.problem = null;
    session.link = this.sync.connect(
      session.sessionId,
      session.doc,
      { url: club.serverUrl, token },
      (status, problem) => {
        if (session.status === status && session.problem === problem) return;
        session.status = status;
        session.problem = problem;
        this.records.changed.fire({ clubId: session.clubId });
      },
    );
  }

  disconnectClub(clubId: string): void {
    for (const session of this.open.values()) {
      if (session.clubId !== clubId || !session.link) continue;
      session.link.close();
      session.link = null;
      session.status = 'connecting';
      session.problem = null;
    }
  }

  /** Disconnects from the sync server and saves every session change still waiting. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      for (const session of this.open.values()) {
        session.link?.close();
        session.link = null;
      }
      await Promise.allSettled([...this.opening.values()]);
      for (const session of this.open.values()) {
        if (session.remotePending) {
          session.remotePending = false;
          await this.persist(session).catch((error: unknown) => {
            console.error(`[rounds] session ${session.sessionId} could not be saved`, error);
          });
        }
        await session.writing.catch(() => undefined);
      }
    })();
    return this.closing;
  }
}
