// @vitest-environment jsdom
import { $createTextNode, $getRoot, $isElementNode } from 'lexical';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bootstrapDiscussion } from './discussionBootstrap';
import { checkDiscussionOnlyUpdate } from './discussionOnlyUpdate';
import { createSessionDoc, setAnswer, setVote } from './sessionDocument';
import type { AppraisalAnswer } from './sessionValues';
import { bindDiscussionEditor } from './testing/boundDiscussionEditor';

// The backend runs this check on every discussion update the window sends (club.discussionUpdate)
// before merging it. The edits below are made the way the window makes them: a Lexical editor
// bound through @lexical/yjs to the window's own copy of the session.

const OTHER_PARTS =
  'The discussion edit also changed other parts of the session (answers, votes, actions or details), so it was not saved.';

function sessionOnTheBackend(): Y.Doc {
  const doc = createSessionDoc('session-1', { title: 'Dapagliflozin in CKD' });
  bootstrapDiscussion(doc);
  setAnswer(doc, 'ana', 'rct-1', { answer: 'yes', reason: 'Concealed', citedHighlightIds: [] });
  setVote(doc, 'ben', { vote: 'not-sure', reason: '' });
  return doc;
}

/** The window's copy: a new doc given the backend's state, with a Lexical editor bound to it. */
function windowCopyOf(doc: Y.Doc) {
  const bound = bindDiscussionEditor(new Y.Doc());
  Y.applyUpdate(bound.doc, Y.encodeStateAsUpdate(doc), 'backend');
  // Lexical takes the received paragraph in on its next commit; the window's does before typing.
  bound.blocks();
  // The window sends each of its own transactions as one update, in order.
  const sent: Uint8Array[] = [];
  bound.doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'backend') sent.push(update);
  });
  return { ...bound, sent };
}

function type(editor: ReturnType<typeof windowCopyOf>['editor'], text: string): void {
  editor.update(
    () => {
      const paragraph = $getRoot().getLastChild();
      if (!$isElementNode(paragraph)) throw new Error('The discussion has no paragraph.');
      paragraph.append($createTextNode(text));
    },
    { discrete: true },
  );
}

/** What the window would send for an edit made directly on its copy. */
function updateMadeOnCopy(doc: Y.Doc, edit: (copy: Y.Doc) => void): Uint8Array {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  const before = Y.encodeStateVector(copy);
  edit(copy);
  return Y.encodeStateAsUpdate(copy, before);
}

function expectRefusedAndUntouched(doc: Y.Doc, update: Uint8Array, message: string): void {
  const before = Y.encodeStateAsUpdate(doc);
  expect(checkDiscussionOnlyUpdate(doc, update)).toEqual({ ok: false, message });
  expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
}

describe('checkDiscussionOnlyUpdate', () => {
  it('lets through what a Lexical editor sends while the discussion is typed, update by update', () => {
    const backend = sessionOnTheBackend();
    const window = windowCopyOf(backend);
    expect(window.blocks()).toEqual([{ type: 'paragraph', text: '' }]);

    type(window.editor, 'Allocation was concealed; ');
    type(window.editor, 'the eGFR slope is the question.');
    window.editor.update(() => $getRoot().getFirstChildOrThrow().remove(), { discrete: true });

    expect(window.sent.length).toBeGreaterThanOrEqual(3);
    for (const update of window.sent) {
      expect(checkDiscussionOnlyUpdate(backend, update)).toEqual({ ok: true });
      Y.applyUpdate(backend, update);
    }
    expect(Y.encodeStateVector(backend)).toEqual(Y.encodeStateVector(window.doc));
  });

  it('refuses an update that sets an appraisal answer, alone or with a discussion edit', () => {
    const backend = sessionOnTheBackend();
    const answer: AppraisalAnswer = { answer: 'no', reason: 'Open label', citedHighlightIds: [] };
    expectRefusedAndUntouched(
      backend,
      updateMadeOnCopy(backend, (copy) => setAnswer(copy, 'eve', 'rct-1', answer)),
      OTHER_PARTS,
    );

    const window = windowCopyOf(backend);
    type(window.editor, 'Agreed.');
    setAnswer(window.doc, 'ana', 'rct-1', answer);
    const both = Y.encodeStateAsUpdate(window.doc, Y.encodeStateVector(backend));
    expectRefusedAndUntouched(backend, both, OTHER_PARTS);
  });

  it('refuses a withdrawn vote, an invalid entry, a new root and a change to a root it does not know', () => {
    const backend = sessionOnTheBackend();
    backend.getArray('laterFeature').push(['kept']);
    const edits: ((copy: Y.Doc) => void)[] = [
      (copy) => setVote(copy, 'ben', null),
      (copy) => copy.getMap('answers').set('not a member key', 'not an answer'),
      (copy) => copy.getMap('somethingNew').set('x', 1),
      (copy) => copy.getArray('laterFeature').push(['added']),
      // Set and removed again in one update: nothing shows, yet it was written outside the discussion.
      (copy) =>
        copy.transact(() => {
          copy.getMap('votes').set('eve', { vote: 'yes', reason: '' });
          copy.getMap('votes').delete('eve');
        }),
    ];
    for (const edit of edits) {
      expectRefusedAndUntouched(backend, updateMadeOnCopy(backend, edit), OTHER_PARTS);
    }
  });

  it('refuses bytes that are not a Yjs update', () => {
    const backend = sessionOnTheBackend();
    const message =
      'The discussion edit could not be read (it is not in the format sessions use), so it was not saved.';
    for (const bytes of [
      Uint8Array.from('<p>Hello</p>', (character) => character.charCodeAt(0)),
      new Uint8Array([255, 255, 255, 255, 255, 255, 255, 255, 255, 255]),
      new Uint8Array([1]),
    ]) {
      expectRefusedAndUntouched(backend, bytes, message);
    }
  });

  it('refuses an edit that builds on earlier edits the backend does not have', () => {
    const backend = sessionOnTheBackend();
    const window = windowCopyOf(backend);
    type(window.editor, 'First thought. ');
    type(window.editor, 'Second thought.');
    const second = window.sent.at(-1);
    if (second === undefined) throw new Error('The editor sent nothing.');
    expectRefusedAndUntouched(
      backend,
      second,
      'The discussion edit builds on earlier edits this copy of the session does not have, so it was not saved.',
    );
  });
});
