// Test support only: the `club` service for the renderer's fake backend
// (renderer/src/testing/fakeBackend.ts), kept in memory. It answers as the contract's comments
// say, with the shared domain's own rules (agreement, CPD hours, totals, CSV), so the window is
// tested against the values it will meet; it has no Yjs document and no sync server.
import {
  channelOf,
  type Club,
  type ClubProfile,
  type ClubSyncState,
  type CpdEntry,
  type ItemDetail,
  type SessionChange,
  type SessionSummary,
  type SessionView,
} from '@shared/contract';
import { checklistAgreement } from '@shared/domain/club/appraisal/agreement';
import { EMPTY_PAPER_APPRAISAL } from '@shared/domain/club/appraisal/paperAppraisal';
import { cpdLogCsv } from '@shared/domain/club/cpd/cpdCsv';
import { checkCpdHours, type CpdEntryType } from '@shared/domain/club/cpd/cpdEntry';
import { cpdTotals } from '@shared/domain/club/cpd/cpdTotals';
import { utcFromZonedLocal } from '@shared/domain/club/time/zonedTime';
import { exportBlockedMessage, type KeptFinding } from '@shared/domain/guard/exportGuard';
import { sessionFindingsToResolve } from '@shared/domain/guard/exportParts';
import { FakeFailure } from '../../annotations/testing/fakeAnnotationsService';

/** What the fake keeps: the profile, clubs, sessions as the window sees them, and the CPD log. */
export interface FakeClub {
  profile: ClubProfile;
  clubs: Club[];
  sessions: SessionView[];
  cpd: CpdEntry[];
  /** What `importBundle` answers: a message for any text starting `{`, else `invalid-bundle`. */
  importMessage?: string;
}

type Handler = (args: Record<string, unknown>) => unknown;

/** `createSession`'s session as the fake reads it (the client sends it without the defaults). */
interface NewSessionFields {
  title: string;
  itemIds: string[];
  startsAt?: string | null;
  timeZone?: string | null;
  presenterId?: string | null;
  discussionWindow?: SessionView['metadata']['discussionWindow'];
}

interface FakeClubLibrary {
  items: ItemDetail[];
  club?: FakeClub;
}

const OFF: ClubSyncState = { status: 'off', serverUrl: null, hasToken: false, problem: null };

/** A fresh fake: no profile name, no clubs, no sessions, an empty log. */
export function fakeClub(overrides: Partial<FakeClub> = {}): FakeClub {
  return {
    profile: {
      memberId: 'me',
      name: '',
      profession: '',
      cpdBody: '',
      timeZone: 'Europe/London',
    },
    clubs: [],
    sessions: [],
    cpd: [],
    ...overrides,
  };
}

