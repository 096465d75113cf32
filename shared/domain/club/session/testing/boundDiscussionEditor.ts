import { createHeadlessEditor } from '@lexical/headless';
import { LinkNode } from '@lexical/link';
import { ListItemNode, ListNode } from '@lexical/list';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import {
  createYjsBinding,
  syncLexicalUpdateToYjs,
  syncYjsChangesToLexical,
  type Binding,
  type Provider,
} from '@lexical/yjs';
import { $getRoot, type LexicalEditor, SKIP_COLLAB_TAG } from 'lexical';
import type * as Y from 'yjs';
import { DISCUSSION_ROOT } from '../sessionLayout';

// A Lexical editor bound to a session's discussion the way @lexical/react's CollaborationPlugin
// binds the window's editor (without React or a DOM): Yjs changes not made by the binding flow
// into the editor, editor updates flow into Yjs. Tests use it to make real discussion edits.

/** A provider that is never connected: the binding only reads its (empty) awareness. */
const OFFLINE_PROVIDER: Provider = {
  awareness: {
    getLocalState: () => null,
    getStates: () => new Map(),
    on: () => undefined,
    off: () => undefined,
    setLocalState: () => undefined,
    setLocalStateField: () => undefined,
  },
  connect: () => undefined,
  disconnect: () => undefined,
  on: () => undefined,
  off: () => undefined,
};

export interface BoundDiscussionEditor {
  editor: LexicalEditor;
  binding: Binding;
  doc: Y.Doc;
  /** The editor's document as plain text per top-level block, e.g. `['Hello']`. */
  blocks(): { type: string; text: string }[];
  stop(): void;
}

/** Binds a new headless editor (with the note editor's kinds of node) to `doc`'s discussion. */
export function bindDiscussionEditor(doc: Y.Doc): BoundDiscussionEditor {
  const editor = createHeadlessEditor({
    namespace: 'discussion-test',
    nodes: [HeadingNode, QuoteNode, ListNode, ListItemNode, LinkNode],
    onError: (error) => {
      throw error;
    },
  });
  const binding = createYjsBinding({
    editor,
    id: 'discussion-test',
    doc,
    docMap: new Map([['discussion-test', doc]]),
    rootName: DISCUSSION_ROOT,
  });
  const sharedRoot = binding.root.getSharedType();
  const fromYjs = (events: Y.YEvent<Y.XmlText>[], transaction: Y.Transaction) => {
    if (transaction.origin === binding) return;
    syncYjsChangesToLexical(binding, OFFLINE_PROVIDER, events, false, () => undefined);
  };
  sharedRoot.observeDeep(fromYjs);
  const stopListening = editor.registerUpdateListener((update) => {
    if (update.tags.has(SKIP_COLLAB_TAG)) return;
    syncLexicalUpdateToYjs(
      binding,
      OFFLINE_PROVIDER,
      update.prevEditorState,
      update.editorState,
      update.dirtyElements,
      update.dirtyLeaves,
      update.normalizedNodes,
      update.tags,
    );
  });
  return {
    editor,
    binding,
    doc,
    // `editor.read` first commits what Yjs changes queued, as the window does before painting.
    blocks: () =>
      editor.read(() =>
        $getRoot()
          .getChildren()
          .map((block) => ({ type: block.getType(), text: block.getTextContent() })),
      ),
    stop: () => {
      sharedRoot.unobserveDeep(fromYjs);
      stopListening();
    },
  };
}
