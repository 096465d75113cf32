import type * as Y from 'yjs';
import type { z } from 'zod';
import { checklistAnswerSchema, questionProblem, type ChecklistAnswer } from '../appraisal/answers';
import { EMPTY_PAPER_APPRAISAL, type PaperAppraisal } from '../appraisal/paperAppraisal';
import { PICO_PARTS } from '../appraisal/pico';
import {
  actionsMap,
  annotationsMap,
  answersMap,
  appraisalsMap,
  attendanceMap,
  discussionOf,
  paperAnswersMap,
  paperDetailsMap,
  parseAppraisalFieldKey,
  parseMemberItemKey,
  parsePaperAnswerKey,
  peopleMap,
  sessionMap,
  votesMap,
} from './sessionLayout';
import {
  actionItemSchema,
  annotationValueSchema,
  appraisalAnswerSchema,
  attendanceSchema,
  bottomLineSchema,
  EMPTY_SESSION_METADATA,
  itemIdSchema,
  memberIdSchema,
  paperIdSchema,
  PRACTICE_VOTES,
  practiceVoteSchema,
  presenterNotesSchema,
  sessionClubSchema,
  sessionMetadataFieldSchemas,
  sessionPaperDetailsSchema,
  sessionPersonSchema,
  appraisalFieldSchemas,
  type AppraisalField,
  type SessionClub,
  type SessionPaperDetails,
  type SessionPerson,
  type ActionItem,
  type AppraisalAnswer,
  type Attendance,
  type JsonValue,
  type PracticeVote,
  type SessionMetadata,
} from './sessionValues';

/** Everything one member contributed to the session. */
export interface MemberContribution {
  /** questionId → answer. */
  answers: Record<string, AppraisalAnswer>;
  vote: PracticeVote | null;
  /** actionId → the action items this member added. */
  actions: Record<string, ActionItem>;
  attendance: Attendance | null;
  /** annotationId → the annotation as stored (plain JSON). */
  annotations: Record<string, JsonValue>;
}

/** A plain, validated copy of a session document for the UI; members sorted by id. */
export interface SessionSnapshot {
  sessionId: string | null;
  metadata: SessionMetadata;
  /** '' until someone writes it. */
  bottomLine: string;
  /** memberId → contribution; a member appears once they have contributed anything. */
  members: Record<string, MemberContribution>;
  /** The discussion's content as Yjs serialises it (plain text for a plain document). */
  discussion: string;
  /** The presenter's notes for the pre-reading pack; '' until written. */
  presenterNotes: string;
  /** The club the session belongs to, or null in a document that does not say. */
  club: SessionClub | null;
  /** memberId → who they are, as written into the session. */
  people: Record<string, SessionPerson>;
  /** paperId → what the session shows of the paper. */
  paperDetails: Record<string, SessionPaperDetails>;
  /** paperId → the club's appraisal of it, for papers with any field set. */
  appraisals: Record<string, PaperAppraisal>;
  /** memberId → paperId → questionId → answer (questions of any checklist; see answers.ts). */
  paperAnswers: Record<string, Record<string, Record<string, ChecklistAnswer>>>;
}

export interface ReadSession {
  snapshot: SessionSnapshot;
  /** Entries that did not fit (written by a damaged or hostile copy) and were left out. */
  dropped: number;
}

/**
 * Reads the document into a plain snapshot, keeping every entry that fits its schema and leaving
 * out (and counting) those that do not. Maps are read in sorted key order, so two documents with
 * the same content give snapshots that are equal and serialise identically.
 */
