import * as Y from 'yjs';
import {
  actionsMap,
  annotationsMap,
  answersMap,
  attendanceMap,
  memberItemKey,
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
  practiceVoteSchema,
  requireValid,
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
