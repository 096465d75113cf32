import { LexicalComposer, type InitialConfigType } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { OnChangePlugin } from '@lexical/react/LexicalOnChangePlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import type { EditorState } from 'lexical';
import { useState, type FocusEvent, type Ref } from 'react';
import {
  createNoteEnvelope,
  type NoteEnvelope,
  type NoteEnvelopeResult,
} from '@shared/domain/notes/noteEnvelope';
import { notePlainText } from '@shared/domain/notes/notePlainText';
import { NOTE_EDITOR_NODES } from './noteEditorNodes';
import { NOTE_EDITOR_THEME } from './noteEditorTheme';
import { noteLinkAddress } from './noteLinkAddress';
import { NoteToolbar } from './NoteToolbar';
import { PassageQuotePlugin, type NoteEditorHandle } from './PassageQuotePlugin';
import { scheduleWithTimer, type Schedule } from './scheduleWithTimer';
import { describeAutosaveStatus, useNoteAutosave } from './useNoteAutosave';
import './NoteEditor.css';

export type { NoteEditorHandle };

export interface NoteEditorProps {
  /** The stored note, or null for a new one. Read once, when the editor opens. */
  initial: NoteEnvelope | null;
  /** Stores the note; a rejection keeps the text in the editor and the save is retried. */
  onSave: (envelope: NoteEnvelope) => Promise<void>;
  /** The note's accessible name ("Note on this paper", "Note on highlight"). */
  label: string;
  /** Lets the parent quote a highlighted passage into the note. */
  ref?: Ref<NoteEditorHandle>;
  /** Runs the autosave's pause and retry; the browser's timer unless a test drives it. */
  schedule?: Schedule;
  /** The time written as `updatedAt`. */
  now?: () => Date;
  /** How long typing must pause before the note is saved. */
  pauseMs?: number;
  /** How long to wait before retrying a failed save. */
  retryMs?: number;
}

const DEFAULT_PAUSE_MS = 1_000;
const DEFAULT_RETRY_MS = 5_000;
const PLACEHOLDER = 'Write a note…';

function currentTime(): Date {
  return new Date();
}

function throwEditorError(error: Error): never {
  // The app's error boundary shows it; a half-applied update must not be saved as if it worked.
  throw error;
}

function isAllowedLink(url: string): boolean {
  return noteLinkAddress(url) === url;
}

/**
 * A rich-text note (headings, lists, links, bold, italic, quoted passages) that saves itself
 * after the user pauses typing, when focus leaves it and when it closes.
 */
export function NoteEditor({
  initial,
  onSave,
  label,
  ref,
  schedule = scheduleWithTimer,
  now = currentTime,
  pauseMs = DEFAULT_PAUSE_MS,
  retryMs = DEFAULT_RETRY_MS,
}: NoteEditorProps) {
  const [initialConfig] = useState<InitialConfigType>(() => ({
    namespace: 'rounds-note',
    nodes: NOTE_EDITOR_NODES,
    theme: NOTE_EDITOR_THEME,
    onError: throwEditorError,
    editorState: initial === null ? undefined : JSON.stringify(initial.editorState),
  }));
  const autosave = useNoteAutosave({ save: onSave, schedule, pauseMs, retryMs });

  const noteChanged = (editorState: EditorState) => {
    const changedAt = now();
    autosave.noteChanged(() => envelopeOf(editorState, changedAt));
  };

  const saveWhenFocusLeaves = (event: FocusEvent<HTMLDivElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget)) autosave.flush();
  };

  return (
    <div className="note-editor" onBlur={saveWhenFocusLeaves}>
      <LexicalComposer initialConfig={initialConfig}>
        <NoteToolbar label={label} />
        <div className="note-editor-body">
          <RichTextPlugin
            contentEditable={
              <ContentEditable
                className="note-editor-content"
                ariaLabel={label}
                ariaMultiline
                aria-placeholder={PLACEHOLDER}
                placeholder={<div className="note-editor-placeholder">{PLACEHOLDER}</div>}
              />
            }
            ErrorBoundary={LexicalErrorBoundary}
          />
        </div>
        <HistoryPlugin />
        <ListPlugin />
        <LinkPlugin validateUrl={isAllowedLink} />
        <PassageQuotePlugin handleRef={ref} />
        <OnChangePlugin ignoreSelectionChange ignoreHistoryMergeTagChange onChange={noteChanged} />
      </LexicalComposer>
      <p className="note-editor-status" role="status">
        {describeAutosaveStatus(autosave.status)}
      </p>
    </div>
  );
}

/** The stored form of one version of the note; built only when that version is saved. */
function envelopeOf(editorState: EditorState, changedAt: Date): NoteEnvelopeResult {
  const serialized = editorState.toJSON();
  return createNoteEnvelope({
    editorState: serialized,
    plainText: notePlainText(serialized),
    updatedAt: changedAt,
  });
}
