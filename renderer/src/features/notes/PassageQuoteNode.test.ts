import { createHeadlessEditor } from '@lexical/headless';
import { $createLinkNode } from '@lexical/link';
import { $createListItemNode, $createListNode } from '@lexical/list';
import { $createHeadingNode, $createQuoteNode } from '@lexical/rich-text';
import {
  $createParagraphNode,
  $createRangeSelection,
  $createTextNode,
  $getRoot,
  $setSelection,
  type LexicalEditor,
  type SerializedEditorState,
} from 'lexical';
import { describe, expect, it } from 'vitest';
import { notePlainText } from '@shared/domain/notes/notePlainText';
import { NOTE_EDITOR_NODES } from './noteEditorNodes';
import {
  $createPassageQuoteNode,
  $isPassageQuoteNode,
  INSERT_PASSAGE_QUOTE_COMMAND,
  registerPassageQuotes,
  type PassageCitation,
  type PassageQuotePayload,
} from './PassageQuoteNode';

const PDF_CITATION: PassageCitation = {
  annotationId: 'annotation-7f3a',
  paperTitle: 'Early antibiotics in sepsis: a randomised trial',
  page: 4,
  colourMeaning: 'Key finding',
};

function newEditor(): LexicalEditor {
  return createHeadlessEditor({
    namespace: 'note-test',
    nodes: NOTE_EDITOR_NODES,
    onError: (error) => {
      throw error;
    },
  });
}

/** Builds a document in one editor and returns its JSON. */
function exportBuilt(build: () => void): SerializedEditorState {
  const editor = newEditor();
  editor.update(build, { discrete: true });
  return editor.getEditorState().toJSON();
}

/** Imports JSON (as stored: through a string) into a fresh editor and exports it again. */
function reexported(json: SerializedEditorState): SerializedEditorState {
  const editor = newEditor();
  editor.setEditorState(editor.parseEditorState(JSON.stringify(json)));
  return editor.getEditorState().toJSON();
}

function citationsIn(json: SerializedEditorState): PassageCitation[] {
  const editor = newEditor();
  editor.setEditorState(editor.parseEditorState(json));
  return editor
    .getEditorState()
    .read(() => $getRoot().getChildren().filter($isPassageQuoteNode))
    .map((node) => editor.getEditorState().read(() => node.getCitation()));
}

describe('PassageQuoteNode', () => {
  it('survives exportJSON → importJSON → exportJSON with its citation and its text', () => {
    const first = exportBuilt(() => {
      $getRoot().append(
        $createPassageQuoteNode(PDF_CITATION).append(
          $createTextNode('Mortality at 28 days was 24% against 31%.'),
        ),
      );
    });

    expect(reexported(first)).toEqual(first);
    expect(first.root.children[0]).toMatchObject({
      type: 'passage-quote',
      annotationId: 'annotation-7f3a',
      paperTitle: 'Early antibiotics in sepsis: a randomised trial',
      page: 4,
      colourMeaning: 'Key finding',
      children: [{ type: 'text', text: 'Mortality at 28 days was 24% against 31%.' }],
    });
    expect(citationsIn(first)).toEqual([PDF_CITATION]);
  });

  it('keeps a citation without a page (a web article) as having no page', () => {
    const webCitation = { ...PDF_CITATION, page: null };
    const first = exportBuilt(() => {
      $getRoot().append($createPassageQuoteNode(webCitation).append($createTextNode('Quoted.')));
    });

    expect(reexported(first)).toEqual(first);
    expect(citationsIn(first)).toEqual([webCitation]);
  });

  it('reads a damaged citation as empty fields rather than failing the whole note', () => {
    const stored = exportBuilt(() => {
      $getRoot().append($createPassageQuoteNode(PDF_CITATION).append($createTextNode('Quoted.')));
    });
    Object.assign(stored.root.children[0] as object, { page: 'four', annotationId: 12 });

    expect(citationsIn(stored)).toEqual([{ ...PDF_CITATION, annotationId: '', page: null }]);
  });

  it('round-trips a whole note: headings, lists, a link, bold and italic, quotes', () => {
    const first = exportBuilt(() => {
      const bold = $createTextNode('fell').toggleFormat('bold');
      const italic = $createTextNode('in the sicker half').toggleFormat('italic');
      const link = $createLinkNode('https://example.org/trial').append($createTextNode('trial'));
      $getRoot().append(
        $createHeadingNode('h2').append($createTextNode('Verdict')),
        $createParagraphNode().append(
          $createTextNode('Mortality '),
          bold,
          $createTextNode(' '),
          italic,
        ),
        $createHeadingNode('h3').append($createTextNode('Methods')),
        $createListNode('bullet').append(
          $createListItemNode().append($createTextNode('Concealed allocation')),
          $createListItemNode().append($createTextNode('Blinded assessors')),
        ),
        $createListNode('number').append(
          $createListItemNode().append($createTextNode('Read the '), link),
        ),
        $createQuoteNode().append($createTextNode('Said at rounds.')),
        $createPassageQuoteNode(PDF_CITATION).append($createTextNode('Mortality was 24%.')),
      );
    });

    expect(reexported(first)).toEqual(first);
    expect(notePlainText(first)).toBe(
      [
        'Verdict',
        'Mortality fell in the sicker half',
        'Methods',
        'Concealed allocation',
        'Blinded assessors',
        'Read the trial',
        'Said at rounds.',
        'Mortality was 24%.',
      ].join('\n'),
    );
  });
});

/** Dispatches inside a discrete update, so the document has changed when this returns. */
function dispatchNow(editor: LexicalEditor, payload: PassageQuotePayload): void {
  editor.update(() => editor.dispatchCommand(INSERT_PASSAGE_QUOTE_COMMAND, payload), {
    discrete: true,
  });
}

describe('INSERT_PASSAGE_QUOTE_COMMAND', () => {
  it('inserts the quote as its own block where the cursor is, splitting the paragraph', () => {
    const editor = newEditor();
    registerPassageQuotes(editor);
    editor.update(
      () => {
        const text = $createTextNode('Before after');
        $getRoot().append($createParagraphNode().append(text));
        const selection = $createRangeSelection();
        selection.anchor.set(text.getKey(), 7, 'text');
        selection.focus.set(text.getKey(), 7, 'text');
        $setSelection(selection);
      },
      { discrete: true },
    );

    dispatchNow(editor, { citation: PDF_CITATION, text: '  Mortality was\n24%  at 28 days. ' });

    const blocks = editor.getEditorState().toJSON().root.children;
    expect(blocks.map((block) => block.type)).toEqual(['paragraph', 'passage-quote', 'paragraph']);
    expect(notePlainText(editor.getEditorState().toJSON())).toBe(
      'Before \nMortality was 24% at 28 days.\nafter',
    );
    expect(blocks[1]).toMatchObject({ annotationId: 'annotation-7f3a', page: 4 });
  });

  it('adds the quote at the end when the note has no selection', () => {
    const editor = newEditor();
    registerPassageQuotes(editor);
    editor.update(
      () => $getRoot().append($createParagraphNode().append($createTextNode('Intro'))),
      {
        discrete: true,
      },
    );

    dispatchNow(editor, { citation: PDF_CITATION, text: 'Quoted.' });

    const blocks = editor.getEditorState().toJSON().root.children;
    expect(blocks.map((block) => block.type)).toEqual(['paragraph', 'passage-quote', 'paragraph']);
  });
});
