// @vitest-environment jsdom
// Summaries in the window: the sources pane's "Summaries" replaces the list and the reader (and
// the journal club), "Write summary" in the reader starts a summary of the open paper, and a
// session's paper starts one from the club. The real App over the in-memory backend.
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeEach, expect, it, vi } from 'vitest';
import {
  createFakeBackend,
  sampleFeed,
  sampleItem,
  type FakeBackend,
  type FakeLibrary,
} from '../../testing/fakeBackend';
import { setUpComponentTests, stubUnobservedResizeObserver } from '../../testing/jsdomWindow';
import { fakeClub } from '../club/testing/fakeClubService';
import type { ComposerPageProps } from './composer/ComposerPage';
import { fakeShare, fakeShareSettings } from './testing/fakeShareService';

vi.mock('../club/discussion/SessionDiscussion', () => ({ SessionDiscussion: () => null }));
// The composer is tested on its own; its stand-in shows which draft the window opened.
vi.mock('./composer/ComposerPage', () => ({
  ComposerPage: (props: ComposerPageProps) => (
    <section aria-label="Composer">
      <h1>Composing {props.draftId}</h1>
    </section>
  ),
}));

setUpComponentTests();
stubUnobservedResizeObserver();

// renderer/src/ipc/api.ts reads `window.api` once, when first imported.
const library: FakeLibrary = { feeds: [], items: [] };
const backend: FakeBackend = createFakeBackend(library);
Object.defineProperty(window, 'api', { value: backend.api, configurable: true });
const { App } = await import('../../app/App');
// One fake share state for the file, refilled before each test.
const share = fakeShare();
library.share = share;

beforeEach(async () => {
  library.feeds = [sampleFeed({ itemCount: 1, unreadCount: 1 })];
  library.items = [sampleItem({ id: 'item-dapa', title: 'Dapagliflozin in CKD' })];
  library.club = fakeClub();
  Object.assign(share, fakeShare());
  const profile = await backend.api.club.setProfile({ name: 'Ana' });
  const club = await backend.api.club.createClub({ name: 'NephJC', timeZone: 'Europe/London' });
  if (!profile.ok || !club.ok) throw new Error('The fake club could not be set up.');
  const session = await backend.api.club.createSession({
    clubId: club.value.clubId,
    session: { title: 'DAPA-CKD', itemIds: ['item-dapa'] },
  });
  if (!session.ok) throw new Error('The fake session could not be set up.');
  backend.calls.length = 0;
  window.localStorage.clear();
});
afterAll(() => vi.unstubAllGlobals());

it('shows the summaries in place of the list, and a source brings the list back', async () => {
  const user = userEvent.setup();
  render(<App />);
  const sources = screen.getByRole('navigation', { name: 'Sources' });
  await screen.findByRole('listbox');

  const summaries = within(sources).getByRole('button', { name: 'Summaries' });
  await user.click(summaries);
  expect(await screen.findByRole('heading', { level: 1, name: 'Summaries' })).toBeTruthy();
  expect(await screen.findByText(/Open a paper and choose Write summary/)).toBeTruthy();
  expect(summaries.getAttribute('aria-current')).toBe('page');
  expect(screen.queryByRole('listbox')).toBeNull();
  expect(screen.queryByRole('article', { name: 'Reader' })).toBeNull();

  // The journal club and the summaries take turns in the same place.
  await user.click(within(sources).getByRole('button', { name: 'Journal club' }));
  expect(await screen.findByRole('heading', { level: 1, name: 'NephJC' })).toBeTruthy();
  expect(screen.queryByRole('heading', { level: 1, name: 'Summaries' })).toBeNull();
  expect(summaries.getAttribute('aria-current')).toBeNull();

  await user.click(within(sources).getByRole('button', { name: /^All items$/ }));
  expect(await screen.findByRole('listbox')).toBeTruthy();
  expect(screen.queryByRole('heading', { level: 1, name: 'NephJC' })).toBeNull();
});

it('writes a summary of the paper open in the reader, asking for the disclosure first', async () => {
  const user = userEvent.setup();
  render(<App />);
  const list = await screen.findByRole('listbox');
  await user.click(await within(list).findByRole('option', { name: /^Dapagliflozin in CKD/ }));
  await user.click(await screen.findByRole('button', { name: 'Write summary' }));

  const dialog = within(await screen.findByRole('dialog', { name: 'Your disclosure' }));
  await user.type(dialog.getByRole('textbox', { name: 'Disclosure' }), 'None');
  await user.click(dialog.getByRole('button', { name: 'Save' }));

  expect(await screen.findByRole('heading', { level: 1, name: /^Composing / })).toBeTruthy();
  expect(screen.queryByRole('listbox')).toBeNull();
  expect(share.drafts.map((draft) => draft.source)).toEqual([
    { kind: 'paper', itemId: 'item-dapa' },
  ]);
  expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(
    `Composing ${share.drafts[0]?.id ?? ''}`,
  );
  expect(share.settings.disclosure).toBe('None');

  // Back in the list of summaries, the new one is there.
  await user.click(
    within(screen.getByRole('navigation', { name: 'Sources' })).getByRole('button', {
      name: 'Summaries',
    }),
  );
  const summaries = await screen.findByRole('list', { name: 'Summaries' });
  expect(summaries.textContent).toContain('Dapagliflozin in CKD');
});

it('starts a summary from a paper of a journal club session', async () => {
  share.settings = fakeShareSettings({ disclosure: 'None' });
  const user = userEvent.setup();
  render(<App />);
  const sources = screen.getByRole('navigation', { name: 'Sources' });
  await user.click(within(sources).getByRole('button', { name: 'Journal club' }));
  await user.click(await screen.findByRole('button', { name: 'DAPA-CKD' }));
  await user.click(
    await screen.findByRole('button', { name: 'Write summary of Dapagliflozin in CKD' }),
  );

  // The club area gives way to the composer of a draft made from the session's paper.
  const session = library.club?.sessions[0];
  expect(await screen.findByRole('heading', { level: 1, name: /^Composing draft-/ })).toBeTruthy();
  expect(screen.queryByRole('heading', { level: 1, name: 'DAPA-CKD' })).toBeNull();
  expect(share.drafts.map((draft) => [draft.source, draft.club?.name, draft.sessionTitle])).toEqual(
    [
      [
        {
          kind: 'session',
          sessionId: session?.sessionId,
          clubId: session?.clubId,
          paperId: session?.papers[0]?.paperId,
        },
        'NephJC',
        'DAPA-CKD',
      ],
    ],
  );
});
