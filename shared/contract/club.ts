import { z } from 'zod';
import type { ChecklistAgreement } from '../domain/club/appraisal/agreement';
import type { ChecklistAnswer } from '../domain/club/appraisal/answers';
import { checklistAnswerSchema } from '../domain/club/appraisal/answers';
import { evidenceLevelRecordSchema, gradeRecordSchema } from '../domain/club/appraisal/evidence';
import type { PaperAppraisal } from '../domain/club/appraisal/paperAppraisal';
import { picoSchema } from '../domain/club/appraisal/pico';
import { studyDesignSchema } from '../domain/club/appraisal/studyDesigns';
import type { DesignSuggestion } from '../domain/club/appraisal/suggestDesign';
import type { CpdTotals } from '../domain/club/cpd/cpdTotals';
import { CPD_ENTRY_TYPES, type CpdEntry } from '../domain/club/cpd/cpdEntry';
import { MAX_ROUNDS_BUNDLE_BYTES } from '../domain/club/session/roundsBundle';
import type { CanClose } from '../domain/club/session/sessionSnapshot';
import {
  attendanceSchema,
  MAX_BOTTOM_LINE_LENGTH,
  PRACTICE_VOTES,
  SESSION_STATUSES,
  type ActionItem,
  type Attendance,
  type PracticeVote,
  type SessionMetadata,
} from '../domain/club/session/sessionValues';
import type { ExportFinding } from '../domain/guard/exportGuard';
import { keptFindingsSchema } from './annotations';
import { event, method, service } from './define';

export type { ChecklistAgreement, ChecklistAnswer, CpdEntry, CpdTotals, PaperAppraisal };
export type { ActionItem, Attendance, CanClose, DesignSuggestion, PracticeVote, SessionMetadata };

// The journal club (J1–J5). A club and its roster, the user's profile and their CPD log are this
// machine's own files. Each session is a Yjs document (shared/domain/club/session) that members
// merge by `.rounds` bundle or live through the club's sync server; the backend holds it, checks
// every change against the session's schemas, writes it under the user's own member id and
// persists it. The window reads a session as a `SessionView` and edits the discussion through a
// Yjs copy it keeps in step with `discussionUpdate` and `onDidChangeSession`.

/** A member's part in the club. */
export const CLUB_ROLES = ['organiser', 'presenter', 'member'] as const;
export type ClubRole = (typeof CLUB_ROLES)[number];

/**
 * How members are named in anything shared beyond the club (the summaries of the sharing issue):
 * by name, by initials, or not at all.
 */
export const DISCLOSURES = ['names', 'initials', 'anonymous'] as const;
export type Disclosure = (typeof DISCLOSURES)[number];

/** Who the user is in every club: made on first use, the member id never changes. */
export interface ClubProfile {
  /** Random, made once per data folder; every contribution to a session is filed under it. */
  memberId: string;
  name: string;
  profession: string;
  /** The body the user's CPD is reported to (GMC, ABIM, a college…); may be empty. */
  cpdBody: string;
  /** IANA zone the CPD log counts years in; the window's zone unless set. */
  timeZone: string;
}

export interface ClubMember {
  memberId: string;
  name: string;
  profession: string;
  role: ClubRole;
  /** A public handle (e.g. on Bluesky or Mastodon), only ever shared when the member gave it. */
  handle: string | null;
}

/** How this machine reaches the club's sync server, and how that is going. */
export interface ClubSyncState {
  /** `off`: no server set, or the user chose to work offline. */
  status: 'off' | 'connecting' | 'connected' | 'offline';
  /** The server's address (`ws://127.0.0.1:4455`, `wss://club.example.org`), without the token. */
  serverUrl: string | null;
  /** The token is kept in the data folder and never sent to the window. */
  hasToken: boolean;
  /** Why the last attempt failed, for the user ("The server refused the access token."). */
  problem: string | null;
}

export interface Club {
  clubId: string;
  name: string;
  /** With its `#`, e.g. `#NephJC`; may be empty. */
  hashtag: string;
  /** IANA zone the club meets in; sessions are planned in it. */
  timeZone: string;
  defaultDisclosure: Disclosure;
  /** The roster, the user included, organisers first then by name. */
  members: ClubMember[];
  sync: ClubSyncState;
}