/** The club service's channels over the fake library's `club` state. */
export function clubHandlers(library: FakeClubLibrary): [string, Handler][] {
  const state = (): FakeClub => (library.club ??= fakeClub());
  let nextId = 1;
  const newId = (prefix: string) => `${prefix}-${nextId++}`;

  const findClub = (clubId: unknown): Club => {
    const club = state().clubs.find((candidate) => candidate.clubId === clubId);
    if (!club) throw new FakeFailure('not-found', 'There is no such club on this computer.');
    return club;
  };
  const findSession = (sessionId: unknown): SessionView => {
    const session = state().sessions.find((candidate) => candidate.sessionId === sessionId);
    if (!session) throw new FakeFailure('not-found', 'There is no such session on this computer.');
    return session;
  };
  const cpdLog = () => ({
    entries: [...state().cpd].sort((a, b) => b.date.localeCompare(a.date)),
    totals: cpdTotals(state().cpd, state().profile.timeZone),
    timeZone: state().profile.timeZone,
  });

  return [
    [channelOf('club', 'profile'), () => state().profile],
    [
      channelOf('club', 'setProfile'),
      ({ name, profession = '', cpdBody = '', timeZone }) => {
        const profile = state().profile;
        Object.assign(profile, {
          name: String(name).trim(),
          profession,
          cpdBody,
          timeZone: (timeZone as string | undefined) ?? profile.timeZone,
        });
        return profile;
      },
    ],
    [
      channelOf('club', 'clubs'),
      () => [...state().clubs].sort((a, b) => a.name.localeCompare(b.name)),
    ],
    [
      channelOf('club', 'createClub'),
      ({ name, hashtag = '', timeZone, defaultDisclosure = 'initials' }) => {
        const { profile } = state();
        if (profile.name === '') {
          throw new FakeFailure('needs-profile', 'Give your name in your profile first.');
        }
        const club: Club = {
          clubId: newId('club'),
          name: String(name).trim(),
          hashtag: hashtag as string,
          timeZone: timeZone as string,
          defaultDisclosure: defaultDisclosure as Club['defaultDisclosure'],
          members: [
            {
              memberId: profile.memberId,
              name: profile.name,
              profession: profile.profession,
              role: 'organiser',
              handle: null,
            },
          ],
          sync: { ...OFF },
        };
        state().clubs.push(club);
        return club;
      },
    ],
    [
      channelOf('club', 'updateClub'),
      ({ clubId, ...changes }) => Object.assign(findClub(clubId), changes),
    ],
    [
      channelOf('club', 'setMember'),
      ({ clubId, memberId, member }) => {
        const club = findClub(clubId);
        // The fake client does not run the schemas, so their defaults are filled here.
        const fields = member as Partial<Club['members'][number]> & { name: string };
        const existing = club.members.find((candidate) => candidate.memberId === memberId);
        if (existing) Object.assign(existing, fields);
        else {
          club.members.push({
            role: fields.role ?? 'member',
            profession: fields.profession ?? '',
            handle: fields.handle ?? null,
            name: fields.name,
            memberId: newId('member'),
          });
        }
        return club;
      },
    ],
    [
      channelOf('club', 'removeMember'),
      ({ clubId, memberId }) => {
        const club = findClub(clubId);
        club.members = club.members.filter((member) => member.memberId !== memberId);
        return club;
      },
    ],
    [
      channelOf('club', 'overview'),
      ({ clubId }) => {
        const club = findClub(clubId);
        const summaries = state()
          .sessions.filter((session) => session.clubId === clubId)
          .map(summaryOf);
        return {
          club,
          upcoming: summaries
            .filter((session) => session.status !== 'closed')
            .sort((a, b) => (a.startsAt ?? '~').localeCompare(b.startsAt ?? '~')),
          past: summaries
            .filter((session) => session.status === 'closed')
            .sort((a, b) => (b.startsAt ?? '').localeCompare(a.startsAt ?? '')),
        };
      },
    ],
    [
      channelOf('club', 'createSession'),
      ({ clubId, session }) => {
        const club = findClub(clubId);
        const fields = session as NewSessionFields;
        const view = newSessionView(club, state().profile, fields, library.items, newId('session'));
        state().sessions.push(view);
        return view;
      },
    ],
    // A copy, as the real backend builds a new view on every read: the window may rely on that.
    [channelOf('club', 'session'), ({ sessionId }) => copyOf(findSession(sessionId))],
    [
      channelOf('club', 'changeSession'),
      ({ sessionId, change }) => {
        const session = findSession(sessionId);
        applyChange(session, change as SessionChange, newId);
        return refresh(session);
      },
    ],
    [
      channelOf('club', 'documentState'),
      ({ sessionId }) => (findSession(sessionId), { update: '' }),
    ],
    [channelOf('club', 'discussionUpdate'), () => ({ applied: true })],
    // The privacy guard as ClubMainService runs it, over the session's typed text.
    [
      channelOf('club', 'bundleFindings'),
      ({ sessionId }) => sessionFindingsToResolve(findSession(sessionId), []),
    ],
    [
      channelOf('club', 'privacyFindings'),
      ({ sessionId }) => sessionFindingsToResolve(findSession(sessionId), []),
    ],
    [
      channelOf('club', 'exportBundle'),
      ({ sessionId, kept }) => {
        const session = findSession(sessionId);
        const findings = sessionFindingsToResolve(
          session,
          (kept as KeptFinding[] | undefined) ?? [],
        );
        if (findings.length > 0) throw new FakeFailure('blocked', exportBlockedMessage(findings));
        return {
          fileName: `${session.metadata.title}.rounds`,
          mediaType: 'application/vnd.rounds.session+json',
          text: JSON.stringify({ format: 'rounds-session', sessionId }),
        };
      },
    ],
    [
      channelOf('club', 'importBundle'),
      ({ text }) => {
        if (!String(text).startsWith('{')) {
          throw new FakeFailure('invalid-bundle', 'This file is not a Rounds session bundle.');
        }
        const session = state().sessions[0];
        return {
          sessionId: session?.sessionId ?? 'session-imported',
          clubId: session?.clubId ?? 'club-imported',
          title: session?.metadata.title ?? 'Imported',
          created: false,
          changed: true,
          papersAdded: 0,
          message: state().importMessage ?? 'Merged the bundle.',
        };
      },
    ],
    [
      channelOf('club', 'invitation'),
      ({ sessionId }) => {
        const session = findSession(sessionId);
        if (session.startsAtInstant === null) {
          throw new FakeFailure('not-scheduled', 'Give the session a date and time first.');
        }
        return {
          fileName: `${session.metadata.title}.ics`,
          mediaType: 'text/calendar',
          text: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n',
        };
      },
    ],
    [
      channelOf('club', 'setSyncServer'),
      ({ clubId, serverUrl, token }) => {
        const club = findClub(clubId);
        if (serverUrl !== null && !/^wss?:\/\//.test(String(serverUrl))) {
          throw new FakeFailure('invalid-address', 'The address starts with ws:// or wss://.');
        }
        club.sync = {
          status: serverUrl === null ? 'off' : 'connecting',
          serverUrl: serverUrl as string | null,
          hasToken: token !== undefined || club.sync.hasToken,
          problem: null,
        };
        return club;
      },
    ],
    [
      channelOf('club', 'setOnline'),
      ({ clubId, online }) => {
        const club = findClub(clubId);
        club.sync = { ...club.sync, status: online ? 'connecting' : 'off' };
        return club;
      },
    ],
    [channelOf('club', 'cpdLog'), cpdLog],
    [
      channelOf('club', 'cpdDraft'),
      ({ sessionId }) => {
        const session = findSession(sessionId);
        const me = session.members.find((member) => member.isMe);
        const type: CpdEntryType =
          me?.attendance === 'asynchronous' ? 'journal-club-asynchronous' : 'journal-club-live';
        return {
          id: '',
          date: session.startsAtInstant ?? '2026-01-01T00:00:00.000Z',
          session: { id: session.sessionId, title: session.metadata.title },
          citation: session.papers.map((paper) => paper.title).join('; '),
          hours: 1,
          type,
          reflection: { learned: '', willChange: '' },
          reportedTo: state().profile.cpdBody,
        } satisfies CpdEntry;
      },
    ],
    [
      channelOf('club', 'saveCpdEntry'),
      (input) => {
        const problem = checkCpdHours(input.hours as number);
        if (problem !== null) throw new FakeFailure('invalid-entry', `hours: ${problem}`);
        const session = findSession(input.sessionId);
        const entry: CpdEntry = {
          id: (input.id as string | undefined) ?? newId('cpd'),
          date: input.date as string,
          session: { id: session.sessionId, title: session.metadata.title },
          citation: input.citation as string,
          hours: input.hours as number,
          type: input.type as CpdEntryType,
          reflection: {
            learned: (input.learned as string | undefined) ?? '',
            willChange: (input.willChange as string | undefined) ?? '',
          },
          reportedTo: state().profile.cpdBody,
        };
        const log = state();
        log.cpd = [...log.cpd.filter((candidate) => candidate.id !== entry.id), entry];
        return cpdLog();
      },
    ],
    [
      channelOf('club', 'removeCpdEntry'),
      ({ id }) => {
        const log = state();
        if (!log.cpd.some((entry) => entry.id === id)) {
          throw new FakeFailure('not-found', 'That entry is no longer in your log.');
        }
        log.cpd = log.cpd.filter((entry) => entry.id !== id);
        return cpdLog();
      },
    ],
    [
      channelOf('club', 'exportCpdCsv'),
      () => ({
        fileName: 'rounds-cpd-log.csv',
        mediaType: 'text/csv',
        text: cpdLogCsv(state().cpd, state().profile.timeZone),
      }),
    ],
  ];
}

