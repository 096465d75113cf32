import { randomUUID } from 'node:crypto';
import type * as Y from 'yjs';
import {
  CLUB_ROLES,
  fail,
  ok,
  type Club,
  type ClubMember,
  type ClubProfile,
  type clubContract,
  type Failure,
  type ServiceImplementation,
  type SessionView,
} from '@shared/contract';
import { PICO_PARTS } from '@shared/domain/club/appraisal/pico';
import { decodeBase64, encodeBase64 } from '@shared/domain/club/session/base64';
import { discussionPlainText } from '@shared/domain/club/session/discussionText';
import {
  applyUpdate,
  clearPaperAnswer,
  closeSession,
  createSessionDoc,
  encodeState,
  removeActionItem,
  setActionItem,
  setAppraisalFields,
  setAttendance,
  setBottomLine,
  setPaperAnswer,
  setPaperDetails,
  setPerson,
  setPresenterNotes,
  setSessionClub,
  setSessionMetadata,
  setVote,
} from '@shared/domain/club/session/sessionDocument';
import { readSession } from '@shared/domain/club/session/sessionSnapshot';
import {
  SessionValueError,
  type SessionMetadata,
  type SessionPerson,
} from '@shared/domain/club/session/sessionValues';
import {
  checkTimeZone,
  utcFromZonedLocal,
  type TimeZoneCheck,
} from '@shared/domain/club/time/zonedTime';
import { sessionFindingsToResolve } from '@shared/domain/guard/exportParts';
import { bringMyselfIn, type MyselfSources } from './bringMyselfIn';
import { ClubCpdLog } from './ClubCpdLog';
import { NEEDS_PROFILE, NOT_FOUND_SESSION } from './clubMessages';
import { ClubRecords } from './ClubRecords';
import type {
  ClubAnnotations,
  ClubPapers,
  ClubStore,
  Clock,
  DiscussionRules,
  LibraryPaper,
  Notices,
  ScheduleSoon,
  SessionFiles,
  StoredClub,
  SyncConnector,
} from './ports';
import { SessionBundles } from './SessionBundles';
import { LOCAL_ORIGIN, SessionDocuments, type OpenSession } from './SessionDocuments';
import { aggregateSync, buildSessionView, summaryOf } from './sessionView';

type ClubService = ServiceImplementation<typeof clubContract>;

/** What {@link ClubMainService} works with. */
export interface ClubMainServiceDependencies {
  store: ClubStore;
  sessionFiles: SessionFiles;
  notices: Notices;
  papers: ClubPapers;
  annotations: ClubAnnotations;
  /** The club sync server's client; null where live sync is not available. */
  sync: SyncConnector | null;
  /** Runs the saving of changes that came from the sync server (see ScheduleSoon). */
  scheduleSoon: ScheduleSoon;
  discussion: DiscussionRules;
  clock: Clock;
  newId?: () => string;
  /** The zone a new profile counts its CPD years in: the machine's. */
  defaultTimeZone?: string;
}

const NOT_FOUND_CLUB = 'That club is no longer on this computer.';
const CLOSED =
  'This session is closed, so its record can no longer be changed. Set its status back to Live to change it.';

/**
 * The journal club: the user's profile, clubs and CPD log (small JSON files), and each session
 * as a Yjs document (one file each) that members merge by `.rounds` bundle or live through the
 * club's sync server. Every change from the window is checked by the session module, filed under
 * the user's own member id, and on disk before the call resolves.
 *
 * This class is the contract's face: profile, clubs, roster and what a change to a session means.
 * Holding the documents (SessionDocuments), files in and out (SessionBundles) and the CPD log
 * (ClubCpdLog) are parts of their own.
 */
export class ClubMainService implements ClubService {
  private readonly store: ClubStore;
  private readonly files: SessionFiles;
  private readonly papers: ClubPapers;
  private readonly sync: SyncConnector | null;
  private readonly discussion: DiscussionRules;
  private readonly newId: () => string;
  private readonly records: ClubRecords;
  private readonly documents: SessionDocuments;
  private readonly myself: MyselfSources;
  private readonly bundles: SessionBundles;
  private readonly cpd: ClubCpdLog;

  readonly onDidChangeClubs: ClubService['onDidChangeClubs'];
  readonly onDidChangeSession: ClubService['onDidChangeSession'];

