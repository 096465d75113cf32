// @vitest-environment jsdom
import { act, cleanup, render, waitFor, within } from '@testing-library/react';
import { $getRoot, $getSelection, $isRangeSelection, getNearestEditorFromDOMNode } from 'lexical';
import { StrictMode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { SessionDiscussion } from './SessionDiscussion';
import { FakeDiscussionRelay } from './testing/FakeDiscussionRelay';

// jsdom cannot type into a contenteditable faithfully (no layout, partial Selection API), so text
// goes in through Lexical's own `editor.update`, as the browser's input handling would; the rest
// (the relay, the backend's check, the other window) is real. Typing itself is for Playwright.

afterEach(cleanup);

const LOADING = 'Loading the discussion…';

/** One window's discussion, under StrictMode as in the app (effects run, undo, and run again). */
function renderWindow(relay: FakeDiscussionRelay, editable = true) {
  const view = render(
    <StrictMode>
      <SessionDiscussion sessionId={relay.sessionId} editable={editable} relay={relay} />
    </StrictMode>,
  );
  return { view, scope: within(view.container) };
}

async function loaded(scope: ReturnType<typeof within>): Promise<HTMLElement> {
  await waitFor(() => expect(scope.queryByText(LOADING)).toBeNull());
  return scope.getByRole('textbox', { name: 'Discussion' });
}

/** Types at the end of the discussion, as the browser would put keystrokes in. */
function typeAtEnd(textbox: HTMLElement, text: string): void {
  const editor = getNearestEditorFromDOMNode(textbox);
  if (editor === null) throw new Error('The discussion has no Lexical editor.');
  act(() => {
    editor.update(
      () => {
        $getRoot().selectEnd();
        const selection = $getSelection();
        if (!$isRangeSelection(selection)) throw new Error('No caret in the discussion.');
        selection.insertText(text);
      },
      { discrete: true },
    );
  });
}

describe('SessionDiscussion', () => {
  it('shows what one window types in the other, through the backend, which accepts every update', async () => {
    const relay = new FakeDiscussionRelay();
    let openTheSession = () => undefined as void;
    relay.stateGate = new Promise((resolve) => (openTheSession = resolve));
    const first = renderWindow(relay);
    const second = renderWindow(relay);
    expect(first.scope.getByRole('status')).toHaveProperty('textContent', LOADING);

    await act(async () => openTheSession());
    const typingHere = await loaded(first.scope);
    const readingThere = await loaded(second.scope);
    await waitFor(() => expect(readingThere.getAttribute('contenteditable')).toBe('true'));

    typeAtEnd(typingHere, 'Allocation was concealed. ');
    typeAtEnd(typingHere, 'The eGFR slope ');
    typeAtEnd(typingHere, 'is what matters.');

    const said = 'Allocation was concealed. The eGFR slope is what matters.';
    await waitFor(() => expect(readingThere.textContent).toBe(said));
    expect(within(readingThere).getAllByRole('paragraph')).toHaveLength(1);
    expect(relay.sent.length).toBeGreaterThan(0);
    expect(relay.sent.map((sent) => sent.verdict)).toEqual(relay.sent.map(() => ({ ok: true })));
    expect(relay.mostInFlight).toBe(1);

    // And back the other way, into the same paragraph.
    typeAtEnd(readingThere, ' Agreed.');
    await waitFor(() => expect(typingHere.textContent).toBe(`${said} Agreed.`));
  });

  it('shows the discussion read-only, without the formatting toolbar, when it may not be edited', async () => {
    const relay = new FakeDiscussionRelay();
    const writer = renderWindow(relay);
    typeAtEnd(await loaded(writer.scope), 'Bottom line agreed.');

    const reader = renderWindow(relay, false);
    const textbox = await loaded(reader.scope);
    await waitFor(() => expect(textbox.textContent).toBe('Bottom line agreed.'));
    await waitFor(() => expect(textbox.getAttribute('contenteditable')).toBe('false'));
    expect(reader.scope.queryByRole('toolbar')).toBeNull();
    expect(writer.scope.getByRole('toolbar', { name: 'Discussion formatting' })).toBeTruthy();
  });

  it('shows the backend’s refusal, keeps the text on screen and stops taking more', async () => {
    const relay = new FakeDiscussionRelay();
    const { scope } = renderWindow(relay);
    const textbox = await loaded(scope);
    relay.refuseWith = 'The session is closed, so the discussion can no longer change.';

    typeAtEnd(textbox, 'A late thought');

    expect((await scope.findByRole('alert')).textContent).toBe(
      'The session is closed, so the discussion can no longer change.',
    );
    expect(textbox.textContent).toBe('A late thought');
    await waitFor(() => expect(textbox.getAttribute('contenteditable')).toBe('false'));
  });

  it('says why when the session cannot be loaded', async () => {
    const relay = new FakeDiscussionRelay();
    const view = render(<SessionDiscussion sessionId="session-gone" editable relay={relay} />);
    expect((await within(view.container).findByRole('alert')).textContent).toBe(
      'This session is not here.',
    );
    expect(within(view.container).queryByText(LOADING)).toBeNull();
  });

  it('stops listening to the backend when it closes', async () => {
    const relay = new FakeDiscussionRelay();
    const { view, scope } = renderWindow(relay);
    await loaded(scope);
    expect(relay.listenerCount).toBe(1);
    view.unmount();
    expect(relay.listenerCount).toBe(0);
  });
});
