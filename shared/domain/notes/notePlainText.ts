import type { SerializedNoteEditorState, SerializedNoteNode } from './noteEnvelope';

// Elements that sit inside a line of text rather than starting one of their own.
const INLINE_ELEMENT_TYPES = new Set(['link', 'autolink', 'mark']);

/**
 * The note's text as search indexes it: every paragraph, heading, quote and list item on its own
 * line (nested list items too, in document order), formatting dropped, empty blocks left out.
 * Works on the serialised document, so the window and the backend derive the same text.
 */
export function notePlainText(editorState: SerializedNoteEditorState): string {
  const lines: string[] = [];
  collectLines(editorState.root, lines);
  return lines.join('\n');
}

function collectLines(block: SerializedNoteNode, lines: string[]): void {
  let line = '';
  const endLine = () => {
    if (line.trim() !== '') lines.push(line);
    line = '';
  };
  for (const child of block.children ?? []) {
    if (typeof child.text === 'string') {
      line += child.text;
    } else if (child.type === 'linebreak') {
      endLine();
    } else if (INLINE_ELEMENT_TYPES.has(child.type)) {
      line += inlineText(child);
    } else if (Array.isArray(child.children)) {
      endLine();
      collectLines(child, lines);
    }
  }
  endLine();
}

function inlineText(node: SerializedNoteNode): string {
  return (node.children ?? [])
    .map((child) => (typeof child.text === 'string' ? child.text : inlineText(child)))
    .join('');
}
