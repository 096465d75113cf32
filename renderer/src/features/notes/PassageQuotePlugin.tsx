import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect, useImperativeHandle, type Ref } from 'react';
import {
  INSERT_PASSAGE_QUOTE_COMMAND,
  registerPassageQuotes,
  type PassageQuotePayload,
} from './PassageQuoteNode';

/** What the note's parent can do to the editor from outside it. */
export interface NoteEditorHandle {
  /** Quotes a highlighted passage, with its citation, where the cursor is in the note. */
  insertPassageQuote: (payload: PassageQuotePayload) => void;
}

/** Handles the insert-quote command and hands the parent a way to send it. */
export function PassageQuotePlugin({
  handleRef,
}: {
  handleRef: Ref<NoteEditorHandle> | undefined;
}) {
  const [editor] = useLexicalComposerContext();

  useEffect(() => registerPassageQuotes(editor), [editor]);

  useImperativeHandle(
    handleRef,
    () => ({
      insertPassageQuote: (payload) => {
        editor.dispatchCommand(INSERT_PASSAGE_QUOTE_COMMAND, payload);
      },
    }),
    [editor],
  );

  return null;
}
