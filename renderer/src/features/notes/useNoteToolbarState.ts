import { $isLinkNode } from '@lexical/link';
import { ListNode } from '@lexical/list';
import { $isHeadingNode, $isQuoteNode } from '@lexical/rich-text';
import { $findMatchingParent, $getNearestNodeOfType, mergeRegister } from '@lexical/utils';
import {
  $getSelection,
  $isRangeSelection,
  $isRootOrShadowRoot,
  CAN_REDO_COMMAND,
  CAN_UNDO_COMMAND,
  COMMAND_PRIORITY_LOW,
  type LexicalEditor,
} from 'lexical';
import { useEffect, useState } from 'react';
import { $isPassageQuoteNode } from './PassageQuoteNode';

export type NoteBlockKind = 'paragraph' | 'h2' | 'h3' | 'bullet' | 'number' | 'quote' | 'other';

/** What the toolbar reflects about the current selection. */
export interface NoteSelectionState {
  bold: boolean;
  italic: boolean;
  link: boolean;
  block: NoteBlockKind;
}

export interface NoteToolbarState extends NoteSelectionState {
  canUndo: boolean;
  canRedo: boolean;
}

const NOTHING_SELECTED: NoteSelectionState = {
  bold: false,
  italic: false,
  link: false,
  block: 'paragraph',
};

/** Follows the selection and the history, so each button shows whether it applies here. */
export function useNoteToolbarState(editor: LexicalEditor): NoteToolbarState {
  const [selection, setSelection] = useState(NOTHING_SELECTED);
  const [canUndo, setCanUndo] = useState(false);
  const [canRedo, setCanRedo] = useState(false);

  useEffect(
    () =>
      mergeRegister(
        editor.registerUpdateListener(({ editorState }) => {
          const next = editorState.read($readSelectionState, { editor });
          // Most updates (typing) leave these unchanged; keep the same object so nothing redraws.
          setSelection((previous) => (sameSelectionState(previous, next) ? previous : next));
        }),
        editor.registerCommand(
          CAN_UNDO_COMMAND,
          (can) => {
            setCanUndo(can);
            return false;
          },
          COMMAND_PRIORITY_LOW,
        ),
        editor.registerCommand(
          CAN_REDO_COMMAND,
          (can) => {
            setCanRedo(can);
            return false;
          },
          COMMAND_PRIORITY_LOW,
        ),
      ),
    [editor],
  );

  return { ...selection, canUndo, canRedo };
}

function $readSelectionState(): NoteSelectionState {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return NOTHING_SELECTED;
  const anchor = selection.anchor.getNode();
  const block = $isRootOrShadowRoot(anchor)
    ? null
    : $findMatchingParent(anchor, (node) => $isRootOrShadowRoot(node.getParent()));
  let kind: NoteBlockKind = 'other';
  const list = $getNearestNodeOfType(anchor, ListNode);
  if (list !== null) {
    const type = list.getListType();
    kind = type === 'bullet' || type === 'number' ? type : 'other';
  } else if ($isHeadingNode(block)) {
    const tag = block.getTag();
    kind = tag === 'h2' || tag === 'h3' ? tag : 'other';
  } else if ($isQuoteNode(block) || $isPassageQuoteNode(block)) {
    kind = 'quote';
  } else if (block === null || block.getType() === 'paragraph') {
    kind = 'paragraph';
  }
  return {
    bold: selection.hasFormat('bold'),
    italic: selection.hasFormat('italic'),
    link:
      $findMatchingParent(anchor, $isLinkNode) !== null ||
      $findMatchingParent(selection.focus.getNode(), $isLinkNode) !== null,
    block: kind,
  };
}

function sameSelectionState(first: NoteSelectionState, second: NoteSelectionState): boolean {
  return (
    first.bold === second.bold &&
    first.italic === second.italic &&
    first.link === second.link &&
    first.block === second.block
  );
}
