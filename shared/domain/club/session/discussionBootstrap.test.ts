// @vitest-environment jsdom
import { $createParagraphNode, $createTextNode, $getRoot, $isElementNode } from 'lexical';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bootstrapDiscussion } from './discussionBootstrap';
import { createSessionDoc, discussionOf } from './sessionDocument';
import { bindDiscussionEditor } from './testing/boundDiscussionEditor';

// The discussion is seeded by the backend, not by the windows (see discussionBootstrap.ts). These
// tests hold the seed against what @lexical/yjs itself writes and against an editor bound to it,
// the way the window's CollaborationPlugin binds one: a fresh Y.Doc that receives the session.

interface XmlTextShape {
  attributes: Record<string, unknown>;
  content: (string | { embed: XmlTextShape | Record<string, unknown> })[];
}

/** What a discussion holds, independent of which client wrote it (ids and clocks left out). */
function shapeOf(text: Y.XmlText): XmlTextShape {
  return {
    attributes: text.getAttributes(),
    content: text.toDelta().map((op: { insert: unknown }) => {
      if (op.insert instanceof Y.XmlText) return { embed: shapeOf(op.insert) };
      if (op.insert instanceof Y.Map) return { embed: op.insert.toJSON() };
      return String(op.insert);
    }),
  };
}

/** An editor over a copy of the document, made the way the window makes its own. */
function openCopy(doc: Y.Doc): ReturnType<typeof bindDiscussionEditor> {
  const bound = bindDiscussionEditor(new Y.Doc());
  Y.applyUpdate(bound.doc, Y.encodeStateAsUpdate(doc));
  return bound;
}

function typeInto(bound: ReturnType<typeof bindDiscussionEditor>, text: string): void {
  bound.editor.update(
    () => {
      const paragraph = $getRoot().getFirstChild();
      if (!$isElementNode(paragraph)) throw new Error('The discussion has no first paragraph.');
      paragraph.append($createTextNode(text));
    },
    { discrete: true },
  );
}

describe('bootstrapDiscussion', () => {
  it('writes the very paragraph @lexical/yjs writes when an editor bootstraps an empty root', () => {
    const byLexical = new Y.Doc();
    const bound = bindDiscussionEditor(byLexical);
    // What CollaborationPlugin does with shouldBootstrap on an empty document.
    bound.editor.update(() => $getRoot().append($createParagraphNode()), { discrete: true });

    const byBackend = createSessionDoc('session-1');
    bootstrapDiscussion(byBackend);

    expect(shapeOf(discussionOf(byBackend))).toEqual(shapeOf(discussionOf(byLexical)));
    expect(shapeOf(discussionOf(byBackend)).content).toHaveLength(1);
  });

  it('opens in a bound editor as one empty paragraph, and what is typed there reaches the document', () => {
    const backend = createSessionDoc('session-1');
    bootstrapDiscussion(backend);

    const editor = openCopy(backend);
    expect(editor.blocks()).toEqual([{ type: 'paragraph', text: '' }]);

    typeInto(editor, 'Would the SGLT2 result change our clinic?');
    Y.applyUpdate(backend, Y.encodeStateAsUpdate(editor.doc, Y.encodeStateVector(backend)));

    const paragraph = shapeOf(discussionOf(backend)).content;
    expect(paragraph).toHaveLength(1);
    expect(JSON.stringify(paragraph)).toContain('Would the SGLT2 result change our clinic?');
    expect(openCopy(backend).blocks()).toEqual([
      { type: 'paragraph', text: 'Would the SGLT2 result change our clinic?' },
    ]);
  });

  it('leaves a discussion that holds anything alone, so seeding twice still gives one paragraph', () => {
    const doc = createSessionDoc('session-1');
    bootstrapDiscussion(doc);
    bootstrapDiscussion(doc);
    expect(shapeOf(discussionOf(doc)).content).toHaveLength(1);

    const editor = openCopy(doc);
    expect(editor.blocks()).toHaveLength(1);
    typeInto(editor, 'Already discussed');
    const before = Y.encodeStateVector(editor.doc);
    bootstrapDiscussion(editor.doc);
    expect(Y.encodeStateVector(editor.doc)).toEqual(before);
    expect(openCopy(editor.doc).blocks()).toEqual([
      { type: 'paragraph', text: 'Already discussed' },
    ]);
  });
});
