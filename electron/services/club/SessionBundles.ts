import * as Y from 'yjs';
import {
  fail,
  ok,
  type clubContract,
  type ClubMember,
  type ClubProfile,
  type ServiceImplementation,
  type SessionView,
} from '@shared/contract';
import {
  checkRoundsBundleSize,
  exportRoundsBundle,
  importRoundsBundle,
  parseRoundsBundle,
  type BundlePaper,
} from '@shared/domain/club/session/roundsBundle';
import { encodeState } from '@shared/domain/club/session/sessionDocument';
import { readSession, type ReadSession } from '@shared/domain/club/session/sessionSnapshot';
import { buildSessionInvitation } from '@shared/domain/club/time/sessionInvitation';
import { exportBlockedMessage } from '@shared/domain/guard/exportGuard';
import { sessionFindingsToResolve } from '@shared/domain/guard/exportParts';
import { bringMyselfIn, type MyselfSources } from './bringMyselfIn';
import { NEEDS_PROFILE, NOT_FOUND_SESSION } from './clubMessages';
import type { ClubRecords } from './ClubRecords';
import type { Clock, ClubPapers, SessionFiles, StoredClub } from './ports';
import type { OpenSession, SessionDocuments } from './SessionDocuments';
import { startsAtInstantOf } from './sessionView';

// What leaves and enters a session as a file: the `.rounds` bundle members exchange (and the count
// of whose work a merge brought) and the `.ics` invitation. Kept apart from the live service
// because a file from elsewhere needs its own care: sizes, unknown clubs, new members.

type ClubService = ServiceImplementation<typeof clubContract>;

/** An invitation lasts an hour unless the club's discussion window says otherwise. */
const SESSION_LENGTH_MS = 60 * 60 * 1000;
/** A bundle's paper content is refused above this size, so a larger one is left out. */
const MAX_BUNDLE_CONTENT_LENGTH = 8 * 1024 * 1024;

/** What {@link SessionBundles} works with. */
export interface SessionBundlesDependencies extends MyselfSources {
  files: SessionFiles;
  clock: Clock;
  newId: () => string;
  /**
   * The session as the window shows it, read from the document as it is now (synchronously), so
   * the privacy guard scans exactly the state the bundle then encodes.
   */
  viewNow: (
    session: OpenSession,
    profile: ClubProfile,
    itemIds: ReadonlyMap<string, string | null>,
  ) => SessionView;
}

export class SessionBundles {
  private readonly records: ClubRecords;
  private readonly documents: SessionDocuments;
  private readonly papers: ClubPapers;
  private readonly files: SessionFiles;
  private readonly clock: Clock;
  private readonly newId: () => string;
  private readonly sources: MyselfSources;
  private readonly viewNow: SessionBundlesDependencies['viewNow'];

  constructor(dependencies: SessionBundlesDependencies) {
    this.viewNow = dependencies.viewNow;
    this.records = dependencies.records;
    this.documents = dependencies.documents;
    this.papers = dependencies.papers;
    this.files = dependencies.files;
    this.clock = dependencies.clock;
    this.newId = dependencies.newId;
    this.sources = dependencies;
  }

  readonly exportBundle: ClubService['exportBundle'] = async ({ sessionId, includePdfs, kept }) => {
    const session = await this.documents.openSession(sessionId);
    if (!session) return fail('not-found', NOT_FOUND_SESSION);
    const profile = await this.records.ensureProfile();
    const itemIds = await bringMyselfIn(session, profile, this.sources);
    const { snapshot } = readSession(session.doc);
    const papers: BundlePaper[] = [];
    for (const ref of snapshot.metadata.papers) {
      const details = snapshot.paperDetails[ref.paperId];
      const itemId = itemIds.get(ref.paperId) ?? null;
      const local = itemId === null ? null : await this.papers.paper(itemId);
      const content =
        local?.content && local.content.body.length <= MAX_BUNDLE_CONTENT_LENGTH
          ? local.content
          : null;
      const bytes = includePdfs && local?.pdf ? await this.papers.readPdf(local.pdf.hash) : null;
      papers.push({
        paperId: ref.paperId,
        doi: ref.doi,
        title: details?.title ?? local?.title ?? '',
        authors: details?.authors ?? local?.authors ?? [],
        journal: details?.journal ?? local?.journal ?? null,
        year: details?.year ?? null,
        content,
        pdf: bytes && local?.pdf ? { fileName: local.pdf.fileName, bytes } : null,
      });
    }
    // Scanned and encoded with nothing awaited in between: a change arriving from the sync
    // server cannot slip into the file after the guard has looked.
    const findings = sessionFindingsToResolve(this.viewNow(session, profile, itemIds), kept);
    if (findings.length > 0) return fail('blocked', exportBlockedMessage(findings));
    const text = exportRoundsBundle(session.doc, {
      papers,
      exportedAt: this.clock.now().toISOString(),
    });
    // A bundle larger than any Rounds imports would only fail on the other member's machine.
    const tooLarge = checkRoundsBundleSize(Buffer.byteLength(text, 'utf8'));
    if (tooLarge) {
      return fail(
        'invalid-argument',
        includePdfs
          ? `With its PDFs this bundle would be too large to import. Export it without PDFs. (${tooLarge.message})`
          : tooLarge.message,
      );
    }
    return ok({
      fileName: `${safeFileStem(snapshot.metadata.title)}.rounds`,
      mediaType: 'application/vnd.rounds.session+json' as const,
      text,
    });
  };