/** A session as the club page lists it. */
export interface SessionSummary {
  sessionId: string;
  clubId: string;
  title: string;
  status: SessionMetadata['status'];
  /** The start as an instant (ISO 8601, Z), null while unscheduled. */
  startsAt: string | null;
  /** The zone it was planned in. */
  timeZone: string | null;
  presenterName: string | null;
  paperTitles: string[];
  bottomLine: string;
}

export interface ClubOverview {
  club: Club;
  /** Not closed, soonest first (unscheduled last). */
  upcoming: SessionSummary[];
  /** Closed, most recent first. */
  past: SessionSummary[];
}

/** One member's highlight on a session paper, as copied into the session. */
export interface SessionHighlight {
  annotationId: string;
  paperId: string;
  /** The quoted text; for a PDF highlight, the page too. */
  quote: string;
  page: number | null;
  colour: string;
  /** The highlight's note as plain text, '' when none. */
  note: string;
}

export interface SessionMemberView {
  memberId: string;
  name: string;
  profession: string;
  role: ClubRole;
  isMe: boolean;
  /** paperId → questionId → answer. */
  answers: Record<string, Record<string, ChecklistAnswer>>;
  vote: PracticeVote | null;
  attendance: Attendance | null;
  highlights: SessionHighlight[];
}

export interface SessionPaperView {
  paperId: string;
  /** The library item to open it in the reader; null when this machine has only the bundle's copy. */
  itemId: string | null;
  doi: string | null;
  title: string;
  authors: string[];
  journal: string | null;
  year: number | null;
  /** What the club recorded: design, PICO, level of evidence, GRADE. */
  appraisal: PaperAppraisal;
  /** The design the paper's wording suggests, for the presenter to confirm. */
  suggestedDesign: DesignSuggestion | null;
  /** Per question of the chosen design's checklist; null until a design is chosen. */
  agreement: ChecklistAgreement | null;
}

export interface SessionActionView {
  actionId: string;
  /** Who added it (the member id it is filed under). */
  addedBy: string;
  item: ActionItem;
  ownerName: string | null;
}

export interface SessionView {
  sessionId: string;
  clubId: string;
  clubName: string;
  hashtag: string;
  /** The user's member id, to find "my" answers among `members`. */
  myMemberId: string;
  metadata: SessionMetadata;
  /** The start as an instant (ISO 8601, Z), from `metadata.startsAt` in `metadata.timeZone`. */
  startsAtInstant: string | null;
  presenterNotes: string;
  bottomLine: string;
  /** The discussion as plain text (the window edits it as a Lexical document). */
  discussionText: string;
  papers: SessionPaperView[];
  /** Everyone who contributed or is on the roster, by name. */
  members: SessionMemberView[];
  actions: SessionActionView[];
  tally: Record<PracticeVote['vote'], number>;
  canClose: CanClose;
  sync: ClubSyncState;
  /** Entries another copy wrote that did not fit and are not shown. */
  dropped: number;
}

/** A file for the window to save: its suggested name and its text. */
export interface ClubFile {
  fileName: string;
  mediaType: 'application/vnd.rounds.session+json' | 'text/calendar' | 'text/csv';
  text: string;
}

export interface BundleImported {
  sessionId: string;
  clubId: string;
  title: string;
  /** True when the session (or its club) was new to this machine. */
  created: boolean;
  /** False when this machine already held everything in the bundle. */
  changed: boolean;
  /** Papers added to the library from the bundle. */
  papersAdded: number;
  /** "Merged Jo's work into 'Dapagliflozin in CKD': …", for the user. */
  message: string;
}

export interface CpdLogView {
  entries: CpdEntry[];
  totals: CpdTotals;
  /** The zone years are counted in. */
  timeZone: string;
}

