// @vitest-environment jsdom
// The window's keyboard shortcuts, pressed as a user presses them, on the real App over an
// in-memory backend: what changes in the list and the reader, and what reaches the backend.
import { cleanup, configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SHORTCUTS } from './shortcuts';
import { emulateModalDialogs, stubUnobservedResizeObserver } from '../testing/jsdomWindow';
import {
  createFakeBackend,
  sampleFeed,
  sampleItem,
  type FakeBackend,
  type FakeLibrary,
} from '../testing/fakeBackend';

// A loaded machine can take seconds to render; the waits below end on what appears, not a clock.
configure({ asyncUtilTimeout: 15_000 });

// Without layout the list renders its overscan rows; the shortcut overlay needs modal dialogs.
stubUnobservedResizeObserver();
emulateModalDialogs();

// renderer/src/ipc/api.ts reads `window.api` once, when first imported, as in Electron where the
// preload sets it; so one backend serves every test and each test refills its library.
const library: FakeLibrary = { feeds: [], items: [] };
const backend: FakeBackend = createFakeBackend(library);
Object.defineProperty(window, 'api', { value: backend.api, configurable: true });
const { App } = await import('./App');

const opened: string[] = [];
vi.spyOn(window, 'open').mockImplementation((url) => {
  opened.push(String(url));
  return null;
});

beforeEach(() => {
  library.feeds = [sampleFeed({ itemCount: 3, unreadCount: 3 })];
  library.items = [
    sampleItem({ id: 'item-1', title: 'Early antibiotics in sepsis' }),
    sampleItem({ id: 'item-2', title: 'Colchicine after infarction' }),
    sampleItem({ id: 'item-3', title: 'SGLT2 inhibitors in heart failure' }),
  ];
  backend.calls.length = 0;
  opened.length = 0;
  // Layout, reading settings and "Unread only" are remembered; each test starts afresh.
  window.localStorage.clear();
});
afterEach(cleanup);
afterAll(() => vi.unstubAllGlobals());

async function renderApp() {
  const user = userEvent.setup();
  render(<App />);
  const list = await screen.findByRole('listbox');
  await within(list).findByRole('option', { name: /^SGLT2 inhibitors/ });
  return { user, list };
}

function row(list: HTMLElement, title: string) {
  return within(list).getByRole('option', { name: new RegExp(`^${title}`) });
}

function callsTo(channel: string) {
  return backend.calls.filter((call) => call.channel === channel).map((call) => call.args);
}