export function readSession(doc: Y.Doc): ReadSession {
  let dropped = 0;
  const members = new Map<string, MemberContribution>();
  const memberEntry = (memberId: string): MemberContribution => {
    let entry = members.get(memberId);
    if (!entry) {
      entry = { answers: {}, vote: null, actions: {}, attendance: null, annotations: {} };
      members.set(memberId, entry);
    }
    return entry;
  };

  const session = sessionMap(doc);
  const metadata: SessionMetadata = { ...EMPTY_SESSION_METADATA };
  for (const field of Object.keys(sessionMetadataFieldSchemas) as (keyof SessionMetadata)[]) {
    if (!session.has(field)) continue;
    const parsed = sessionMetadataFieldSchemas[field].safeParse(session.get(field));
    if (parsed.success) (metadata as Record<string, unknown>)[field] = parsed.data;
    else dropped += 1;
  }
  const id = itemIdSchema.safeParse(session.get('id'));
  if (session.has('id') && !id.success) dropped += 1;
  const bottomLine = bottomLineSchema.safeParse(session.get('bottomLine') ?? '');
  if (!bottomLine.success) dropped += 1;

  const readPerItem = <T>(
    map: Y.Map<unknown>,
    schema: z.ZodType<T>,
    store: (entry: MemberContribution, itemId: string, value: T) => void,
  ): void => {
    for (const key of sortedKeys(map)) {
      const owner = parseMemberItemKey(key);
      const parsed = schema.safeParse(map.get(key));
      if (owner && parsed.success) store(memberEntry(owner.memberId), owner.itemId, parsed.data);
      else dropped += 1;
    }
  };
  const readPerMember = <T>(
    map: Y.Map<unknown>,
    schema: z.ZodType<T>,
    store: (entry: MemberContribution, value: T) => void,
  ): void => {
    for (const key of sortedKeys(map)) {
      const parsed = schema.safeParse(map.get(key));
      if (memberIdSchema.safeParse(key).success && parsed.success)
        store(memberEntry(key), parsed.data);
      else dropped += 1;
    }
  };

  readPerItem(answersMap(doc), appraisalAnswerSchema, (entry, id, value) => {
    entry.answers[id] = value;
  });
  readPerMember(votesMap(doc), practiceVoteSchema, (entry, value) => {
    entry.vote = value;
  });
  readPerItem(actionsMap(doc), actionItemSchema, (entry, id, value) => {
    entry.actions[id] = value;
  });
  readPerMember(attendanceMap(doc), attendanceSchema, (entry, value) => {
    entry.attendance = value;
  });
  readPerItem(annotationsMap(doc), annotationValueSchema, (entry, id, value) => {
    entry.annotations[id] = value;
  });

  const paperAnswers: SessionSnapshot['paperAnswers'] = {};
  const paperAnswerEntries = paperAnswersMap(doc);
  for (const key of sortedKeys(paperAnswerEntries)) {
    const owner = parsePaperAnswerKey(key);
    const parsed = checklistAnswerSchema.safeParse(paperAnswerEntries.get(key));
    if (!owner || !parsed.success || questionProblem(null, owner.questionId) !== null) {
      dropped += 1;
      continue;
    }
    const byPaper = (paperAnswers[owner.memberId] ??= {});
    (byPaper[owner.paperId] ??= {})[owner.questionId] = parsed.data;
  }

  const appraisals: Record<string, PaperAppraisal> = {};
  const appraisalEntries = appraisalsMap(doc);
  for (const key of sortedKeys(appraisalEntries)) {
    const target = parseAppraisalFieldKey(key);
    const schema = target
      ? (appraisalFieldSchemas[target.field as AppraisalField] as z.ZodType | undefined)
      : undefined;
    const parsed = schema?.safeParse(appraisalEntries.get(key));
    if (!target || !parsed?.success) {
      dropped += 1;
      continue;
    }
    const appraisal = (appraisals[target.paperId] ??= {
      ...EMPTY_PAPER_APPRAISAL,
      pico: { ...EMPTY_PAPER_APPRAISAL.pico },
    });
    if ((PICO_PARTS as readonly string[]).includes(target.field)) {
      (appraisal.pico as unknown as Record<string, unknown>)[target.field] = parsed.data;
    } else {
      (appraisal as unknown as Record<string, unknown>)[target.field] = parsed.data;
    }
  }

  const people: Record<string, SessionPerson> = {};
  const peopleEntries = peopleMap(doc);
  for (const key of sortedKeys(peopleEntries)) {
    const parsed = sessionPersonSchema.safeParse(peopleEntries.get(key));
    if (memberIdSchema.safeParse(key).success && parsed.success) people[key] = parsed.data;
    else dropped += 1;
  }

  const paperDetails: Record<string, SessionPaperDetails> = {};
  const detailEntries = paperDetailsMap(doc);
  for (const key of sortedKeys(detailEntries)) {
    const parsed = sessionPaperDetailsSchema.safeParse(detailEntries.get(key));
    if (paperIdSchema.safeParse(key).success && parsed.success) paperDetails[key] = parsed.data;
    else dropped += 1;
  }

  const presenterNotes = presenterNotesSchema.safeParse(session.get('presenterNotes') ?? '');
  if (!presenterNotes.success) dropped += 1;
  const club = session.has('club') ? sessionClubSchema.safeParse(session.get('club')) : null;
  if (club && !club.success) dropped += 1;

  const sortedMembers: Record<string, MemberContribution> = {};
  for (const memberId of [...members.keys()].sort()) {
    sortedMembers[memberId] = members.get(memberId) as MemberContribution;
  }
  return {
    snapshot: {
      sessionId: id.success ? id.data : null,
      metadata,
      bottomLine: bottomLine.success ? bottomLine.data : '',
      members: sortedMembers,
      discussion: discussionOf(doc).toString(),
      presenterNotes: presenterNotes.success ? presenterNotes.data : '',
      club: club?.success ? club.data : null,
      people,
      paperDetails,
      appraisals,
      paperAnswers,
    },
    dropped,
  };
}

function sortedKeys(map: Y.Map<unknown>): string[] {
  return [...map.keys()].sort();
}

export type CanClose = { canClose: true } | { canClose: false; reason: string };

/** A session closes only with its bottom line: one sentence, on one line. */
export function canCloseSession(snapshot: SessionSnapshot): CanClose {
  const bottomLine = snapshot.bottomLine.trim();
  if (bottomLine === '') {
    return {
      canClose: false,
      reason: 'Write the bottom line (one sentence) before closing the session.',
    };
  }
  if (/[\r\n]/.test(bottomLine)) {
    return { canClose: false, reason: 'The bottom line is one sentence on one line.' };
  }
  return { canClose: true };
}

export type AnswerCounts = Record<AppraisalAnswer['answer'], number>;

/** For each question anyone answered, how many members answered yes, no and unclear. */
export function agreementByQuestion(snapshot: SessionSnapshot): Record<string, AnswerCounts> {
  const counts: Record<string, AnswerCounts> = {};
  for (const member of Object.values(snapshot.members)) {
    for (const [questionId, answer] of Object.entries(member.answers)) {
      counts[questionId] ??= { yes: 0, no: 0, unclear: 0 };
      counts[questionId][answer.answer] += 1;
    }
  }
  return counts;
}

/** How many members voted yes, no and not sure on "would this change your practice?". */
export function voteTally(snapshot: SessionSnapshot): Record<PracticeVote['vote'], number> {
  const tally = Object.fromEntries(PRACTICE_VOTES.map((vote) => [vote, 0])) as Record<
    PracticeVote['vote'],
    number
  >;
  for (const member of Object.values(snapshot.members)) {
    if (member.vote) tally[member.vote.vote] += 1;
  }
  return tally;
}