const id = z.string().min(1).max(128);
const shortText = (max: number) => z.string().max(max);
const ianaZone = z.string().min(1).max(64);
const hashtag = z
  .string()
  .max(100)
  .regex(/^(#[\p{L}\p{N}_]+)?$/u, 'A hashtag is # followed by letters, digits or _');

const memberFields = z.object({
  name: z.string().trim().min(1, 'Give the member’s name').max(200),
  profession: shortText(200).default(''),
  role: z.enum(CLUB_ROLES).default('member'),
  handle: z.string().trim().min(1).max(200).nullable().default(null),
});

/** Local wall-clock date and time, minutes precision, e.g. 2026-12-09T19:00. */
const localDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'The start is a date and time like 2026-12-09T19:00');

const sessionFields = z.object({
  title: z.string().trim().min(1, 'Give the session a title').max(300),
  /** Library item ids of the papers, in order. */
  itemIds: z.array(z.string().min(1).max(256)).min(1, 'Choose at least one paper').max(20),
  startsAt: localDateTime.nullable().default(null),
  /** The club's zone when left out. */
  timeZone: ianaZone.nullable().default(null),
  presenterId: id.nullable().default(null),
  discussionWindow: z
    .object({ opensAt: z.iso.datetime(), closesAt: z.iso.datetime() })
    .nullable()
    .default(null),
});

/** One change to a session, filed under the user's member id where it is theirs. */
export const sessionChangeSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('metadata'),
    changes: z
      .object({
        title: z.string().trim().min(1).max(300),
        startsAt: localDateTime.nullable(),
        timeZone: ianaZone.nullable(),
        presenterId: id.nullable(),
        status: z.enum(SESSION_STATUSES),
        discussionWindow: z
          .object({ opensAt: z.iso.datetime(), closesAt: z.iso.datetime() })
          .nullable(),
      })
      .partial(),
  }),
  z.object({ kind: z.literal('presenterNotes'), text: z.string().max(20_000) }),
  z.object({ kind: z.literal('bottomLine'), text: z.string().max(MAX_BOTTOM_LINE_LENGTH) }),
  /** Needs the bottom line; fails with `cannot-close` and the reason otherwise. */
  z.object({ kind: z.literal('close') }),
  z.object({
    kind: z.literal('answer'),
    paperId: z.string().min(1).max(256),
    questionId: id,
    /** null withdraws the answer. */
    answer: checklistAnswerSchema.nullable(),
  }),
  z.object({
    kind: z.literal('paperAppraisal'),
    paperId: z.string().min(1).max(256),
    changes: z
      .object({
        design: studyDesignSchema.nullable(),
        pico: picoSchema,
        evidenceLevel: evidenceLevelRecordSchema.nullable(),
        certainty: gradeRecordSchema.nullable(),
      })
      .partial(),
  }),
  z.object({
    kind: z.literal('vote'),
    vote: z
      .object({ vote: z.enum(PRACTICE_VOTES), reason: z.string().max(2_000).default('') })
      .nullable(),
  }),
  z.object({
    kind: z.literal('action'),
    /** Left out to add a new action; given to change one (anyone may tick it done). */
    actionId: id.optional(),
    addedBy: id.optional(),
    item: z.object({
      text: z.string().trim().min(1, 'Say what the action is').max(500),
      ownerId: id.nullable().default(null),
      dueDate: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, 'The due date is a date like 2026-12-31')
        .nullable()
        .default(null),
      done: z.boolean().default(false),
    }),
  }),
  z.object({ kind: z.literal('removeAction'), actionId: id, addedBy: id }),
  /** The user's own attendance. */
  z.object({ kind: z.literal('attendance'), attendance: attendanceSchema.nullable() }),
]);
export type SessionChange = z.input<typeof sessionChangeSchema>;

/** The largest Yjs update the window sends for the discussion (a long paste is a few hundred KiB). */
export const MAX_DISCUSSION_UPDATE_BASE64 = 4 * 1024 * 1024;

const cpdEntryInput = z.object({
  /** Left out for a new entry. */
  id: id.optional(),
  sessionId: id,
  date: z.iso.datetime({ offset: true }),
  citation: z.string().trim().min(1).max(2_000),
  hours: z.number(),
  type: z.enum(CPD_ENTRY_TYPES),
  learned: z.string().max(5_000).default(''),
  willChange: z.string().max(5_000).default(''),
});