  constructor(dependencies: ClubMainServiceDependencies) {
    this.store = dependencies.store;
    this.files = dependencies.sessionFiles;
    this.papers = dependencies.papers;
    this.sync = dependencies.sync;
    this.discussion = dependencies.discussion;
    this.newId = dependencies.newId ?? randomUUID;
    const { clock, store } = dependencies;
    this.records = new ClubRecords(
      store,
      this.newId,
      dependencies.defaultTimeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
    );
    this.documents = new SessionDocuments({
      records: this.records,
      store,
      files: this.files,
      notices: dependencies.notices,
      sync: this.sync,
      scheduleSoon: dependencies.scheduleSoon,
    });
    this.myself = {
      records: this.records,
      documents: this.documents,
      papers: this.papers,
      annotations: dependencies.annotations,
    };
    this.bundles = new SessionBundles({
      ...this.myself,
      files: this.files,
      clock,
      newId: this.newId,
      viewNow: (session, profile, itemIds) => this.viewNow(session, profile, itemIds),
    });
    this.cpd = new ClubCpdLog({
      records: this.records,
      documents: this.documents,
      store,
      clock,
      newId: this.newId,
    });
    this.onDidChangeClubs = this.records.changed.subscribe;
    this.onDidChangeSession = this.documents.onDidChange;
  }

  /** Loads the sessions of clubs that sync, so they connect to their server at start. */
  async start(): Promise<void> {
    for (const club of this.records.state.clubs) {
      if (this.documents.syncsLive(club)) await this.documents.openAll(club);
    }
  }

  // Methods are arrow properties so a transport may call them detached from the instance.

  readonly profile: ClubService['profile'] = async () => ok(await this.records.ensureProfile());

  readonly setProfile: ClubService['setProfile'] = async (changes) => {
    const current = await this.records.ensureProfile();
    const zone = changedZone(changes.timeZone, current.timeZone);
    if (!zone.ok) return fail('invalid-argument', zone.message);
    const timeZone = zone.zone;
    const profile: ClubProfile = {
      ...current,
      name: changes.name,
      profession: changes.profession,
      cpdBody: changes.cpdBody,
      timeZone,
    };
    // The user's own entry on every roster follows their profile.
    const touched: string[] = [];
    const clubs = this.records.state.clubs.map((club) => {
      const members = club.members.map((member) =>
        member.memberId === profile.memberId
          ? { ...member, name: profile.name, profession: profile.profession }
          : member,
      );
      if (members.some((member, index) => member !== club.members[index]))
        touched.push(club.clubId);
      return { ...club, members };
    });
    await this.records.saveState({ profile, clubs });
    for (const clubId of touched) this.records.changed.fire({ clubId });
    return ok({ ...profile });
  };

  readonly clubs: ClubService['clubs'] = async () =>
    ok(
      this.records.state.clubs
        .map((club) => this.clubView(club))
        .sort((a, b) => a.name.localeCompare(b.name) || a.clubId.localeCompare(b.clubId)),
    );

  readonly createClub: ClubService['createClub'] = async (input) => {
    const profile = await this.records.ensureProfile();
    if (profile.name === '') return fail('needs-profile', NEEDS_PROFILE);
    const zone = checkTimeZone(input.timeZone);
    if (!zone.ok) return fail('invalid-argument', zone.message);
    const club: StoredClub = {
      clubId: this.newId(),
      name: input.name,
      hashtag: input.hashtag,
      timeZone: zone.zone,
      defaultDisclosure: input.defaultDisclosure,
      members: [
        {
          memberId: profile.memberId,
          name: profile.name,
          profession: profile.profession,
          role: 'organiser',
          handle: null,
        },
      ],
      serverUrl: null,
      online: true,
      sessionIds: [],
    };
    await this.records.saveState({
      ...this.records.state,
      clubs: [...this.records.state.clubs, club],
    });
    this.records.changed.fire({ clubId: club.clubId });
    return ok(this.clubView(club));
  };

