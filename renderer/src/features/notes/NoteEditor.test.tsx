// @vitest-environment jsdom
import { $isLinkNode } from '@lexical/link';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  $createRangeSelection,
  $createTextNode,
  $getRoot,
  $isElementNode,
  $setSelection,
  getNearestEditorFromDOMNode,
  type LexicalEditor,
  type TextNode,
} from 'lexical';
import { createRef } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { NoteEnvelope, SerializedNoteNode } from '@shared/domain/notes/noteEnvelope';
import { NoteEditor, type NoteEditorHandle } from './NoteEditor';
import { ManualScheduler } from './testing/ManualScheduler';

// jsdom has no layout and only part of the Selection API, so typing into a contenteditable cannot
// be simulated faithfully. These tests put text in with Lexical's own `editor.update`, as the
// browser's input handling would, and click the real toolbar; typing, caret movement and
// shortcuts in a real browser are left for the Playwright journeys.

afterEach(cleanup);

// jsdom lays nothing out, so its ranges have no geometry; Lexical asks for it to scroll the caret
// into view after an undo.
Range.prototype.getBoundingClientRect ??= () => new DOMRect();

const CHANGED_AT = new Date('2026-02-03T04:05:06.000Z');

function renderEditor(
  options: {
    initial?: NoteEnvelope | null;
    onSave?: (envelope: NoteEnvelope) => Promise<void>;
  } = {},
) {
  const scheduler = new ManualScheduler();
  const onSave = vi.fn(options.onSave ?? (() => Promise.resolve()));
  const handle = createRef<NoteEditorHandle>();
  const view = render(
    <NoteEditor
      ref={handle}
      initial={options.initial ?? null}
      onSave={onSave}
      label="Note on this paper"
      schedule={scheduler.schedule}
      now={() => CHANGED_AT}
    />,
  );
  const textbox = screen.getByRole('textbox', { name: 'Note on this paper' });
  const editor = getNearestEditorFromDOMNode(textbox);
  if (editor === null) throw new Error('The note has no Lexical editor.');
  return { scheduler, onSave, handle, view, textbox, editor };
}

/**
 * Puts the cursor in the note, as clicking into it does. Lexical's history starts from the first
 * state it sees, so the first change after opening is undoable only once the note was entered.
 */
function enterNote(editor: LexicalEditor): void {
  act(() => {
    editor.update(() => $getRoot().selectStart(), { discrete: true });
  });
}

/** Puts text in the note's first paragraph, as typing would, and selects part of it. */
function typeText(editor: LexicalEditor, text: string, select?: [number, number]): void {
  act(() => {
    editor.update(
      () => {
        const paragraph = $getRoot().getFirstChild();
        if (!$isElementNode(paragraph)) throw new Error('The note has no first paragraph.');
        const node = $createTextNode(text);
        paragraph.append(node);
        selectText(node, select ?? [text.length, text.length]);
      },
      { discrete: true },
    );
  });
}

function selectText(node: TextNode, [start, end]: [number, number]): void {
  const selection = $createRangeSelection();
  selection.anchor.set(node.getKey(), start, 'text');
  selection.focus.set(node.getKey(), end, 'text');
  $setSelection(selection);
}

function button(name: string): HTMLElement {
  return within(screen.getByRole('toolbar', { name: 'Note on this paper formatting' })).getByRole(
    'button',
    { name },
  );
}

async function runPause(scheduler: ManualScheduler): Promise<void> {
  await act(async () => {
    scheduler.runWaiting();
  });
}

function textNodesOf(node: SerializedNoteNode): SerializedNoteNode[] {
  if (node.type === 'text') return [node];
  return (node.children ?? []).flatMap(textNodesOf);
}

function savedEnvelope(onSave: { mock: { calls: [NoteEnvelope][] } }, index = 0): NoteEnvelope {
  const call = onSave.mock.calls[index];
  if (call === undefined) throw new Error(`No save number ${index + 1}.`);
  return call[0];
}