/** The view as it would arrive over the wire: plain JSON, not the fake's stored object. */
function copyOf(session: SessionView): SessionView {
  return JSON.parse(JSON.stringify(session)) as SessionView;
}

function summaryOf(session: SessionView): SessionSummary {
  const presenter = session.members.find(
    (member) => member.memberId === session.metadata.presenterId,
  );
  return {
    sessionId: session.sessionId,
    clubId: session.clubId,
    title: session.metadata.title,
    status: session.metadata.status,
    startsAt: session.startsAtInstant,
    timeZone: session.metadata.timeZone,
    presenterName: presenter?.name ?? null,
    paperTitles: session.papers.map((paper) => paper.title),
    bottomLine: session.bottomLine,
  };
}

function newSessionView(
  club: Club,
  profile: ClubProfile,
  fields: NewSessionFields,
  items: readonly ItemDetail[],
  sessionId: string,
): SessionView {
  const timeZone = fields.timeZone ?? club.timeZone;
  const start = fields.startsAt ? utcFromZonedLocal(fields.startsAt, timeZone) : null;
  if (start && !start.ok) throw new FakeFailure('invalid-argument', start.message);
  return refresh({
    sessionId,
    clubId: club.clubId,
    clubName: club.name,
    hashtag: club.hashtag,
    myMemberId: profile.memberId,
    metadata: {
      title: fields.title.trim(),
      papers: fields.itemIds.map((itemId) => ({ paperId: itemId, doi: null })),
      startsAt: fields.startsAt ?? null,
      timeZone,
      presenterId: fields.presenterId ?? null,
      status: 'planned',
      discussionWindow: fields.discussionWindow ?? null,
    },
    startsAtInstant: start?.ok ? start.startsAt : null,
    presenterNotes: '',
    bottomLine: '',
    discussionText: '',
    papers: fields.itemIds.map((itemId) => {
      const item = items.find((candidate) => candidate.id === itemId);
      return {
        paperId: itemId,
        itemId,
        doi: null,
        title: item?.title ?? itemId,
        authors: item?.authors ?? [],
        journal: item?.journal ?? null,
        year: item?.publishedAt ? Number(item.publishedAt.slice(0, 4)) : null,
        appraisal: EMPTY_PAPER_APPRAISAL,
        suggestedDesign: null,
        agreement: null,
      };
    }),
    members: club.members.map((member) => ({
      memberId: member.memberId,
      name: member.name,
      profession: member.profession,
      role: member.role,
      isMe: member.memberId === profile.memberId,
      answers: {},
      vote: null,
      attendance: null,
      highlights: [],
    })),
    actions: [],
    tally: { yes: 0, no: 0, 'not-sure': 0 },
    canClose: { canClose: false, reason: '' },
    sync: club.sync,
    dropped: 0,
  });
}

