import * as Y from 'yjs';
import type { z } from 'zod';
import { checklistAnswerSchema, questionProblem, type ChecklistAnswer } from '../appraisal/answers';
import type { StudyDesign } from '../appraisal/studyDesigns';
import {
  actionsMap,
  annotationsMap,
  answersMap,
  appraisalFieldKey,
  appraisalsMap,
  attendanceMap,
  memberItemKey,
  paperAnswerKey,
  paperAnswersMap,
  paperDetailsMap,
  peopleMap,
  sessionMap,
  votesMap,
} from './sessionLayout';
import { canCloseSession, readSession, type CanClose } from './sessionSnapshot';
import {
  actionItemSchema,
  annotationValueSchema,
  appraisalAnswerSchema,
  attendanceSchema,
  bottomLineSchema,
  itemIdSchema,
  memberIdSchema,
  paperIdSchema,
  practiceVoteSchema,
  presenterNotesSchema,
  requireValid,
  sessionClubSchema,
  sessionPaperDetailsSchema,
  sessionPersonSchema,
  appraisalFieldSchemas,
  type AppraisalField,
  type SessionClub,
  type SessionPaperDetails,
  type SessionPerson,
  SessionValueError,
  sessionMetadataSchema,
  type ActionItem,
  type AppraisalAnswer,
  type Attendance,
  type JsonValue,
  type PracticeVote,
  type SessionMetadata,
} from './sessionValues';

// Typed mutators of a session document (layout in sessionLayout.ts). Each validates what it is
// given and throws a SessionValueError, before touching the document, when it does not fit.

export * from './sessionLayout';

/**
 * A new session document. The id is written into it so that a bundle of another session cannot be
 * merged into this one by mistake.
 */
export function createSessionDoc(
  sessionId: string,
  metadata: Partial<SessionMetadata> = {},
): Y.Doc {
  const id = requireValid(itemIdSchema, sessionId, 'session id');
  const doc = new Y.Doc();
  doc.transact(() => {
    sessionMap(doc).set('id', id);
    writeMetadata(doc, metadata);
  });
  return doc;
}

/** The id the document was created with, or null for a document that has received nothing yet. */
export function sessionIdOf(doc: Y.Doc): string | null {
  const id = sessionMap(doc).get('id');
  return typeof id === 'string' ? id : null;
}

/** Sets the given metadata fields, each one separately (see SESSION_ROOT); the others stay. */
export function setSessionMetadata(doc: Y.Doc, changes: Partial<SessionMetadata>): void {
  doc.transact(() => writeMetadata(doc, changes));
}

function writeMetadata(doc: Y.Doc, changes: Partial<SessionMetadata>): void {
  const valid = requireValid(sessionMetadataSchema.partial().strict(), changes, 'session metadata');
  // Closing goes through the same rule whichever mutator asks for it.
  if (valid.status === 'closed') {
    const verdict = canCloseSession(readSession(doc).snapshot);
    if (!verdict.canClose) throw new SessionValueError(verdict.reason);
  }
  const map = sessionMap(doc);
  for (const [field, value] of Object.entries(valid)) {
    if (value !== undefined) map.set(field, value);
  }
}

export function setBottomLine(doc: Y.Doc, bottomLine: string): void {
  sessionMap(doc).set('bottomLine', requireValid(bottomLineSchema, bottomLine, 'bottom line'));
}

/** Marks the session closed when it can be (see canCloseSession); otherwise changes nothing. */
export function closeSession(doc: Y.Doc): CanClose {
  const verdict = canCloseSession(readSession(doc).snapshot);
  if (verdict.canClose) sessionMap(doc).set('status', 'closed');
  return verdict;
}

export function setAnswer(
  doc: Y.Doc,
  memberId: string,
  questionId: string,
  answer: AppraisalAnswer,
): void {
  const key = requireMemberItemKey(memberId, questionId);
  answersMap(doc).set(key, requireValid(appraisalAnswerSchema, answer, 'appraisal answer'));
}

export function clearAnswer(doc: Y.Doc, memberId: string, questionId: string): void {
  answersMap(doc).delete(requireMemberItemKey(memberId, questionId));
}

/** A member's "would this change your practice?" vote; null withdraws it. */
export function setVote(doc: Y.Doc, memberId: string, vote: PracticeVote | null): void {
  const member = requireValid(memberIdSchema, memberId, 'member id');
  if (vote === null) votesMap(doc).delete(member);
  else votesMap(doc).set(member, requireValid(practiceVoteSchema, vote, 'vote'));
}

/** Adds or replaces an action item the member added. */
export function setActionItem(
  doc: Y.Doc,
  memberId: string,
  actionId: string,
  item: ActionItem,
): void {
  const key = requireMemberItemKey(memberId, actionId);
  actionsMap(doc).set(key, requireValid(actionItemSchema, item, 'action item'));
}

export function removeActionItem(doc: Y.Doc, memberId: string, actionId: string): void {
  actionsMap(doc).delete(requireMemberItemKey(memberId, actionId));
}

/** How the member attended; null when they did not (or it was recorded by mistake). */
export function setAttendance(doc: Y.Doc, memberId: string, attendance: Attendance | null): void {
  const member = requireValid(memberIdSchema, memberId, 'member id');
  if (attendance === null) attendanceMap(doc).delete(member);
  else attendanceMap(doc).set(member, requireValid(attendanceSchema, attendance, 'attendance'));
}