  readonly updateClub: ClubService['updateClub'] = async ({ clubId, ...changes }) => {
    const club = this.records.clubOf(clubId);
    if (!club) return fail('not-found', NOT_FOUND_CLUB);
    const zone = changedZone(changes.timeZone, club.timeZone);
    if (!zone.ok) return fail('invalid-argument', zone.message);
    const timeZone = zone.zone;
    const updated: StoredClub = {
      ...club,
      name: changes.name ?? club.name,
      hashtag: changes.hashtag ?? club.hashtag,
      defaultDisclosure: changes.defaultDisclosure ?? club.defaultDisclosure,
      timeZone,
    };
    await this.records.replaceClub(updated);
    // The sessions carry the club's details for members who receive them by bundle.
    for (const session of await this.documents.openAll(updated)) {
      if (readSession(session.doc).snapshot.metadata.status === 'closed') continue;
      await this.documents.changeDoc(session, () =>
        setSessionClub(session.doc, sessionClubOf(updated)),
      );
    }
    return ok(this.clubView(updated));
  };

  readonly setMember: ClubService['setMember'] = async ({ clubId, memberId, member }) => {
    const club = this.records.clubOf(clubId);
    if (!club) return fail('not-found', NOT_FOUND_CLUB);
    if (memberId !== undefined && !club.members.some((one) => one.memberId === memberId)) {
      return fail('not-found', 'That member is no longer on the club’s roster.');
    }
    const entry: ClubMember = { memberId: memberId ?? this.newId(), ...member };
    const members =
      memberId === undefined
        ? [...club.members, entry]
        : club.members.map((one) => (one.memberId === memberId ? entry : one));
    const updated = { ...club, members };
    await this.records.replaceClub(updated);
    return ok(this.clubView(updated));
  };

  readonly removeMember: ClubService['removeMember'] = async ({ clubId, memberId }) => {
    const club = this.records.clubOf(clubId);
    if (!club) return fail('not-found', NOT_FOUND_CLUB);
    if (!club.members.some((one) => one.memberId === memberId)) {
      return fail('not-found', 'That member is no longer on the club’s roster.');
    }
    if (memberId === this.records.state.profile?.memberId) {
      return fail('invalid-argument', 'You cannot remove yourself from the club’s roster.');
    }
    const updated = { ...club, members: club.members.filter((one) => one.memberId !== memberId) };
    await this.records.replaceClub(updated);
    return ok(this.clubView(updated));
  };

  readonly overview: ClubService['overview'] = async ({ clubId }) => {
    const club = this.records.clubOf(clubId);
    if (!club) return fail('not-found', NOT_FOUND_CLUB);
    const sessions = await this.documents.openAll(club);
    const view = this.clubView(club);
    const summaries = sessions.map((session) =>
      summaryOf(readSession(session.doc), session.sessionId, view),
    );
    const time = (startsAt: string | null) => (startsAt === null ? null : Date.parse(startsAt));
    const upcoming = summaries
      .filter((summary) => summary.status !== 'closed')
      .sort((a, b) => compareNullsLast(time(a.startsAt), time(b.startsAt)));
    const past = summaries
      .filter((summary) => summary.status === 'closed')
      .sort((a, b) => compareNullsLast(negate(time(a.startsAt)), negate(time(b.startsAt))));
    return ok({ club: view, upcoming, past });
  };

  readonly createSession: ClubService['createSession'] = async ({ clubId, session: fields }) => {
    const profile = await this.records.ensureProfile();
    const club = this.records.clubOf(clubId);
    if (!club) return fail('not-found', NOT_FOUND_CLUB);
    const timeZone = fields.timeZone ?? club.timeZone;
    const zone = checkTimeZone(timeZone);
    if (!zone.ok) return fail('invalid-argument', zone.message);
    if (fields.startsAt !== null) {
      const placed = utcFromZonedLocal(fields.startsAt, zone.zone);
      if (!placed.ok) return fail('invalid-argument', placed.message);
    }
    const papers: LibraryPaper[] = [];
    for (const itemId of fields.itemIds) {
      const paper = await this.papers.paper(itemId);
      if (!paper)
        return fail('not-found', 'One of the chosen papers is no longer in your library.');
      papers.push(paper);
    }
    const sessionId = this.newId();
    let doc: Y.Doc;
    try {
      doc = createSessionDoc(sessionId, {
        title: fields.title,
        papers: papers.map((paper) => ({ paperId: paperIdOf(paper), doi: paper.doi })),
        startsAt: fields.startsAt,
        timeZone: zone.zone,
        presenterId: fields.presenterId,
        status: 'planned',
        discussionWindow: fields.discussionWindow,
      });
      doc.transact(() => {
        setSessionClub(doc, sessionClubOf(club));
        for (const member of club.members) setPerson(doc, member.memberId, personOf(member));
        for (const paper of papers) {
          setPaperDetails(doc, paperIdOf(paper), {
            title: paper.title.slice(0, 2_000),
            authors: paper.authors.slice(0, 2_000).map((author) => author.slice(0, 500)),
            journal: paper.journal?.slice(0, 500) ?? null,
            year:
              paper.year !== null && paper.year >= 1000 && paper.year <= 9999 ? paper.year : null,
            abstract: paper.abstract?.slice(0, 100_000) ?? null,
          });
        }
        this.discussion.bootstrap(doc);
      }, LOCAL_ORIGIN);
    } catch (error) {
      if (error instanceof SessionValueError) return fail('invalid-argument', error.message);
      throw error;
    }
    await this.files.write(sessionId, encodeState(doc));
    // Read again: the roster may have changed while the papers were looked up.
    const current = this.records.clubOf(clubId) ?? club;
    const updated = { ...current, sessionIds: [...current.sessionIds, sessionId] };
    await this.records.replaceClub(updated);
    const session = this.documents.adopt(sessionId, clubId, doc);
    return ok(await this.viewOf(session, profile));
  };

