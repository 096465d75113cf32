import type {
  Club,
  ClubMember,
  ClubProfile,
  ClubSyncState,
  SessionActionView,
  SessionHighlight,
  SessionMemberView,
  SessionPaperView,
  SessionSummary,
  SessionView,
} from '@shared/contract';
import { checklistAgreement } from '@shared/domain/club/appraisal/agreement';
import { EMPTY_PAPER_APPRAISAL } from '@shared/domain/club/appraisal/paperAppraisal';
import { suggestDesign } from '@shared/domain/club/appraisal/suggestDesign';
import {
  canCloseSession,
  voteTally,
  type ReadSession,
} from '@shared/domain/club/session/sessionSnapshot';
import { sessionHighlightValueSchema } from '@shared/domain/club/session/sessionValues';
import { utcFromZonedLocal } from '@shared/domain/club/time/zonedTime';

// Reads a session document's snapshot into what the window shows. Pure: the service gathers the
// local facts (which library item holds each paper, the roster, the sync state) and passes them in.

/** The start as an instant (ISO, Z), or null while unscheduled or when it cannot be placed. */
export function startsAtInstantOf(metadata: {
  startsAt: string | null;
  timeZone: string | null;
}): string | null {
  if (metadata.startsAt === null || metadata.timeZone === null) return null;
  const placed = utcFromZonedLocal(metadata.startsAt, metadata.timeZone);
  return placed.ok ? placed.startsAt : null;
}

/** What the view needs besides the document. */
export interface SessionViewContext {
  sessionId: string;
  club: Club;
  profile: ClubProfile;
  /** paperId → the library item that holds it here, or null. */
  itemIds: ReadonlyMap<string, string | null>;
  discussionText: string;
}

const UNKNOWN_MEMBER = 'A club member';

/** Every member the session knows, by name; each with their answers, vote and highlights. */
function membersOf(read: ReadSession, context: SessionViewContext): SessionMemberView[] {
  const { snapshot } = read;
  const roster = new Map<string, ClubMember>(
    context.club.members.map((member) => [member.memberId, member]),
  );
  const me = context.profile.memberId;
  const ids = new Set<string>([
    me,
    ...roster.keys(),
    ...Object.keys(snapshot.people),
    ...Object.keys(snapshot.members),
    ...Object.keys(snapshot.paperAnswers),
  ]);
  const members: SessionMemberView[] = [];
  for (const memberId of ids) {
    const listed = roster.get(memberId);
    const person = snapshot.people[memberId];
    const contribution = snapshot.members[memberId];
    const highlights: SessionHighlight[] = [];
    for (const [annotationId, value] of Object.entries(contribution?.annotations ?? {})) {
      const parsed = sessionHighlightValueSchema.safeParse(value);
      if (parsed.success) highlights.push({ annotationId, ...parsed.data });
    }
    const isMe = memberId === me;
    members.push({
      memberId,
      name:
        (isMe && context.profile.name !== '' ? context.profile.name : null) ??
        listed?.name ??
        person?.name ??
        UNKNOWN_MEMBER,
      profession:
        (isMe ? context.profile.profession : null) ??
        listed?.profession ??
        person?.profession ??
        '',
      role: listed?.role ?? person?.role ?? 'member',
      isMe,
      answers: snapshot.paperAnswers[memberId] ?? {},
      vote: contribution?.vote ?? null,
      attendance: contribution?.attendance ?? null,
      highlights,
    });
  }
  return members.sort(
    (a, b) => a.name.localeCompare(b.name) || a.memberId.localeCompare(b.memberId),
  );
}