describe('NoteEditor', () => {
  it('saves bold text once the user pauses: the format in the document, the words in plainText', async () => {
    const user = userEvent.setup();
    const { scheduler, onSave, editor } = renderEditor();

    typeText(editor, 'Mortality fell', [10, 14]);
    await user.click(button('Bold'));

    expect(button('Bold').getAttribute('aria-pressed')).toBe('true');
    expect(button('Italic').getAttribute('aria-pressed')).toBe('false');
    expect(onSave).not.toHaveBeenCalled();

    await runPause(scheduler);

    expect(onSave).toHaveBeenCalledTimes(1);
    const envelope = savedEnvelope(onSave);
    expect(envelope).toMatchObject({
      format: 'rounds-note',
      version: 1,
      plainText: 'Mortality fell',
      updatedAt: CHANGED_AT.toISOString(),
    });
    expect(
      textNodesOf(envelope.editorState.root).map(({ text, format }) => ({ text, format })),
    ).toEqual([
      { text: 'Mortality ', format: 0 },
      { text: 'fell', format: 1 },
    ]);
    expect(screen.getByRole('status').textContent).toBe('Saved');
  });

  it('undoes and redoes from the toolbar, each button off when there is nothing to do', async () => {
    const user = userEvent.setup();
    const { textbox, editor } = renderEditor();
    expect(button('Undo')).toHaveProperty('disabled', true);
    expect(button('Redo')).toHaveProperty('disabled', true);

    enterNote(editor);
    typeText(editor, 'Mortality fell');
    expect(textbox.textContent).toBe('Mortality fell');
    expect(button('Undo')).toHaveProperty('disabled', false);

    await user.click(button('Undo'));
    expect(textbox.textContent).toBe('');
    expect(button('Undo')).toHaveProperty('disabled', true);
    expect(button('Redo')).toHaveProperty('disabled', false);

    await user.click(button('Redo'));
    expect(textbox.textContent).toBe('Mortality fell');
  });

  it('makes text bold and undoes with the keyboard shortcuts', async () => {
    const { textbox, editor } = renderEditor();
    enterNote(editor);
    typeText(editor, 'Mortality fell', [10, 14]);

    await act(async () => {
      fireEvent.keyDown(textbox, { key: 'b', code: 'KeyB', ctrlKey: true });
    });
    expect(textbox.querySelector('.note-text-bold')?.textContent).toBe('fell');
    expect(button('Bold').getAttribute('aria-pressed')).toBe('true');

    await act(async () => {
      fireEvent.keyDown(textbox, { key: 'z', code: 'KeyZ', ctrlKey: true });
    });
    expect(textbox.querySelector('.note-text-bold')).toBeNull();
    expect(textbox.textContent).toBe('Mortality fell');
  });

  it('makes a heading and a list from the toolbar and shows which one the cursor is in', async () => {
    const user = userEvent.setup();
    const { textbox, editor } = renderEditor();
    typeText(editor, 'Verdict');

    await user.click(button('H2 heading'));
    expect(textbox.querySelector('h2')?.textContent).toBe('Verdict');
    expect(button('H2 heading').getAttribute('aria-pressed')).toBe('true');

    await user.click(button('Bulleted list'));
    expect(textbox.querySelector('ul li')?.textContent).toBe('Verdict');
    expect(button('Bulleted list').getAttribute('aria-pressed')).toBe('true');
    expect(button('H2 heading').getAttribute('aria-pressed')).toBe('false');
  });

  it('refuses a javascript: link with a visible message and adds a web link', async () => {
    const user = userEvent.setup();
    const { editor, textbox } = renderEditor();
    typeText(editor, 'Read the trial', [9, 14]);

    await user.click(button('Link'));
    await user.type(screen.getByRole('textbox', { name: 'Link address' }), 'javascript:alert(1)');
    await user.click(screen.getByRole('button', { name: 'Add link' }));

    expect(screen.getByRole('alert').textContent).toBe(
      'Only web links (http:// or https://) and mail links (mailto:) can be added to a note.',
    );
    expect(textbox.querySelector('a')).toBeNull();
    expect(hasLink(editor)).toBe(false);

    const field = screen.getByRole('textbox', { name: 'Link address' });
    await user.clear(field);
    await user.type(field, 'https://example.org/trial');
    await user.click(screen.getByRole('button', { name: 'Add link' }));

    expect(screen.queryByRole('textbox', { name: 'Link address' })).toBeNull();
    expect(textbox.querySelector('a')?.textContent).toBe('trial');
    expect(textbox.querySelector('a')?.getAttribute('href')).toBe('https://example.org/trial');
  });

  it('keeps the text and shows the retry status when a save fails, then saves it on the retry', async () => {
    let failNext = true;
    const { scheduler, onSave, textbox, editor } = renderEditor({
      onSave: () => {
        if (!failNext) return Promise.resolve();
        failNext = false;
        return Promise.reject(new Error('The disk is full.'));
      },
    });
    typeText(editor, 'Mortality fell');

    await runPause(scheduler);

    expect(screen.getByRole('status').textContent).toBe('Not saved — retrying');
    expect(textbox.textContent).toBe('Mortality fell');
    expect(onSave).toHaveBeenCalledTimes(1);

    await runPause(scheduler);

    expect(onSave).toHaveBeenCalledTimes(2);
    expect(savedEnvelope(onSave, 1).plainText).toBe('Mortality fell');
    expect(screen.getByRole('status').textContent).toBe('Saved');
  });

  it('saves at once when focus leaves the note, and when the note closes', async () => {
    const { onSave, textbox, editor, view } = renderEditor();
    typeText(editor, 'First thought');

    await act(async () => {
      fireEvent.focusOut(textbox, { relatedTarget: document.body });
    });
    expect(onSave).toHaveBeenCalledTimes(1);

    typeText(editor, ', second thought');
    await act(async () => {
      view.unmount();
    });
    expect(onSave).toHaveBeenCalledTimes(2);
    expect(savedEnvelope(onSave, 1).plainText).toBe('First thought, second thought');
  });

  it('does not save when focus moves within the note (to its toolbar)', async () => {
    const { onSave, textbox, editor } = renderEditor();
    typeText(editor, 'Thought');

    await act(async () => {
      fireEvent.focusOut(textbox, { relatedTarget: button('Bold') });
    });

    expect(onSave).not.toHaveBeenCalled();
  });

  it('shows a stored note, its quoted passage with the citation, and saves nothing unchanged', async () => {
    const { scheduler, onSave, textbox } = renderEditor({ initial: STORED_NOTE });

    expect(textbox.querySelector('h2')?.textContent).toBe('Verdict');
    expect(textbox.querySelector('strong, .note-text-bold')?.textContent).toBe('fell');
    const quote = textbox.querySelector('blockquote');
    expect(quote?.querySelector('cite')?.textContent).toBe('Early antibiotics in sepsis');
    expect(quote?.querySelector('footer')?.textContent).toBe(
      'Early antibiotics in sepsis · p. 4 · Key finding',
    );
    expect(quote?.textContent).toContain('Mortality was 24%.');

    await runPause(scheduler);
    expect(onSave).not.toHaveBeenCalled();
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('lets the parent quote a passage into the note, and saves it with its citation', async () => {
    const { scheduler, onSave, handle, textbox, editor } = renderEditor();
    typeText(editor, 'Why this matters');

    await act(async () => {
      handle.current?.insertPassageQuote({
        citation: {
          annotationId: 'annotation-9',
          paperTitle: 'Early antibiotics in sepsis',
          page: null,
          colourMeaning: 'Methods concern',
        },
        text: 'Allocation was not concealed.',
      });
    });
    await runPause(scheduler);

    expect(textbox.querySelector('blockquote footer')?.textContent).toBe(
      'Early antibiotics in sepsis · Methods concern',
    );
    const envelope = savedEnvelope(onSave);
    expect(envelope.plainText).toBe('Why this matters\nAllocation was not concealed.');
    expect(envelope.editorState.root.children?.[1]).toMatchObject({
      type: 'passage-quote',
      annotationId: 'annotation-9',
      colourMeaning: 'Methods concern',
    });
  });
});

function hasLink(editor: LexicalEditor): boolean {
  return editor.getEditorState().read(() => {
    const pending = [...$getRoot().getChildren()];
    for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
      if ($isLinkNode(node)) return true;
      if ($isElementNode(node)) pending.push(...node.getChildren());
    }
    return false;
  });
}

function text(value: string, format = 0): SerializedNoteNode {
  return { type: 'text', version: 1, text: value, format, style: '', mode: 'normal', detail: 0 };
}

function block(type: string, children: SerializedNoteNode[], extra = {}): SerializedNoteNode {
  return { type, version: 1, direction: null, format: '', indent: 0, children, ...extra };
}

const STORED_NOTE: NoteEnvelope = {
  format: 'rounds-note',
  version: 1,
  editorState: {
    root: block('root', [
      block('heading', [text('Verdict')], { tag: 'h2' }),
      block('paragraph', [text('Mortality '), text('fell', 1)], { textFormat: 0, textStyle: '' }),
      block('passage-quote', [text('Mortality was 24%.')], {
        annotationId: 'annotation-1',
        paperTitle: 'Early antibiotics in sepsis',
        page: 4,
        colourMeaning: 'Key finding',
      }),
    ]),
  },
  plainText: 'Verdict\nMortality fell\nMortality was 24%.',
  updatedAt: '2026-01-01T00:00:00.000Z',
};