  readonly importBundle: ClubService['importBundle'] = async ({ text }) => {
    const profile = await this.records.ensureProfile();
    if (profile.name === '') return fail('needs-profile', NEEDS_PROFILE);
    const parsed = parseRoundsBundle(text);
    if (!parsed.ok) return fail('invalid-bundle', parsed.message);
    const { bundle } = parsed;
    const title = bundle.metadata.title || 'Untitled session';
    const origin = `the session bundle “${title}”`;
    const existing = await this.documents.openSession(bundle.sessionId);

    if (existing) {
      const before = contributionsByMember(readSession(existing.doc));
      const imported = importRoundsBundle(existing.doc, text);
      if (!imported.ok) return fail('invalid-bundle', imported.message);
      const papersAdded = await this.papers.addFromBundle(bundle.papers, origin);
      if (!imported.changed) {
        return ok({
          sessionId: existing.sessionId,
          clubId: existing.clubId,
          title,
          created: false,
          changed: false,
          papersAdded,
          message: 'Nothing new: you already had everything in this bundle.',
        });
      }
      await this.documents.persist(existing);
      const read = readSession(existing.doc);
      await this.addPeopleToRoster(existing.clubId, read);
      const added = countChanged(before, contributionsByMember(read));
      return ok({
        sessionId: existing.sessionId,
        clubId: existing.clubId,
        title: read.snapshot.metadata.title || title,
        created: false,
        changed: true,
        papersAdded,
        message: `Merged into “${read.snapshot.metadata.title || title}”: ${describeMembers(added)} added.`,
      });
    }

    const doc = new Y.Doc();
    const imported = importRoundsBundle(doc, text);
    if (!imported.ok) return fail('invalid-bundle', imported.message);
    const read = readSession(doc);
    const clubInfo = read.snapshot.club;
    let club = clubInfo ? this.records.clubOf(clubInfo.clubId) : undefined;
    const clubCreated = club === undefined;
    if (!club) {
      club = {
        clubId: clubInfo?.clubId ?? this.newId(),
        name: clubInfo?.name ?? 'Journal club',
        hashtag: clubInfo?.hashtag ?? '',
        timeZone: clubInfo?.timeZone ?? read.snapshot.metadata.timeZone ?? profile.timeZone,
        defaultDisclosure: clubInfo?.defaultDisclosure ?? 'initials',
        members: [],
        serverUrl: null,
        online: true,
        sessionIds: [],
      };
    }
    await this.files.write(bundle.sessionId, encodeState(doc));
    club = (clubCreated ? undefined : this.records.clubOf(club.clubId)) ?? club;
    const withSession: StoredClub = {
      ...club,
      members: rosterWith(club.members, read, profile),
      // A session whose file was damaged here is still listed: it comes back under its id.
      sessionIds: [...club.sessionIds.filter((id) => id !== bundle.sessionId), bundle.sessionId],
    };
    if (clubCreated)
      await this.records.saveState({
        ...this.records.state,
        clubs: [...this.records.state.clubs, withSession],
      });
    else await this.records.replaceClub(withSession);
    this.records.changed.fire({ clubId: withSession.clubId });
    const session = this.documents.adopt(bundle.sessionId, withSession.clubId, doc);
    const papersAdded = await this.papers.addFromBundle(bundle.papers, origin);
    const contributors = Object.keys(contributionsByMember(read)).length;
    return ok({
      sessionId: session.sessionId,
      clubId: withSession.clubId,
      title,
      created: true,
      changed: true,
      papersAdded,
      message: `Added “${title}” to ${withSession.name}${contributors > 0 ? `: ${describeMembers(contributors)}` : ''}.`,
    });
  };