/**
 * The `club` service: clubs, the user's profile, sessions (their shared Yjs documents), bundles,
 * the club's sync server, and the user's CPD log.
 */
export const clubContract = service('club', {
  /** The user's profile, made with a new member id on first call. */
  profile: method<ClubProfile>()({ args: z.tuple([]) }),
  setProfile: method<ClubProfile>()({
    args: z.tuple([
      z.object({
        name: z.string().trim().min(1, 'Give your name').max(200),
        profession: shortText(200).default(''),
        cpdBody: shortText(200).default(''),
        timeZone: ianaZone.optional(),
      }),
    ]),
  }),
  /** Every club on this machine, by name. */
  clubs: method<Club[]>()({ args: z.tuple([]) }),
  /** The user joins as its organiser. Fails with `needs-profile` until the profile has a name. */
  createClub: method<Club>()({
    args: z.tuple([
      z.object({
        name: z.string().trim().min(1, 'Give the club a name').max(200),
        hashtag: hashtag.default(''),
        timeZone: ianaZone,
        defaultDisclosure: z.enum(DISCLOSURES).default('initials'),
      }),
    ]),
    errors: ['needs-profile'],
  }),
  updateClub: method<Club>()({
    args: z.tuple([
      z.object({
        clubId: id,
        name: z.string().trim().min(1).max(200).optional(),
        hashtag: hashtag.optional(),
        timeZone: ianaZone.optional(),
        defaultDisclosure: z.enum(DISCLOSURES).optional(),
      }),
    ]),
    errors: ['not-found'],
  }),
  /** Adds a member to the roster (without `memberId`) or changes one. */
  setMember: method<Club>()({
    args: z.tuple([z.object({ clubId: id, memberId: id.optional(), member: memberFields })]),
    errors: ['not-found'],
  }),
  removeMember: method<Club>()({
    args: z.tuple([z.object({ clubId: id, memberId: id })]),
    errors: ['not-found'],
  }),
  /** The club with its sessions, upcoming and past. */
  overview: method<ClubOverview>()({
    args: z.tuple([z.object({ clubId: id })]),
    errors: ['not-found'],
  }),
  createSession: method<SessionView>()({
    args: z.tuple([z.object({ clubId: id, session: sessionFields })]),
    errors: ['not-found'],
  }),
  session: method<SessionView>()({
    args: z.tuple([z.object({ sessionId: id })]),
    errors: ['not-found'],
  }),
  /**
   * Applies one change, filed under the profile's member id (a random UUID made by the first
   * `profile()` call); resolves with the session as it now is, once the change is on disk. Fails
   * with `closed` for a change to a closed session other than re-opening it.
   */
  changeSession: method<SessionView>()({
    args: z.tuple([z.object({ sessionId: id, change: sessionChangeSchema })]),
    errors: ['not-found', 'cannot-close', 'closed'],
  }),
  /** The whole session document as one Yjs update (base64), for the window's discussion copy. */
  documentState: method<{ update: string }>()({
    args: z.tuple([z.object({ sessionId: id })]),
    errors: ['not-found'],
  }),
  /**
   * Merges the window's edit of the discussion (one Yjs update, base64, at most 4 MB). Send one at
   * a time, in order. Fails with `invalid-update`, the message saying which, when it cannot be
   * read, depends on edits the backend lacks, or changes anything besides the discussion.
   */
  discussionUpdate: method<{ applied: true }>()({
    args: z.tuple([
      z.object({ sessionId: id, update: z.string().min(1).max(MAX_DISCUSSION_UPDATE_BASE64) }),
    ]),
    errors: ['not-found', 'invalid-update'],
    maxRequestBytes: MAX_DISCUSSION_UPDATE_BASE64 + 1_024,
  }),
  /**
   * The session as a `.rounds` file; with `includePdfs`, the papers' stored PDFs too. The privacy
   * guard runs on the text the bundle carries (discussion, presenter's notes, bottom line,
   * actions, every member's answers' reasons, votes, highlights and notes) just before it is
   * written: it fails with `blocked`, naming what it found, until every finding is in `kept`.
   */
  exportBundle: method<ClubFile>()({
    args: z.tuple([
      z.object({
        sessionId: id,
        includePdfs: z.boolean().default(false),
        kept: keptFindingsSchema,
      }),
    ]),
    errors: ['not-found', 'blocked'],
  }),
  /**
   * Every privacy guard finding in what `exportBundle` would carry now, so the window can ask
   * about each before exporting. Member names and papers' titles and authors are not scanned.
   */
  bundleFindings: method<ExportFinding[]>()({
    args: z.tuple([z.object({ sessionId: id })]),
    errors: ['not-found'],
  }),
  /**
   * The same findings, for the warning shown while the session is shared live through the club's
   * own server: within the club the guard warns and never blocks.
   */
  privacyFindings: method<ExportFinding[]>()({
    args: z.tuple([z.object({ sessionId: id })]),
    errors: ['not-found'],
  }),
  /**
   * Merges a `.rounds` file: a new session (and club) is created; one already here gains what it
   * lacks and loses nothing. The message reads `Added “<title>” to <club>: …`, `Merged into
   * “<title>”: N member’s work added.` or `Nothing new: you already had everything in this
   * bundle.` Fails with `invalid-bundle` (too large, newer version, damaged, not a bundle) and
   * changes nothing then.
   */
  importBundle: method<BundleImported>()({
    args: z.tuple([z.object({ text: z.string().min(1).max(MAX_ROUNDS_BUNDLE_BYTES) })]),
    errors: ['invalid-bundle', 'needs-profile'],
    // The bundle's JSON, quoted once more as an argument: escapes can double its quotes.
    maxRequestBytes: MAX_ROUNDS_BUNDLE_BYTES * 2 + 1_024,
  }),
  /** The session as an `.ics` invitation (fails with `not-scheduled` without a start). */
  invitation: method<ClubFile>()({
    args: z.tuple([z.object({ sessionId: id })]),
    errors: ['not-found', 'not-scheduled'],
  }),
  /**
   * Sets (or with `serverUrl: null`, clears) the club's sync server and token. The token is kept
   * in the data folder, never shown again and never put in a bundle.
   */
  setSyncServer: method<Club>()({
    args: z.tuple([
      z.object({
        clubId: id,
        serverUrl: z.string().max(500).nullable(),
        token: z.string().min(16).max(512).optional(),
      }),
    ]),
    errors: ['not-found', 'invalid-address'],
  }),
  /** Work offline (false) or sync through the club's server again (true). */
  setOnline: method<Club>()({
    args: z.tuple([z.object({ clubId: id, online: z.boolean() })]),
    errors: ['not-found'],
  }),
  /** The user's CPD entries, newest first, with totals per year and type. */
  cpdLog: method<CpdLogView>()({ args: z.tuple([]) }),
  /** An entry prefilled from a session (date, citation, type from attendance, 1 hour). */
  cpdDraft: method<CpdEntry>()({
    args: z.tuple([z.object({ sessionId: id })]),
    errors: ['not-found'],
  }),
  /** Adds or replaces an entry; fails with `invalid-entry` naming the field (hours in quarters…). */
  saveCpdEntry: method<CpdLogView>()({
    args: z.tuple([cpdEntryInput]),
    errors: ['not-found', 'invalid-entry'],
  }),
  removeCpdEntry: method<CpdLogView>()({
    args: z.tuple([z.object({ id })]),
    errors: ['not-found'],
  }),
  /** The log as CSV (UTF-8 with BOM, RFC 4180 quoting where needed, formulas neutralised). */
  exportCpdCsv: method<ClubFile>()({ args: z.tuple([]) }),
  /** A club or its roster or sync state changed (here, by an import, or by the server). */
  onDidChangeClubs: event<{ clubId: string }>(z.object({ clubId: z.string() })),
  /**
   * A session changed: `update` is the Yjs update (base64) for the window's discussion copy;
   * the window reloads the view for everything else.
   */
  onDidChangeSession: event<{ sessionId: string; update: string }>(
    z.object({ sessionId: z.string(), update: z.string() }),
  ),
});
