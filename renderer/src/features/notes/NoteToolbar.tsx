import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $createLinkNode, $isLinkNode, $toggleLink } from '@lexical/link';
import {
  INSERT_ORDERED_LIST_COMMAND,
  INSERT_UNORDERED_LIST_COMMAND,
  REMOVE_LIST_COMMAND,
} from '@lexical/list';
import { $createHeadingNode } from '@lexical/rich-text';
import { $setBlocksType } from '@lexical/selection';
import { $findMatchingParent } from '@lexical/utils';
import {
  $createParagraphNode,
  $createTextNode,
  $getNodeByKey,
  $getSelection,
  $isRangeSelection,
  $setSelection,
  FORMAT_TEXT_COMMAND,
  REDO_COMMAND,
  UNDO_COMMAND,
  type BaseSelection,
} from 'lexical';
import { useRef, useState, type ReactNode } from 'react';
import { NoteLinkForm } from './NoteLinkForm';
import { useNoteToolbarState } from './useNoteToolbarState';

export interface NoteToolbarProps {
  /** The note's accessible name; the toolbar is named after it. */
  label: string;
}

interface ToolbarButtonProps {
  label: string;
  /** Shown as a tooltip and announced through aria-keyshortcuts. */
  shortcut?: { shown: string; keys: string };
  /** Whether the format or block applies to the selection; absent for actions. */
  pressed?: boolean;
  disabled?: boolean;
  onClick: () => void;
  children: ReactNode;
}

/**
 * A formatting button. Its name starts with what it shows (H2, 1.), so speech control ("click
 * H2") and the name a screen reader announces agree.
 */
function ToolbarButton({
  label,
  shortcut,
  pressed,
  disabled,
  onClick,
  children,
}: ToolbarButtonProps) {
  return (
    <button
      type="button"
      className="note-toolbar-button"
      aria-label={label}
      aria-pressed={pressed}
      aria-keyshortcuts={shortcut?.keys}
      title={shortcut === undefined ? label : `${label} (${shortcut.shown})`}
      disabled={disabled}
      // Keeps the focus, and so the selection, in the note.
      onMouseDown={(event) => event.preventDefault()}
      onClick={onClick}
    >
      <span aria-hidden="true">{children}</span>
    </button>
  );
}

const IS_APPLE = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const MODIFIER = IS_APPLE ? '⌘' : 'Ctrl+';

/** Formatting for the note, each button showing whether it applies to the selection. */
export function NoteToolbar({ label }: NoteToolbarProps) {
  const [editor] = useLexicalComposerContext();
  const state = useNoteToolbarState(editor);
  const [linkForm, setLinkForm] = useState<{ address: string } | null>(null);
  // The form takes the focus; the selection the link applies to is kept until it is applied.
  const linkSelection = useRef<BaseSelection | null>(null);

  const toggleHeading = (tag: 'h2' | 'h3') =>
    editor.update(() => {
      const selection = $getSelection();
      if (!$isRangeSelection(selection)) return;
      const isHeading = state.block === tag;
      $setBlocksType(selection, () =>
        isHeading ? $createParagraphNode() : $createHeadingNode(tag),
      );
    });

  const toggleList = (type: 'bullet' | 'number') => {
    if (state.block === type) editor.dispatchCommand(REMOVE_LIST_COMMAND, undefined);
    else if (type === 'bullet') editor.dispatchCommand(INSERT_UNORDERED_LIST_COMMAND, undefined);
    else editor.dispatchCommand(INSERT_ORDERED_LIST_COMMAND, undefined);
  };

  const openLinkForm = () => {
    const { selection, address } = editor.getEditorState().read(() => {
      const current = $getSelection();
      const link = $isRangeSelection(current)
        ? $findMatchingParent(current.anchor.getNode(), $isLinkNode)
        : null;
      return { selection: current?.clone() ?? null, address: link?.getURL() ?? '' };
    });
    linkSelection.current = selection;
    setLinkForm({ address });
  };

  const closeLinkForm = () => {
    setLinkForm(null);
    linkSelection.current = null;
    editor.focus();
  };

  const changeLink = (address: string | null) => {
    editor.update(() => {
      if (!$restoreSelection(linkSelection.current)) return;
      const selection = $getSelection();
      if (!$isRangeSelection(selection)) return;
      if (address !== null && selection.isCollapsed()) {
        // Nothing selected to turn into a link: the address itself becomes the link's text.
        selection.insertNodes([$createLinkNode(address).append($createTextNode(address))]);
      } else {
        $toggleLink(address);
      }
    });
    closeLinkForm();
  };

  return (
    <div className="note-toolbar-area">
      <div className="note-toolbar" role="toolbar" aria-label={`${label} formatting`}>
        <ToolbarButton
          label="Bold"
          shortcut={{ shown: `${MODIFIER}B`, keys: 'Control+B Meta+B' }}
          pressed={state.bold}
          onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'bold')}
        >
          <b>B</b>
        </ToolbarButton>
        <ToolbarButton
          label="Italic"
          shortcut={{ shown: `${MODIFIER}I`, keys: 'Control+I Meta+I' }}
          pressed={state.italic}
          onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'italic')}
        >
          <i>I</i>
        </ToolbarButton>
        <span className="note-toolbar-divider" />
        <ToolbarButton
          label="H2 heading"
          pressed={state.block === 'h2'}
          onClick={() => toggleHeading('h2')}
        >
          H2
        </ToolbarButton>
        <ToolbarButton
          label="H3 subheading"
          pressed={state.block === 'h3'}
          onClick={() => toggleHeading('h3')}
        >
          H3
        </ToolbarButton>
        <ToolbarButton
          label="Bulleted list"
          pressed={state.block === 'bullet'}
          onClick={() => toggleList('bullet')}
        >
          •≡
        </ToolbarButton>
        <ToolbarButton
          label="1. Numbered list"
          pressed={state.block === 'number'}
          onClick={() => toggleList('number')}
        >
          1.
        </ToolbarButton>
        <ToolbarButton label="Link" pressed={state.link} onClick={openLinkForm}>
          Link
        </ToolbarButton>
        <span className="note-toolbar-divider" />
        <ToolbarButton
          label="Undo"
          shortcut={{ shown: `${MODIFIER}Z`, keys: 'Control+Z Meta+Z' }}
          disabled={!state.canUndo}
          onClick={() => editor.dispatchCommand(UNDO_COMMAND, undefined)}
        >
          ↶
        </ToolbarButton>
        <ToolbarButton
          label="Redo"
          shortcut={{
            shown: IS_APPLE ? '⇧⌘Z' : 'Ctrl+Shift+Z',
            keys: 'Control+Shift+Z Meta+Shift+Z',
          }}
          disabled={!state.canRedo}
          onClick={() => editor.dispatchCommand(REDO_COMMAND, undefined)}
        >
          ↷
        </ToolbarButton>
      </div>
      {linkForm !== null && (
        <NoteLinkForm
          initialAddress={linkForm.address}
          onApply={(address) => changeLink(address)}
          onRemove={state.link ? () => changeLink(null) : null}
          onClose={closeLinkForm}
        />
      )}
    </div>
  );
}

/** Puts back a selection taken earlier, unless what it pointed at has since been removed. */
function $restoreSelection(selection: BaseSelection | null): boolean {
  if (selection === null) return $getSelection() !== null;
  if ($isRangeSelection(selection)) {
    const { anchor, focus } = selection;
    if ($getNodeByKey(anchor.key) === null || $getNodeByKey(focus.key) === null) return false;
  }
  $setSelection(selection.clone());
  return true;
}