  readonly session: ClubService['session'] = async ({ sessionId }) => {
    const session = await this.documents.openSession(sessionId);
    if (!session) return fail('not-found', NOT_FOUND_SESSION);
    return ok(await this.viewOf(session, await this.records.ensureProfile()));
  };

  readonly changeSession: ClubService['changeSession'] = async ({ sessionId, change }) => {
    const session = await this.documents.openSession(sessionId);
    if (!session) return fail('not-found', NOT_FOUND_SESSION);
    const profile = await this.records.ensureProfile();
    const me = profile.memberId;
    const { doc } = session;
    const { snapshot } = readSession(doc);
    const reopening =
      change.kind === 'metadata' &&
      Object.keys(change.changes).length === 1 &&
      change.changes.status !== undefined &&
      change.changes.status !== 'closed';
    if (snapshot.metadata.status === 'closed' && !reopening) return fail('closed', CLOSED);

    const paperOf = (paperId: string) =>
      snapshot.metadata.papers.find((paper) => paper.paperId === paperId);
    let refusal: Failure<'not-found' | 'cannot-close'> | null = null;
    let apply: () => void;
    switch (change.kind) {
      case 'metadata': {
        const changes: Partial<SessionMetadata> = { ...change.changes };
        const startsAt =
          changes.startsAt === undefined ? snapshot.metadata.startsAt : changes.startsAt;
        const timeZone =
          changes.timeZone === undefined ? snapshot.metadata.timeZone : changes.timeZone;
        if (startsAt !== null && timeZone !== null) {
          const placed = utcFromZonedLocal(startsAt, timeZone);
          if (!placed.ok) return fail('invalid-argument', placed.message);
        }
        apply = () => setSessionMetadata(doc, changes);
        break;
      }
      case 'presenterNotes':
        apply = () => setPresenterNotes(doc, change.text);
        break;
      case 'bottomLine':
        apply = () => setBottomLine(doc, change.text);
        break;
      case 'close':
        apply = () => {
          const verdict = closeSession(doc);
          if (!verdict.canClose) refusal = fail('cannot-close', verdict.reason);
        };
        break;
      case 'answer': {
        if (!paperOf(change.paperId))
          return fail('not-found', 'That paper is not in this session.');
        const design = snapshot.appraisals[change.paperId]?.design ?? null;
        const { answer } = change;
        apply = () =>
          answer === null
            ? clearPaperAnswer(doc, me, change.paperId, change.questionId)
            : setPaperAnswer(doc, me, change.paperId, change.questionId, answer, design);
        break;
      }
      case 'paperAppraisal': {
        if (!paperOf(change.paperId))
          return fail('not-found', 'That paper is not in this session.');
        const { pico, ...fields } = change.changes;
        const current = snapshot.appraisals[change.paperId]?.pico;
        const parts: Record<string, string> = {};
        // Only the parts that changed, so a concurrent edit of another part is kept.
        for (const part of PICO_PARTS) {
          if (pico !== undefined && pico[part] !== (current?.[part] ?? ''))
            parts[part] = pico[part];
        }
        apply = () => setAppraisalFields(doc, change.paperId, { ...fields, ...parts });
        break;
      }
      case 'vote':
        apply = () => setVote(doc, me, change.vote);
        break;
      case 'action': {
        const addedBy = change.addedBy ?? me;
        const actionId = change.actionId ?? this.newId();
        if (change.actionId !== undefined && !snapshot.members[addedBy]?.actions[actionId]) {
          return fail('not-found', 'That action item is no longer in this session.');
        }
        apply = () => setActionItem(doc, addedBy, actionId, change.item);
        break;
      }
      case 'removeAction':
        if (!snapshot.members[change.addedBy]?.actions[change.actionId]) {
          return fail('not-found', 'That action item is no longer in this session.');
        }
        apply = () => removeActionItem(doc, change.addedBy, change.actionId);
        break;
      case 'attendance':
        apply = () => setAttendance(doc, me, change.attendance);
        break;
    }
    try {
      await this.documents.changeDoc(session, apply);
    } catch (error) {
      if (!(error instanceof SessionValueError)) throw error;
      const closing = change.kind === 'metadata' && change.changes.status === 'closed';
      return fail(closing ? 'cannot-close' : 'invalid-argument', error.message);
    }
    if (refusal) return refusal;
    return ok(await this.viewOf(session, profile));
  };