/** A member's annotation on one of the session's papers, stored as the plain JSON given. */
export function setAnnotation(
  doc: Y.Doc,
  memberId: string,
  annotationId: string,
  annotation: JsonValue,
): void {
  const key = requireMemberItemKey(memberId, annotationId);
  const value = requireValid(annotationValueSchema, annotation, 'annotation');
  // A copy, so later changes to the caller's object cannot reach the document.
  annotationsMap(doc).set(key, JSON.parse(JSON.stringify(value)) as JsonValue);
}

export function removeAnnotation(doc: Y.Doc, memberId: string, annotationId: string): void {
  annotationsMap(doc).delete(requireMemberItemKey(memberId, annotationId));
}

/** The presenter's notes for the pre-reading pack (one value, last writer wins). */
export function setPresenterNotes(doc: Y.Doc, text: string): void {
  sessionMap(doc).set(
    'presenterNotes',
    requireValid(presenterNotesSchema, text, 'presenter’s notes'),
  );
}

/** The club the session belongs to, for machines that receive the session without the club. */
export function setSessionClub(doc: Y.Doc, club: SessionClub): void {
  sessionMap(doc).set('club', { ...requireValid(sessionClubSchema, club, 'club') });
}

/** Who a member is (their own name, profession, role and handle), filed under their id. */
export function setPerson(doc: Y.Doc, memberId: string, person: SessionPerson): void {
  const member = requireValid(memberIdSchema, memberId, 'member id');
  peopleMap(doc).set(member, { ...requireValid(sessionPersonSchema, person, 'member') });
}

/** What the session shows of one of its papers (title, authors, journal, year, abstract). */
export function setPaperDetails(doc: Y.Doc, paperId: string, details: SessionPaperDetails): void {
  const paper = requireValid(paperIdSchema, paperId, 'paper id');
  const valid = requireValid(sessionPaperDetailsSchema, details, 'paper');
  paperDetailsMap(doc).set(paper, JSON.parse(JSON.stringify(valid)) as SessionPaperDetails);
}

/**
 * A member's answer to one question on one paper. The question must be one of a checklist (of
 * `design`'s when the paper has one), and the answer passes the appraisal module's own schema,
 * so the document refuses exactly what a bundle reader would.
 */
export function setPaperAnswer(
  doc: Y.Doc,
  memberId: string,
  paperId: string,
  questionId: string,
  answer: ChecklistAnswer,
  design: StudyDesign | null,
): void {
  const key = requirePaperAnswerKey(memberId, paperId, questionId);
  const problem = questionProblem(design, questionId);
  if (problem !== null) throw new SessionValueError(problem);
  const valid = requireValid(checklistAnswerSchema, answer, 'appraisal answer');
  paperAnswersMap(doc).set(key, { ...valid, citedHighlightIds: [...valid.citedHighlightIds] });
}

export function clearPaperAnswer(
  doc: Y.Doc,
  memberId: string,
  paperId: string,
  questionId: string,
): void {
  paperAnswersMap(doc).delete(requirePaperAnswerKey(memberId, paperId, questionId));
}

/** Sets the given fields of the club's appraisal of a paper, each field on its own key. */
export function setAppraisalFields(
  doc: Y.Doc,
  paperId: string,
  fields: Partial<{ [F in AppraisalField]: unknown }>,
): void {
  const paper = requireValid(paperIdSchema, paperId, 'paper id');
  const valid: [string, unknown][] = [];
  for (const [field, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    const schema = appraisalFieldSchemas[field as AppraisalField] as z.ZodType | undefined;
    if (!schema) throw new SessionValueError(`The appraisal has no field “${field}”.`);
    valid.push([field, requireValid(schema, value, `appraisal’s ${field}`)]);
  }
  doc.transact(() => {
    for (const [field, value] of valid) {
      appraisalsMap(doc).set(
        appraisalFieldKey(paper, field),
        value === null || typeof value !== 'object' ? value : JSON.parse(JSON.stringify(value)),
      );
    }
  });
}

function requirePaperAnswerKey(memberId: string, paperId: string, questionId: string): string {
  return paperAnswerKey(
    requireValid(memberIdSchema, memberId, 'member id'),
    requireValid(paperIdSchema, paperId, 'paper id'),
    requireValid(itemIdSchema, questionId, 'question id'),
  );
}

function requireMemberItemKey(memberId: string, itemId: string): string {
  return memberItemKey(
    requireValid(memberIdSchema, memberId, 'member id'),
    requireValid(itemIdSchema, itemId, 'item id'),
  );
}

/**
 * The document's state as one Yjs update: everything, or with `since` (another copy's
 * stateVector) only what that copy lacks.
 */
export function encodeState(doc: Y.Doc, since?: Uint8Array): Uint8Array {
  return Y.encodeStateAsUpdate(doc, since);
}

/** What the document has seen, for asking another copy only for what is missing. */
export function stateVector(doc: Y.Doc): Uint8Array {
  return Y.encodeStateVector(doc);
}

/**
 * Merges a Yjs update into the document. The update is trusted: for one from outside, use the
 * bundle import (roundsBundle.ts), which tries it on a scratch document first.
 */
export function applyUpdate(doc: Y.Doc, update: Uint8Array, origin?: unknown): void {
  Y.applyUpdate(doc, update, origin);
}
