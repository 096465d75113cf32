// @vitest-environment jsdom
// The list of summaries as a user meets it: what each one is about and where it went, searching
// them, deleting one after confirming, and the list following changes made elsewhere.
import { channelOf, type ItemDetail, type SummaryDraft } from '@shared/contract';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, it } from 'vitest';
import { createFakeBackend, sampleItem, type FakeLibrary } from '../../../testing/fakeBackend';
import { setUpComponentTests } from '../../../testing/jsdomWindow';
import { fakeShare, ingredientsFromItem, sampleDraft } from '../testing/fakeShareService';
import { DraftsPage } from './DraftsPage';

setUpComponentTests();

const NOW = new Date('2024-05-01T15:00:00.000Z');

function draftOf(item: ItemDetail, overrides: Partial<SummaryDraft>): SummaryDraft {
  return sampleDraft(
    ingredientsFromItem(item, { kind: 'paper', itemId: item.id }, 'None'),
    overrides,
  );
}

function setUp(drafts: (items: ItemDetail[]) => SummaryDraft[]) {
  const items = [
    sampleItem({ id: 'item-dapa', title: 'Dapagliflozin in CKD' }),
    sampleItem({ id: 'item-sepsis', title: 'Early antibiotics in sepsis' }),
  ];
  const library: FakeLibrary = { feeds: [], items, share: fakeShare({ drafts: drafts(items) }) };
  const backend = createFakeBackend(library);
  const opened: string[] = [];
  const asked: string[] = [];
  const user = userEvent.setup();
  render(
    <DraftsPage
      client={backend.api.share}
      now={NOW}
      onOpenDraft={(id) => opened.push(id)}
      onOpenDisclosure={() => asked.push('disclosure')}
      onOpenAccounts={() => asked.push('accounts')}
      onOpenFeedSettings={() => asked.push('feed')}
    />,
  );
  return { library, backend, opened, asked, user };
}

function twoDrafts([dapa, sepsis]: ItemDetail[]): SummaryDraft[] {
  if (!dapa || !sepsis) throw new Error('Two items are needed.');
  return [
    draftOf(dapa, { id: 'draft-dapa', updatedAt: '2024-05-01T14:00:00.000Z' }),
    draftOf(sepsis, {
      id: 'draft-sepsis',
      updatedAt: '2024-03-02T09:00:00.000Z',
      sessionTitle: 'March: sepsis',
      club: { clubId: 'club-1', name: 'NephJC', hashtag: '#NephJC' },
      posted: {
        bluesky: { posts: [], total: 2, complete: true, text: 'x', at: '2024-03-02T09:00:00.000Z' },
        mastodon: null,
      },
      publishedToFeedAt: '2024-03-02T09:00:00.000Z',
    }),
  ];
}

it('lists each summary with its paper, session, last edit and where it went', async () => {
  setUp(twoDrafts);

  expect(screen.getByRole('heading', { level: 1, name: 'Summaries' })).toBeTruthy();
  const list = await screen.findByRole('list', { name: 'Summaries' });
  const rows = within(list).getAllByRole('listitem');
  expect(rows).toHaveLength(2);
  const [newest, older] = rows.map((row) => row.textContent ?? '');
  expect(newest).toContain('Dapagliflozin in CKD');
  expect(newest).toContain('Edited 1 hour ago');
  expect(newest).toContain('Not shared yet');
  expect(older).toContain('Early antibiotics in sepsis');
  expect(older).toContain('March: sepsis · NephJC');
  expect(older).toContain('Posted to Bluesky');
  expect(older).toContain('In the club feed');
  expect(older).toMatch(/Edited (2 Mar|Mar 2)\b/);
});

it('opens a summary, and the settings from the toolbar', async () => {
  const { opened, asked, user } = setUp(twoDrafts);

  await user.click(await screen.findByRole('button', { name: 'Open Early antibiotics in sepsis' }));
  await user.click(screen.getByRole('button', { name: 'Your disclosure…' }));
  await user.click(screen.getByRole('button', { name: 'Accounts…' }));
  await user.click(screen.getByRole('button', { name: 'Club feed…' }));

  expect(opened).toEqual(['draft-sepsis']);
  expect(asked).toEqual(['disclosure', 'accounts', 'feed']);
});

it('narrows the list to the summaries matching the search', async () => {
  const { user, backend } = setUp(twoDrafts);
  const list = await screen.findByRole('list', { name: 'Summaries' });
  await within(list).findByText('Early antibiotics in sepsis');

  await user.type(screen.getByRole('searchbox', { name: 'Search summaries' }), 'dapa');
  await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(1));
  expect(list.textContent).toContain('Dapagliflozin in CKD');
  expect(backend.calls.at(-1)?.args).toEqual({ query: 'dapa' });

  await user.type(screen.getByRole('searchbox', { name: 'Search summaries' }), 'xyz');
  expect(await screen.findByText('No summary matches “dapaxyz”.')).toBeTruthy();
});

it('deletes a summary only once the user confirms', async () => {
  const { user, library } = setUp(twoDrafts);
  const remove = await screen.findByRole('button', {
    name: 'Delete summary of Dapagliflozin in CKD…',
  });

  await user.click(remove);
  let dialog = within(await screen.findByRole('alertdialog', { name: 'Delete this summary?' }));
  await user.click(dialog.getByRole('button', { name: 'Cancel' }));
  expect(screen.queryByRole('alertdialog')).toBeNull();
  expect(library.share?.drafts).toHaveLength(2);

  await user.click(remove);
  dialog = within(await screen.findByRole('alertdialog', { name: 'Delete this summary?' }));
  await user.click(dialog.getByRole('button', { name: 'Delete' }));

  await waitFor(() =>
    expect(
      within(screen.getByRole('list', { name: 'Summaries' })).getAllByRole('listitem'),
    ).toHaveLength(1),
  );
  expect(screen.getByRole('status').textContent).toBe(
    'Deleted the summary of “Dapagliflozin in CKD”.',
  );
  expect(library.share?.drafts.map((draft) => draft.id)).toEqual(['draft-sepsis']);
});

it('explains how to start when there is no summary yet', async () => {
  setUp(() => []);

  expect(
    await screen.findByText(
      'Open a paper and choose Write summary, or write one from a journal club session.',
    ),
  ).toBeTruthy();
  expect(screen.queryByRole('list', { name: 'Summaries' })).toBeNull();
});

it('follows drafts written or removed elsewhere', async () => {
  const { library, backend } = setUp(() => []);
  await screen.findByText(/Open a paper and choose Write summary/);

  const [item] = library.items;
  if (!item || !library.share) throw new Error('The fake library is incomplete.');
  library.share.drafts.push(draftOf(item, { id: 'draft-new' }));
  backend.emit(channelOf('share', 'onDidChangeDrafts'), { id: 'draft-new' });

  const list = await screen.findByRole('list', { name: 'Summaries' });
  expect(list.textContent).toContain('Dapagliflozin in CKD');
});
