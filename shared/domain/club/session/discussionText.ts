import * as Y from 'yjs';
import { discussionOf } from './sessionLayout';

// The discussion is a Lexical document bound through @lexical/yjs: each element node (paragraph,
// heading, list, list item, link) is an XmlText embedded in its parent, with a `__type`
// attribute; its text nodes are strings interleaved with Y.Maps carrying their properties, and a
// line break is a Y.Map of type `linebreak`. Reading it as plain text (for the session view and
// summaries) walks that structure rather than Yjs's toString, which would print the markup.

/** Elements that sit inside a line rather than making lines of their own. */
const INLINE_ELEMENTS = new Set(['link', 'autolink']);

/** The discussion as plain text, one line per block (nested list items too); '' when empty. */
export function discussionPlainText(doc: Y.Doc): string {
  const lines: string[] = [];
  collectLines(discussionOf(doc), lines);
  return lines.join('\n').trim();
}

/** Appends the lines of `element`'s children: one per block, blocks inside blocks in order. */
function collectLines(element: Y.XmlText, lines: string[]): void {
  let line: string | null = null;
  const endLine = () => {
    if (line !== null) lines.push(line);
    line = null;
  };
  for (const part of element.toDelta() as { insert: unknown }[]) {
    const insert = part.insert;
    if (typeof insert === 'string') line = (line ?? '') + insert;
    else if (insert instanceof Y.XmlText && INLINE_ELEMENTS.has(typeOf(insert))) {
      line = (line ?? '') + inlineText(insert);
    } else if (insert instanceof Y.XmlText) {
      endLine();
      collectLines(insert, lines);
    } else if (insert instanceof Y.Map && insert.get('__type') === 'linebreak') {
      line = (line ?? '') + '\n';
    }
  }
  endLine();
}

/** An inline element's text, with its own inline elements. */
function inlineText(element: Y.XmlText): string {
  let text = '';
  for (const part of element.toDelta() as { insert: unknown }[]) {
    if (typeof part.insert === 'string') text += part.insert;
    else if (part.insert instanceof Y.XmlText) text += inlineText(part.insert);
  }
  return text;
}

function typeOf(element: Y.XmlText): string {
  const type = element.getAttribute('__type') as unknown;
  return typeof type === 'string' ? type : '';
}