/** Works out what the backend derives: agreement, tally, whether it can close, owners' names. */
export function refresh(session: SessionView): SessionView {
  for (const paper of session.papers) {
    const design = paper.appraisal.design;
    paper.agreement =
      design === null
        ? null
        : checklistAgreement(
            design,
            Object.fromEntries(
              session.members.map((member) => [
                member.memberId,
                member.answers[paper.paperId] ?? {},
              ]),
            ),
          );
  }
  const tally = { yes: 0, no: 0, 'not-sure': 0 };
  for (const member of session.members) if (member.vote) tally[member.vote.vote] += 1;
  session.tally = tally;
  const bottomLine = session.bottomLine.trim();
  session.canClose =
    bottomLine === ''
      ? {
          canClose: false,
          reason: 'Write the bottom line (one sentence) before closing the session.',
        }
      : { canClose: true };
  for (const action of session.actions) {
    action.ownerName =
      session.members.find((member) => member.memberId === action.item.ownerId)?.name ?? null;
  }
  return session;
}

function applyChange(
  session: SessionView,
  change: SessionChange,
  newId: (prefix: string) => string,
) {
  if (session.metadata.status === 'closed') {
    throw new FakeFailure('closed', 'This session is closed.');
  }
  const me = session.members.find((member) => member.isMe);
  if (!me) throw new Error('The fake session has no member for the user.');
  switch (change.kind) {
    case 'metadata':
      Object.assign(session.metadata, change.changes);
      return;
    case 'presenterNotes':
      session.presenterNotes = change.text;
      return;
    case 'bottomLine':
      session.bottomLine = change.text;
      return;
    case 'close':
      refresh(session);
      if (!session.canClose.canClose) {
        throw new FakeFailure('cannot-close', session.canClose.reason);
      }
      session.metadata.status = 'closed';
      return;
    case 'answer': {
      const answers = (me.answers[change.paperId] ??= {});
      if (change.answer === null) delete answers[change.questionId];
      else answers[change.questionId] = change.answer;
      return;
    }
    case 'paperAppraisal': {
      const paper = session.papers.find((candidate) => candidate.paperId === change.paperId);
      if (!paper) throw new FakeFailure('not-found', 'That paper is not in the session.');
      paper.appraisal = { ...paper.appraisal, ...change.changes } as typeof paper.appraisal;
      return;
    }
    case 'vote':
      me.vote =
        change.vote === null ? null : { vote: change.vote.vote, reason: change.vote.reason ?? '' };
      return;
    case 'action': {
      const item = {
        text: change.item.text.trim(),
        ownerId: change.item.ownerId ?? null,
        dueDate: change.item.dueDate ?? null,
        done: change.item.done ?? false,
      };
      const existing = session.actions.find((action) => action.actionId === change.actionId);
      if (existing) existing.item = item;
      else
        session.actions.push({
          actionId: newId('action'),
          addedBy: me.memberId,
          item,
          ownerName: null,
        });
      return;
    }
    case 'removeAction':
      session.actions = session.actions.filter((action) => action.actionId !== change.actionId);
      return;
    case 'attendance':
      me.attendance = change.attendance;
      return;
  }
}
