import { LinkNode } from '@lexical/link';
import { ListItemNode, ListNode } from '@lexical/list';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import type { Klass, LexicalNode } from 'lexical';
import { PassageQuoteNode } from './PassageQuoteNode';

/**
 * Every node a note may hold. The editor, tests and any headless reader (export, search) register
 * the same list, so a note opens the same way everywhere.
 */
export const NOTE_EDITOR_NODES: readonly Klass<LexicalNode>[] = [
  HeadingNode,
  QuoteNode,
  ListNode,
  ListItemNode,
  LinkNode,
  PassageQuoteNode,
];