describe('keyboard shortcuts', () => {
  it('j and k move through the list and open each item in the reader', async () => {
    const { user, list } = await renderApp();

    await user.keyboard('j');
    expect(
      await screen.findByRole('heading', { name: 'Early antibiotics in sepsis' }),
    ).toBeTruthy();
    expect(row(list, 'Early antibiotics').getAttribute('aria-selected')).toBe('true');

    await user.keyboard('jj');
    expect(await screen.findByRole('heading', { name: /^SGLT2 inhibitors/ })).toBeTruthy();

    await user.keyboard('k');
    expect(
      await screen.findByRole('heading', { name: 'Colchicine after infarction' }),
    ).toBeTruthy();
    expect(row(list, 'Colchicine').getAttribute('aria-selected')).toBe('true');
    expect(row(list, 'SGLT2').getAttribute('aria-selected')).toBe('false');
  });

  it('m toggles read and s toggles the star of the selected item', async () => {
    const { user, list } = await renderApp();
    await user.keyboard('j');
    const reader = await screen.findByRole('article', { name: 'Reader' });
    // Opening an item reads it.
    await within(reader).findByRole('button', { name: 'Mark as unread' });
    expect(row(list, 'Early antibiotics').getAttribute('aria-label')).not.toMatch(/unread/);

    await user.keyboard('m');
    await within(reader).findByRole('button', { name: 'Mark as read' });
    expect(row(list, 'Early antibiotics').getAttribute('aria-label')).toMatch(/, unread$/);

    await user.keyboard('s');
    await within(reader).findByRole('button', { name: /Unstar/ });
    expect(row(list, 'Early antibiotics').getAttribute('aria-label')).toMatch(/, starred$/);
    expect(callsTo('app:library.setStarred')).toEqual([{ id: 'item-1', starred: true }]);
    expect(library.items[0]).toMatchObject({ read: false, starred: true });
  });

  it('o opens the selected item’s page outside the app, and r refreshes every feed', async () => {
    const { user } = await renderApp();
    await user.keyboard('jj');
    await screen.findByRole('heading', { name: 'Colchicine after infarction' });

    await user.keyboard('o');
    expect(opened).toEqual(['https://www.nejm.org/doi/full/10.1056/item-2']);

    await user.keyboard('r');
    await waitFor(() => expect(callsTo('app:feeds.refresh')).toEqual([{}]));
  });

  it('typing those letters in the search field searches and triggers no shortcut', async () => {
    const { user, list } = await renderApp();
    const search = screen.getByRole('searchbox', { name: 'Search items' });

    await user.click(search);
    await user.keyboard('jkmsor');

    expect((search as HTMLInputElement).value).toBe('jkmsor');
    expect(within(list).queryAllByRole('option', { selected: true })).toEqual([]);
    expect(opened).toEqual([]);
    expect(
      backend.calls.filter((call) =>
        ['app:library.setRead', 'app:library.setStarred', 'app:feeds.refresh'].includes(
          call.channel,
        ),
      ),
    ).toEqual([]);
  });

  it('n opens the next unread item, skipping those already read', async () => {
    library.items[1] = { ...library.items[1]!, read: true };
    const { user, list } = await renderApp();

    await user.keyboard('n');
    expect(
      await screen.findByRole('heading', { name: 'Early antibiotics in sepsis' }),
    ).toBeTruthy();
    await user.keyboard('n');
    expect(await screen.findByRole('heading', { name: /^SGLT2 inhibitors/ })).toBeTruthy();
    expect(row(list, 'SGLT2').getAttribute('aria-selected')).toBe('true');

    // Nothing unread is left below: the window says so rather than doing nothing.
    await user.keyboard('n');
    expect(await screen.findByText('No more unread items in this list.')).toBeTruthy();
  });

  it('u shows only the unread items, and all of them again', async () => {
    library.items[1] = { ...library.items[1]!, read: true };
    const { user } = await renderApp();
    const toggle = screen.getByRole('button', { name: 'Unread only' });
    // A new query draws a new list.
    const listedTitles = () =>
      within(screen.getByRole('listbox'))
        .queryAllByRole('option')
        .map((option) => option.textContent);
    expect(toggle.getAttribute('aria-pressed')).toBe('false');

    await user.keyboard('u');
    await waitFor(() =>
      expect(listedTitles()).toEqual([
        expect.stringMatching(/^Early antibiotics/),
        expect.stringMatching(/^SGLT2/),
      ]),
    );
    expect(toggle.getAttribute('aria-pressed')).toBe('true');

    await user.keyboard('u');
    await waitFor(() => expect(listedTitles()).toHaveLength(3));
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
  });

  it('/ puts the focus in the search field without typing the slash', async () => {
    const { user } = await renderApp();
    const search = screen.getByRole('searchbox', { name: 'Search items' });

    await user.keyboard('/');

    expect(document.activeElement).toBe(search);
    expect((search as HTMLInputElement).value).toBe('');
  });

  it('Space scrolls the reader by a page, then at the end opens the next unread item', async () => {
    const { user } = await renderApp();
    await user.keyboard('j');
    const reader = await screen.findByRole('article', { name: 'Reader' });
    await within(reader).findByRole('heading', { name: 'Early antibiotics in sepsis' });
    // jsdom lays nothing out: give the reader's scrolling area a page of 500 px over 1,200.
    const scroller = reader.querySelector<HTMLElement>('.reader-scroll')!;
    Object.defineProperty(scroller, 'clientHeight', { value: 500, configurable: true });
    Object.defineProperty(scroller, 'scrollHeight', { value: 1200, configurable: true });

    await user.keyboard(' ');
    expect(scroller.scrollTop).toBe(450);
    await user.keyboard(' ');
    expect(scroller.scrollTop).toBe(700);
    expect(screen.getByRole('heading', { name: 'Early antibiotics in sepsis' })).toBeTruthy();

    await user.keyboard(' ');
    expect(
      await screen.findByRole('heading', { name: 'Colchicine after infarction' }),
    ).toBeTruthy();
  });

  it('Escape in the reader goes back to the list', async () => {
    const { user, list } = await renderApp();
    await user.keyboard('j');
    const reader = await screen.findByRole('article', { name: 'Reader' });
    await user.click(within(reader).getByRole('heading', { name: 'Early antibiotics in sepsis' }));
    expect(document.activeElement).not.toBe(list);

    await user.keyboard('{Escape}');

    expect(document.activeElement).toBe(list);
    expect(row(list, 'Early antibiotics').getAttribute('aria-selected')).toBe('true');
  });

  it('? lists every shortcut of the keymap, and the others wait until it is closed', async () => {
    const { user, list } = await renderApp();

    await user.keyboard('?');
    const overlay = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    for (const shortcut of SHORTCUTS) {
      expect(within(overlay).getByText(shortcut.description)).toBeTruthy();
    }
    await user.keyboard('j');
    expect(within(list).queryAllByRole('option', { selected: true })).toEqual([]);

    await user.click(within(overlay).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog', { name: 'Keyboard shortcuts' })).toBeNull();
    await user.keyboard('j');
    expect(
      await screen.findByRole('heading', { name: 'Early antibiotics in sepsis' }),
    ).toBeTruthy();
  });

  it('typing in editable text (a note) triggers no shortcut', async () => {
    const { user, list } = await renderApp();
    const note = document.createElement('div');
    note.setAttribute('contenteditable', 'true');
    note.tabIndex = 0;
    note.setAttribute('aria-label', 'Note');
    document.body.append(note);
    try {
      await user.click(note);
      await user.keyboard('jnmsu/? {Escape}');
      expect(within(list).queryAllByRole('option', { selected: true })).toEqual([]);
      expect(screen.queryByRole('dialog')).toBeNull();
      expect(screen.getByRole('button', { name: 'Unread only' }).getAttribute('aria-pressed')).toBe(
        'false',
      );
      expect(document.activeElement).toBe(note);
    } finally {
      note.remove();
    }
  });
});
