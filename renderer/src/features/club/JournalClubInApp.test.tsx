// @vitest-environment jsdom
// The journal club in the window: the sources pane's "Journal club" replaces the list and the
// reader, any source brings them back, and "Discuss at journal club" in the reader starts a
// session on the open paper. The real App over the in-memory backend.
import { cleanup, configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeEach, expect, it, vi } from 'vitest';
import {
  createFakeBackend,
  sampleFeed,
  sampleItem,
  type FakeBackend,
  type FakeLibrary,
} from '../../testing/fakeBackend';
import { emulateModalDialogs, stubUnobservedResizeObserver } from '../../testing/jsdomWindow';
import { fakeClub } from './testing/fakeClubService';

vi.mock('./discussion/SessionDiscussion', () => ({ SessionDiscussion: () => null }));

configure({ asyncUtilTimeout: 15_000 });

stubUnobservedResizeObserver();
emulateModalDialogs();

// renderer/src/ipc/api.ts reads `window.api` once, when first imported.
const library: FakeLibrary = { feeds: [], items: [] };
const backend: FakeBackend = createFakeBackend(library);
Object.defineProperty(window, 'api', { value: backend.api, configurable: true });
const { App } = await import('../../app/App');

beforeEach(async () => {
  library.feeds = [sampleFeed({ itemCount: 1, unreadCount: 1 })];
  library.items = [sampleItem({ id: 'item-dapa', title: 'Dapagliflozin in CKD' })];
  library.club = fakeClub();
  const profile = await backend.api.club.setProfile({ name: 'Ana' });
  const club = await backend.api.club.createClub({ name: 'NephJC', timeZone: 'Europe/London' });
  if (!profile.ok || !club.ok) throw new Error('The fake club could not be set up.');
  backend.calls.length = 0;
  window.localStorage.clear();
});
afterEach(cleanup);
afterAll(() => vi.unstubAllGlobals());

it('opens the journal club in place of the list, and a source brings the list back', async () => {
  const user = userEvent.setup();
  render(<App />);
  const sources = screen.getByRole('navigation', { name: 'Sources' });
  await screen.findByRole('listbox');

  await user.click(within(sources).getByRole('button', { name: 'Journal club' }));
  expect(await screen.findByRole('heading', { level: 1, name: 'NephJC' })).toBeTruthy();
  expect(screen.queryByRole('listbox')).toBeNull();
  expect(screen.queryByRole('article', { name: 'Reader' })).toBeNull();

  await user.click(within(sources).getByRole('button', { name: /^All items$/ }));
  expect(await screen.findByRole('listbox')).toBeTruthy();
  expect(screen.queryByRole('heading', { level: 1, name: 'NephJC' })).toBeNull();
});

it('starts a session on the paper open in the reader', async () => {
  const user = userEvent.setup();
  render(<App />);
  const list = await screen.findByRole('listbox');
  await user.click(await within(list).findByRole('option', { name: /^Dapagliflozin in CKD/ }));
  await user.click(await screen.findByRole('button', { name: 'Discuss at journal club' }));

  const dialog = within(await screen.findByRole('dialog', { name: 'New session' }));
  expect(dialog.getByRole('textbox', { name: 'Title' })).toHaveProperty(
    'value',
    'Dapagliflozin in CKD',
  );
  expect(dialog.getByRole('list', { name: 'Chosen papers' }).textContent).toContain(
    'Dapagliflozin in CKD',
  );
  await user.click(dialog.getByRole('button', { name: 'Create session' }));

  expect(
    await screen.findByRole('heading', { level: 1, name: 'Dapagliflozin in CKD' }),
  ).toBeTruthy();
  await waitFor(() =>
    expect(library.club?.sessions.map((session) => session.papers[0]?.paperId)).toEqual([
      'item-dapa',
    ]),
  );
});