  readonly documentState: ClubService['documentState'] = async ({ sessionId }) => {
    const session = await this.documents.openSession(sessionId);
    if (!session) return fail('not-found', NOT_FOUND_SESSION);
    return ok({ update: encodeBase64(encodeState(session.doc)) });
  };

  readonly discussionUpdate: ClubService['discussionUpdate'] = async ({ sessionId, update }) => {
    const session = await this.documents.openSession(sessionId);
    if (!session) return fail('not-found', NOT_FOUND_SESSION);
    const bytes = decodeBase64(update);
    if (bytes === null) {
      return fail('invalid-update', 'The change to the discussion could not be read.');
    }
    if (readSession(session.doc).snapshot.metadata.status === 'closed') {
      return fail('invalid-update', CLOSED);
    }
    const check = this.discussion.checkUpdate(session.doc, bytes);
    if (!check.ok) return fail('invalid-update', check.message);
    await this.documents.changeDoc(session, () => applyUpdate(session.doc, bytes, LOCAL_ORIGIN));
    return ok({ applied: true as const });
  };

  readonly exportBundle: ClubService['exportBundle'] = (input) => this.bundles.exportBundle(input);
  readonly importBundle: ClubService['importBundle'] = (input) => this.bundles.importBundle(input);

  readonly bundleFindings: ClubService['bundleFindings'] = ({ sessionId }) =>
    this.sessionFindings(sessionId);

  // The live room carries the same document as a bundle, so it has the same findings; the window
  // only warns about them, since the club's own server does not take them beyond the club.
  readonly privacyFindings: ClubService['privacyFindings'] = ({ sessionId }) =>
    this.sessionFindings(sessionId);
  readonly invitation: ClubService['invitation'] = (input) => this.bundles.invitation(input);

  readonly setSyncServer: ClubService['setSyncServer'] = async ({ clubId, serverUrl, token }) => {
    const club = this.records.clubOf(clubId);
    if (!club) return fail('not-found', NOT_FOUND_CLUB);
    if (serverUrl === null) {
      this.documents.disconnectClub(clubId);
      await this.store.saveToken(clubId, null);
      const updated = { ...club, serverUrl: null };
      await this.records.replaceClub(updated);
      return ok(this.clubView(updated));
    }
    if (!this.sync) {
      return fail('invalid-address', 'Live sync is not available here; exchange bundles instead.');
    }
    const address = this.sync.checkAddress(serverUrl.trim());
    if (!address.ok) return fail('invalid-address', address.message);
    if (token === undefined && this.store.token(clubId) === null) {
      return fail('invalid-argument', 'Enter the club’s access token (at least 16 characters).');
    }
    this.documents.disconnectClub(clubId);
    if (token !== undefined) await this.store.saveToken(clubId, token);
    const updated = { ...club, serverUrl: address.url };
    await this.records.replaceClub(updated);
    await this.documents.openAll(updated);
    this.documents.connectClub(updated);
    return ok(this.clubView(updated));
  };

