import * as Y from 'yjs';
import { discussionOf } from './sessionLayout';

// @lexical/yjs (V1, 0.52) keeps each Lexical element as a Y.XmlText embedded in its parent's
// XmlText, its node properties as attributes named `__<property>`. An editor bound to an empty
// root inserts a paragraph when its provider syncs (`shouldBootstrap`); two windows that both
// see the root empty would each insert one and Yjs would keep both. So the backend writes that
// first paragraph once, when it creates the session, and every editor binds with
// `shouldBootstrap={false}`. The attributes below are what @lexical/yjs 0.52 writes for a
// `$createParagraphNode()`; discussionBootstrap.test.ts compares them with a real binding, so a
// Lexical upgrade that changes them fails there first.

/** The properties @lexical/yjs writes for a new, empty paragraph, in the order it writes them. */
const EMPTY_PARAGRAPH_ATTRIBUTES: ReadonlyArray<readonly [string, string | number | null]> = [
  ['__type', 'paragraph'],
  ['__format', 0],
  ['__style', ''],
  ['__indent', 0],
  ['__dir', null],
  ['__textFormat', 0],
  ['__textStyle', ''],
];

/**
 * Seeds the session's discussion with one empty paragraph, exactly as a Lexical editor bound
 * through @lexical/yjs would, so that editors never need to bootstrap it themselves. Does
 * nothing when the discussion already holds anything: call it once, where the session is made.
 */
export function bootstrapDiscussion(doc: Y.Doc): void {
  const discussion = discussionOf(doc);
  if (discussion.length > 0) return;
  doc.transact(() => {
    const paragraph = new Y.XmlText();
    for (const [name, value] of EMPTY_PARAGRAPH_ATTRIBUTES) {
      paragraph.setAttribute(name, value);
    }
    discussion.insertEmbed(0, paragraph);
  });
}
