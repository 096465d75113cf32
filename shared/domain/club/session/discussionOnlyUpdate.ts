import * as Y from 'yjs';
import { DISCUSSION_ROOT } from './sessionLayout';
import { readSession } from './sessionSnapshot';

// The window keeps its own Yjs copy of a session only to edit the discussion through Lexical;
// everything else changes through `changeSession`, which validates it and files it under the
// user's member id. An update from the window is therefore tried on a scratch copy first and
// refused unless the discussion is all it changed: a compromised or buggy window cannot use the
// discussion channel to write someone's answers or votes.

/** Any shared type of a document, as Yjs reports the types a transaction changed. */
type SharedType = Y.Transaction['changed'] extends Map<infer T, unknown> ? T : never;

export type DiscussionOnlyVerdict = { ok: true } | { ok: false; message: string };

const NOT_AN_UPDATE =
  'The discussion edit could not be read (it is not in the format sessions use), so it was not saved.';
const TOUCHES_OTHER_PARTS =
  'The discussion edit also changed other parts of the session (answers, votes, actions or details), so it was not saved.';
const MISSING_EARLIER_EDITS =
  'The discussion edit builds on earlier edits this copy of the session does not have, so it was not saved.';

/**
 * Whether `update` (a Yjs update from the window) changes only the session's discussion. `doc` is
 * never modified: the update is applied to a scratch copy, which is then compared with `doc`
 * root by root (the session snapshot without the discussion, and the entries dropped as invalid)
 * and checked for which top-level types the update's transaction touched, unknown roots included.
 */
export function checkDiscussionOnlyUpdate(doc: Y.Doc, update: Uint8Array): DiscussionOnlyVerdict {
  const scratch = new Y.Doc();
  Y.applyUpdate(scratch, Y.encodeStateAsUpdate(doc));
  const before = everythingButTheDiscussion(scratch);

  const touchedRoots = new Set<string>();
  const recordTouchedRoots = (transaction: Y.Transaction) => {
    for (const type of transaction.changed.keys()) touchedRoots.add(rootNameOf(scratch, type));
  };
  scratch.on('afterTransaction', recordTouchedRoots);
  try {
    Y.applyUpdate(scratch, update);
  } catch {
    return { ok: false, message: NOT_AN_UPDATE };
  } finally {
    scratch.off('afterTransaction', recordTouchedRoots);
  }

  // Held back, not applied: merged into the session it could apply later, unchecked, once
  // whatever it waits for arrives.
  if (scratch.store.pendingStructs !== null || scratch.store.pendingDs !== null) {
    return { ok: false, message: MISSING_EARLIER_EDITS };
  }
  touchedRoots.delete(DISCUSSION_ROOT);
  if (touchedRoots.size > 0 || everythingButTheDiscussion(scratch) !== before) {
    return { ok: false, message: TOUCHES_OTHER_PARTS };
  }
  return { ok: true };
}

/** The session as read for the window, minus the discussion, as one comparable string. */
function everythingButTheDiscussion(doc: Y.Doc): string {
  const { snapshot, dropped } = readSession(doc);
  const { discussion: _discussion, ...rest } = snapshot;
  return JSON.stringify({ rest, dropped, roots: [...doc.share.keys()].sort() });
}

/** The name of the top-level type `type` belongs to ('' if it hangs from nothing known). */
function rootNameOf(doc: Y.Doc, type: SharedType): string {
  let current = type;
  // Nested types hang from an Item whose parent is the enclosing type.
  while (current._item !== null) {
    const parent = current._item.parent;
    if (!(parent instanceof Y.AbstractType)) return '';
    current = parent;
  }
  for (const [name, root] of doc.share) {
    if (root === current) return name;
  }
  return '';
}
