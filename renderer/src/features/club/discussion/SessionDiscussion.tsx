import { CollaborationPlugin } from '@lexical/react/LexicalCollaborationPlugin';
import { LexicalCollaboration } from '@lexical/react/LexicalCollaborationContext';
import { LexicalComposer, type InitialConfigType } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import type { Provider } from '@lexical/yjs';
import { useCallback, useEffect, useState } from 'react';
import * as Y from 'yjs';
import { DISCUSSION_ROOT } from '@shared/domain/club/session/sessionLayout';
import { api } from '../../../ipc/api';
import { NOTE_EDITOR_NODES } from '../../notes/noteEditorNodes';
import { NOTE_EDITOR_THEME } from '../../notes/noteEditorTheme';
import { noteLinkAddress } from '../../notes/noteLinkAddress';
import { NoteToolbar } from '../../notes/NoteToolbar';
import { ContractRelayProvider, type DiscussionRelay } from './ContractRelayProvider';
import '../../notes/NoteEditor.css';
import './SessionDiscussion.css';

export interface SessionDiscussionProps {
  sessionId: string;
  /** False for a closed session, or a member who may only read it. */
  editable: boolean;
  /** The backend's club service; the app's `api.club` unless a test gives its own. */
  relay?: DiscussionRelay;
}

const LABEL = 'Discussion';
const PLACEHOLDER = 'Write what the club said…';

function throwEditorError(error: Error): never {
  // The feature's error boundary shows it; an edit half-applied to the shared copy must not go on.
  throw error;
}

function isAllowedLink(url: string): boolean {
  return noteLinkAddress(url) === url;
}

/**
 * The session's shared discussion: a rich-text editor (the note editor's nodes, theme and
 * toolbar) over the window's Yjs copy of the session, kept in step with the backend through
 * ContractRelayProvider. Everyone's edits merge; the backend seeded the first paragraph.
 */
export function SessionDiscussion({
  sessionId,
  editable,
  relay = api.club,
}: SessionDiscussionProps) {
  // A Lexical binding cannot be pointed at another document: a new session gets a new editor.
  return (
    <DiscussionEditor key={sessionId} sessionId={sessionId} editable={editable} relay={relay} />
  );
}

function DiscussionEditor({ sessionId, editable, relay }: Required<SessionDiscussionProps>) {
  const [loaded, setLoaded] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [initialConfig] = useState<InitialConfigType>(() => ({
    namespace: 'rounds-discussion',
    nodes: NOTE_EDITOR_NODES,
    theme: NOTE_EDITOR_THEME,
    onError: throwEditorError,
    // The content comes from the shared document, never from the editor's own start state.
    editorState: null,
    editable: false,
  }));

  const providerFactory = useCallback(
    (id: string, yjsDocMap: Map<string, Y.Doc>): Provider => {
      // A fresh copy per provider: the binding reads it empty and then receives the session, so
      // what it shows always comes through Yjs events, never from a copy left by an earlier mount.
      const doc = new Y.Doc();
      yjsDocMap.set(id, doc);
      const provider = new ContractRelayProvider({ sessionId, doc, relay, onProblem: setProblem });
      provider.on('sync', (isSynced) => setLoaded(isSynced));
      return provider;
    },
    [sessionId, relay],
  );

  // Typing waits for the session's copy, and stops once an edit was refused: later ones build on
  // it and would not be saved either. What is on screen stays, so the user can copy it.
  const canType = editable && loaded && problem === null;

  return (
    <section className="note-editor session-discussion" aria-label={LABEL}>
      <LexicalCollaboration>
        <LexicalComposer initialConfig={initialConfig}>
          {canType && <NoteToolbar label={LABEL} />}
          <div className="note-editor-body">
            <RichTextPlugin
              contentEditable={
                <ContentEditable
                  className="note-editor-content"
                  ariaLabel={LABEL}
                  ariaMultiline
                  aria-placeholder={PLACEHOLDER}
                  placeholder={<div className="note-editor-placeholder">{PLACEHOLDER}</div>}
                />
              }
              ErrorBoundary={LexicalErrorBoundary}
            />
          </div>
          <ListPlugin />
          <LinkPlugin validateUrl={isAllowedLink} />
          <EditableWhile editable={canType} />
          <CollaborationPlugin
            id={sessionId}
            providerFactory={providerFactory}
            rootName={DISCUSSION_ROOT}
            // The backend wrote the first paragraph when it made the session (bootstrapDiscussion):
            // two windows bootstrapping at once would each add one.
            shouldBootstrap={false}
          />
        </LexicalComposer>
      </LexicalCollaboration>
      {problem !== null ? (
        <p className="note-editor-status session-discussion-problem" role="alert">
          {problem}
        </p>
      ) : (
        !loaded && (
          <p className="note-editor-status" role="status">
            Loading the discussion…
          </p>
        )
      )}
    </section>
  );
}

function EditableWhile({ editable }: { editable: boolean }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => editor.setEditable(editable), [editor, editable]);
  return null;
}