  readonly invitation: ClubService['invitation'] = async ({ sessionId }) => {
    const session = await this.documents.openSession(sessionId);
    if (!session) return fail('not-found', NOT_FOUND_SESSION);
    const { snapshot } = readSession(session.doc);
    const startsAt = startsAtInstantOf(snapshot.metadata);
    if (startsAt === null) {
      return fail('not-scheduled', 'Give the session a date and time before saving an invitation.');
    }
    const club = this.records.clubOf(session.clubId);
    const papers = snapshot.metadata.papers.map((ref) => {
      const details = snapshot.paperDetails[ref.paperId];
      return [details?.title ?? ref.paperId, ref.doi ? `https://doi.org/${ref.doi}` : '']
        .filter((part) => part !== '')
        .join(' — ');
    });
    const built = buildSessionInvitation(
      {
        uid: `${sessionId}@rounds.journal-club`,
        startsAt,
        endsAt: new Date(Date.parse(startsAt) + SESSION_LENGTH_MS).toISOString(),
        summary: `${club?.name ?? 'Journal club'}: ${snapshot.metadata.title}`,
        description: [
          ...papers,
          snapshot.presenterNotes,
          club?.hashtag ? `Discuss with ${club.hashtag}` : '',
        ]
          .filter((line) => line.trim() !== '')
          .join('\n'),
      },
      () => this.clock.now(),
    );
    if (!built.ok) return fail('not-scheduled', built.message);
    return ok({
      fileName: `${safeFileStem(snapshot.metadata.title)}.ics`,
      mediaType: 'text/calendar' as const,
      text: built.ics,
    });
  };

  /** Members a bundle brought that the roster lacks are added as they describe themselves. */
  private async addPeopleToRoster(clubId: string, read: ReadSession): Promise<void> {
    const club = this.records.clubOf(clubId);
    const profile = this.records.state.profile;
    if (!club || !profile) return;
    const members = rosterWith(club.members, read, profile);
    if (members.length !== club.members.length)
      await this.records.replaceClub({ ...club, members });
  }
}

/** The roster with the members the session names and the roster lacks, and the user. */
function rosterWith(
  members: readonly ClubMember[],
  read: ReadSession,
  profile: ClubProfile,
): ClubMember[] {
  const roster = [...members];
  const known = new Set(roster.map((member) => member.memberId));
  if (!known.has(profile.memberId)) {
    roster.push({
      memberId: profile.memberId,
      name: profile.name,
      profession: profile.profession,
      role: 'member',
      handle: null,
    });
    known.add(profile.memberId);
  }
  for (const [memberId, person] of Object.entries(read.snapshot.people)) {
    if (known.has(memberId)) continue;
    roster.push({ memberId, ...person });
    known.add(memberId);
  }
  return roster;
}

/** Each member's contributions as one comparable text, to count whose work a merge added. */
function contributionsByMember(read: ReadSession): Record<string, string> {
  const { snapshot } = read;
  const byMember: Record<string, string> = {};
  const ids = new Set([...Object.keys(snapshot.members), ...Object.keys(snapshot.paperAnswers)]);
  for (const memberId of ids) {
    byMember[memberId] = JSON.stringify([
      snapshot.members[memberId] ?? null,
      snapshot.paperAnswers[memberId] ?? null,
    ]);
  }
  return byMember;
}

function countChanged(before: Record<string, string>, after: Record<string, string>): number {
  return Object.entries(after).filter(([memberId, work]) => before[memberId] !== work).length;
}

function describeMembers(count: number): string {
  if (count === 0) return 'changes to the session';
  return count === 1 ? '1 member’s work' : `${count} members’ work`;
}

/** A title as a file name on every platform: no separators, reserved characters or dots at the end. */
function safeFileStem(title: string): string {
  const stem = title
    .replace(/[\\/:*?"<>|\p{Cc}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[. ]+$/, '')
    .slice(0, 120)
    .trim();
  return stem === '' ? 'session' : stem;
}