function papersOf(read: ReadSession, context: SessionViewContext): SessionPaperView[] {
  const { snapshot } = read;
  return snapshot.metadata.papers.map((ref) => {
    const details = snapshot.paperDetails[ref.paperId];
    const appraisal = snapshot.appraisals[ref.paperId] ?? EMPTY_PAPER_APPRAISAL;
    const answersByMember = Object.fromEntries(
      Object.entries(snapshot.paperAnswers).map(([memberId, byPaper]) => [
        memberId,
        byPaper[ref.paperId] ?? {},
      ]),
    );
    const title = details?.title || (ref.doi ? `DOI ${ref.doi}` : 'Untitled paper');
    return {
      paperId: ref.paperId,
      itemId: context.itemIds.get(ref.paperId) ?? null,
      doi: ref.doi,
      title,
      authors: details?.authors ?? [],
      journal: details?.journal ?? null,
      year: details?.year ?? null,
      appraisal,
      suggestedDesign: suggestDesign({ title, abstract: details?.abstract ?? null }),
      agreement:
        appraisal.design === null ? null : checklistAgreement(appraisal.design, answersByMember),
    };
  });
}

function actionsOf(read: ReadSession, members: SessionMemberView[]): SessionActionView[] {
  const names = new Map(members.map((member) => [member.memberId, member.name]));
  const actions: SessionActionView[] = [];
  for (const [addedBy, contribution] of Object.entries(read.snapshot.members)) {
    for (const [actionId, item] of Object.entries(contribution.actions)) {
      actions.push({
        actionId,
        addedBy,
        item,
        ownerName: item.ownerId === null ? null : (names.get(item.ownerId) ?? UNKNOWN_MEMBER),
      });
    }
  }
  // Undone first, then by due date (undated last), then by text: a stable list on every machine.
  return actions.sort(
    (a, b) =>
      Number(a.item.done) - Number(b.item.done) ||
      (a.item.dueDate ?? '9999').localeCompare(b.item.dueDate ?? '9999') ||
      a.item.text.localeCompare(b.item.text) ||
      a.actionId.localeCompare(b.actionId),
  );
}

/** The session as the window shows it. */
export function buildSessionView(read: ReadSession, context: SessionViewContext): SessionView {
  const { snapshot } = read;
  const members = membersOf(read, context);
  return {
    sessionId: context.sessionId,
    clubId: context.club.clubId,
    clubName: context.club.name,
    hashtag: context.club.hashtag,
    myMemberId: context.profile.memberId,
    metadata: snapshot.metadata,
    startsAtInstant: startsAtInstantOf(snapshot.metadata),
    presenterNotes: snapshot.presenterNotes,
    bottomLine: snapshot.bottomLine,
    discussionText: context.discussionText,
    papers: papersOf(read, context),
    members,
    actions: actionsOf(read, members),
    tally: voteTally(snapshot),
    canClose: canCloseSession(snapshot),
    sync: context.club.sync,
    dropped: read.dropped,
  };
}

/** A session as the club page lists it. */
export function summaryOf(
  read: ReadSession,
  sessionId: string,
  club: Pick<Club, 'clubId' | 'members'>,
): SessionSummary {
  const { snapshot } = read;
  const { metadata } = snapshot;
  const presenterId = metadata.presenterId;
  const presenter =
    presenterId === null
      ? null
      : (club.members.find((member) => member.memberId === presenterId)?.name ??
        snapshot.people[presenterId]?.name ??
        UNKNOWN_MEMBER);
  return {
    sessionId,
    clubId: club.clubId,
    title: metadata.title,
    status: metadata.status,
    startsAt: startsAtInstantOf(metadata),
    timeZone: metadata.timeZone,
    presenterName: presenter,
    paperTitles: metadata.papers.map(
      (ref) => snapshot.paperDetails[ref.paperId]?.title || ref.doi || ref.paperId,
    ),
    bottomLine: snapshot.bottomLine,
  };
}

/** The sync state a club shows, from the state of each of its sessions' links. */
export function aggregateSync(
  serverUrl: string | null,
  online: boolean,
  hasToken: boolean,
  links: readonly { status: 'connecting' | 'connected' | 'offline'; problem: string | null }[],
): ClubSyncState {
  const problem = links.find((link) => link.problem !== null)?.problem ?? null;
  if (serverUrl === null || !online) {
    return { status: 'off', serverUrl, hasToken, problem: null };
  }
  const status =
    links.length > 0 && links.every((link) => link.status === 'connected')
      ? 'connected'
      : links.some((link) => link.status === 'offline')
        ? 'offline'
        : 'connecting';
  return { status, serverUrl, hasToken, problem };
}
