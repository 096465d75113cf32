import * as Y from 'yjs';
import { itemIdSchema, memberIdSchema } from './sessionValues';

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

export const SESSION_ROOTS = [
  SESSION_ROOT,
  ANSWERS_ROOT,
  VOTES_ROOT,
  ACTIONS_ROOT,
  ATTENDANCE_ROOT,
  ANNOTATIONS_ROOT,
  DISCUSSION_ROOT,
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
/** The shared discussion text, for @lexical/yjs to bind to (see DISCUSSION_ROOT). */
export function discussionOf(doc: Y.Doc): Y.XmlText {
  return doc.get(DISCUSSION_ROOT, Y.XmlText) as Y.XmlText;
}
