import * as Y from 'yjs';
import { itemIdSchema, memberIdSchema, paperIdSchema } from './sessionValues';

// One journal-club session as a Yjs document. Every root is a top-level shared type: Yjs merges
// top-level types by name, so two machines that each start a session's maps offline still merge
// into one. (A map created inside another map on two machines would not: one would replace the
// other, with everything in it.) That is also why members' contributions are kept in flat maps
// keyed by `[memberId, itemId]` rather than in a map per member.

/** Session metadata, the bottom line and the session id: one key per field, last writer wins. */
export const SESSION_ROOT = 'session';
/** `[memberId, questionId]` → AppraisalAnswer. */
export const ANSWERS_ROOT = 'answers';
/** `memberId` → PracticeVote. */
export const VOTES_ROOT = 'votes';
/** `[memberId, actionId]` → ActionItem; the member who added the action owns the entry. */
export const ACTIONS_ROOT = 'actions';
/** `memberId` → Attendance. */
export const ATTENDANCE_ROOT = 'attendance';
/** `[memberId, annotationId]` → the annotation as plain JSON. */
export const ANNOTATIONS_ROOT = 'annotations';
/**
 * The discussion, a Y.XmlText: the root type @lexical/yjs 0.52 binds its (V1) editor to, with
 * `createYjsBinding({ rootName: DISCUSSION_ROOT, … })`. Not a Y.XmlFragment: Yjs fixes a root's
 * type the first time it is named, and the binding asks for an XmlText.
 */
export const DISCUSSION_ROOT = 'discussion';
/**
 * `[memberId, paperId, questionId]` → ChecklistAnswer: each member's answers, per paper of the
 * session (a session may appraise several papers, each with its own checklist). The older
 * `answers` root, keyed without the paper, is still read but no longer written by the app.
 */
export const PAPER_ANSWERS_ROOT = 'paperAnswers';
/**
 * `[paperId, field]` → one field of the club's appraisal of a paper: `design`, each PICO part
 * (`population`, `interventionOrExposure`, `comparison`, `outcomes`), `evidenceLevel`, `certainty`.
 * One key per field, so two members who edit different fields offline both keep their edit.
 */
export const APPRAISALS_ROOT = 'appraisals';
/** `memberId` → `{name, profession, role, handle}`: who each member is, for machines without the roster. */
export const PEOPLE_ROOT = 'people';
/** `paperId` → `{title, authors, journal, year, abstract}`, so a member without the paper can see it. */
export const PAPER_DETAILS_ROOT = 'paperDetails';

export const SESSION_ROOTS = [
  SESSION_ROOT,
  ANSWERS_ROOT,
  VOTES_ROOT,
  ACTIONS_ROOT,
  ATTENDANCE_ROOT,
  ANNOTATIONS_ROOT,
  DISCUSSION_ROOT,
  PAPER_ANSWERS_ROOT,
  APPRAISALS_ROOT,
  PEOPLE_ROOT,
  PAPER_DETAILS_ROOT,
] as const;

/** The key of a member's item in a flat map: JSON, so no id can be mistaken for another. */
export function memberItemKey(memberId: string, itemId: string): string {
  return JSON.stringify([memberId, itemId]);
}

/** The member and item a flat-map key names, or null when the key is not one (a damaged entry). */
export function parseMemberItemKey(key: string): { memberId: string; itemId: string } | null {
  try {
    const parsed: unknown = JSON.parse(key);
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      memberIdSchema.safeParse(parsed[0]).success &&
      itemIdSchema.safeParse(parsed[1]).success
    ) {
      return { memberId: parsed[0] as string, itemId: parsed[1] as string };
    }
  } catch {
    // Not JSON: not a key this module wrote.
  }
  return null;
}

/** The key of a member's answer to one question on one paper (see PAPER_ANSWERS_ROOT). */
export function paperAnswerKey(memberId: string, paperId: string, questionId: string): string {
  return JSON.stringify([memberId, paperId, questionId]);
}

/** The member, paper and question a paper-answer key names, or null when it is not one. */
export function parsePaperAnswerKey(
  key: string,
): { memberId: string; paperId: string; questionId: string } | null {
  const parts = parseKeyParts(key, 3);
  if (
    !parts ||
    !memberIdSchema.safeParse(parts[0]).success ||
    !paperIdSchema.safeParse(parts[1]).success ||
    !itemIdSchema.safeParse(parts[2]).success
  ) {
    return null;
  }
  return {
    memberId: parts[0] as string,
    paperId: parts[1] as string,
    questionId: parts[2] as string,
  };
}

/** The key of one field of a paper's appraisal (see APPRAISALS_ROOT). */
export function appraisalFieldKey(paperId: string, field: string): string {
  return JSON.stringify([paperId, field]);
}

/** The paper and field an appraisal key names, or null when it is not one. */
export function parseAppraisalFieldKey(key: string): { paperId: string; field: string } | null {
  const parts = parseKeyParts(key, 2);
  if (!parts || !paperIdSchema.safeParse(parts[0]).success || typeof parts[1] !== 'string') {
    return null;
  }
  return { paperId: parts[0] as string, field: parts[1] };
}

function parseKeyParts(key: string, length: number): unknown[] | null {
  try {
    const parsed: unknown = JSON.parse(key);
    return Array.isArray(parsed) && parsed.length === length ? (parsed as unknown[]) : null;
  } catch {
    // Not JSON: not a key this module wrote.
    return null;
  }
}

export function sessionMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(SESSION_ROOT);
}
export function answersMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(ANSWERS_ROOT);
}
export function votesMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(VOTES_ROOT);
}
export function actionsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(ACTIONS_ROOT);
}
export function attendanceMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(ATTENDANCE_ROOT);
}
export function annotationsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(ANNOTATIONS_ROOT);
}
export function paperAnswersMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(PAPER_ANSWERS_ROOT);
}
export function appraisalsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(APPRAISALS_ROOT);
}
export function peopleMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(PEOPLE_ROOT);
}
export function paperDetailsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(PAPER_DETAILS_ROOT);
}
/** The shared discussion text, for @lexical/yjs to bind to (see DISCUSSION_ROOT). */
export function discussionOf(doc: Y.Doc): Y.XmlText {
  return doc.get(DISCUSSION_ROOT, Y.XmlText) as Y.XmlText;
}