  readonly setOnline: ClubService['setOnline'] = async ({ clubId, online }) => {
    const club = this.records.clubOf(clubId);
    if (!club) return fail('not-found', NOT_FOUND_CLUB);
    const updated = { ...club, online };
    await this.records.replaceClub(updated);
    if (online) {
      await this.documents.openAll(updated);
      this.documents.connectClub(updated);
    } else {
      this.documents.disconnectClub(clubId);
    }
    return ok(this.clubView(updated));
  };

  readonly cpdLog: ClubService['cpdLog'] = () => this.cpd.cpdLog();
  readonly cpdDraft: ClubService['cpdDraft'] = (input) => this.cpd.cpdDraft(input);
  readonly saveCpdEntry: ClubService['saveCpdEntry'] = (input) => this.cpd.saveCpdEntry(input);
  readonly removeCpdEntry: ClubService['removeCpdEntry'] = (input) =>
    this.cpd.removeCpdEntry(input);
  readonly exportCpdCsv: ClubService['exportCpdCsv'] = () => this.cpd.exportCpdCsv();

  /** Disconnects from the sync server and saves every session change still waiting. */
  close(): Promise<void> {
    return this.documents.close();
  }

  // ---- what the window shows ----

  private clubView(club: StoredClub): Club {
    const links = this.documents.linksOf(club.clubId);
    const roleOrder = (member: ClubMember) => CLUB_ROLES.indexOf(member.role);
    return {
      clubId: club.clubId,
      name: club.name,
      hashtag: club.hashtag,
      timeZone: club.timeZone,
      defaultDisclosure: club.defaultDisclosure,
      members: [...club.members].sort(
        (a, b) =>
          Number(b.role === 'organiser') - Number(a.role === 'organiser') ||
          a.name.localeCompare(b.name) ||
          roleOrder(a) - roleOrder(b),
      ),
      sync: aggregateSync(
        club.serverUrl,
        club.online,
        this.store.token(club.clubId) !== null,
        links,
      ),
    };
  }

  /** Every privacy guard finding in the session's typed text, as a bundle would carry it now. */
  private async sessionFindings(sessionId: string) {
    const session = await this.documents.openSession(sessionId);
    if (!session) return fail('not-found', NOT_FOUND_SESSION);
    const view = await this.viewOf(session, await this.records.ensureProfile());
    return ok(sessionFindingsToResolve(view, []));
  }

  private async viewOf(session: OpenSession, profile: ClubProfile): Promise<SessionView> {
    const itemIds = await bringMyselfIn(session, profile, this.myself);
    return this.viewNow(session, profile, itemIds);
  }

  /** The view of the document as it is at this moment, with no await between reading and use. */
  private viewNow(
    session: OpenSession,
    profile: ClubProfile,
    itemIds: ReadonlyMap<string, string | null>,
  ): SessionView {
    const stored = this.records.clubOf(session.clubId);
    const club: Club = stored
      ? this.clubView(stored)
      : {
          clubId: session.clubId,
          name: 'Journal club',
          hashtag: '',
          timeZone: profile.timeZone,
          defaultDisclosure: 'initials',
          members: [],
          sync: aggregateSync(null, false, false, []),
        };
    return buildSessionView(readSession(session.doc), {
      sessionId: session.sessionId,
      club,
      profile,
      itemIds,
      discussionText: discussionPlainText(session.doc),
    });
  }
}

/** A paper's id in a session: DOI-based when it has one, so every machine names it alike. */
function paperIdOf(paper: { itemId: string; doi: string | null }): string {
  return paper.doi === null ? paper.itemId : `doi:${paper.doi}`;
}

function sessionClubOf(club: StoredClub) {
  return {
    clubId: club.clubId,
    name: club.name,
    hashtag: club.hashtag,
    timeZone: club.timeZone,
    defaultDisclosure: club.defaultDisclosure,
  };
}

function personOf(member: ClubMember): SessionPerson {
  return {
    name: member.name,
    profession: member.profession,
    role: member.role,
    handle: member.handle,
  };
}

function compareNullsLast(a: number | null, b: number | null): number {
  if (a === null) return b === null ? 0 : 1;
  if (b === null) return -1;
  return a - b;
}

function negate(value: number | null): number | null {
  return value === null ? null : -value;
}

/** The zone a change asks for, checked, or the current one when the change leaves it out. */
function changedZone(asked: string | undefined, current: string): TimeZoneCheck {
  return asked === undefined ? { ok: true, zone: current } : checkTimeZone(asked);
}
