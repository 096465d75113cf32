// @vitest-environment jsdom
// The share area as a user meets it: the summaries list and one summary's composer in its place,
// a new summary started from a paper (with the disclosure asked first, once), a start that fails,
// and the settings dialogs telling the composer that something changed.
import type { DraftSource, ItemDetail } from '@shared/contract';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, it, vi } from 'vitest';
import { createFakeBackend, sampleItem, type FakeLibrary } from '../../testing/fakeBackend';
import { setUpComponentTests } from '../../testing/jsdomWindow';
import type { ComposerPageProps } from './composer/ComposerPage';
import { ShareArea } from './ShareArea';
import {
  fakeShare,
  fakeShareSettings,
  ingredientsFromItem,
  sampleDraft,
} from './testing/fakeShareService';

// The composer is tested on its own; here a stand-in shows which draft is open and offers the
// ways out the real one has.
vi.mock('./composer/ComposerPage', () => ({
  ComposerPage: (props: ComposerPageProps) => (
    <section aria-label="Composer">
      <h1>Composing {props.draftId}</h1>
      <p>Settings version {props.settingsVersion}</p>
      <button type="button" onClick={props.onBack}>
        All summaries
      </button>
      <button type="button" onClick={props.onOpenAccounts}>
        Accounts from the composer
      </button>
      <button type="button" onClick={props.onAskDisclosure}>
        Disclosure from the composer
      </button>
      <button type="button" onClick={() => props.onOpenItem('item-dapa')}>
        Open paper
      </button>
    </section>
  ),
}));

setUpComponentTests();

const ITEM: ItemDetail = sampleItem({ id: 'item-dapa', title: 'Dapagliflozin in CKD' });

function setUp({
  disclosure = 'None' as string | null,
  start = null as DraftSource | null,
  withDraft = false,
} = {}) {
  const library: FakeLibrary = {
    feeds: [],
    items: [ITEM],
    share: fakeShare({
      settings: fakeShareSettings({ disclosure }),
      drafts: withDraft
        ? [
            sampleDraft(ingredientsFromItem(ITEM, { kind: 'paper', itemId: ITEM.id }, 'None'), {
              id: 'draft-old',
            }),
          ]
        : [],
    }),
  };
  const backend = createFakeBackend(library);
  const opened: string[] = [];
  const handled = vi.fn();
  const user = userEvent.setup();
  render(
    <ShareArea
      client={backend.api.share}
      start={start}
      onStartHandled={handled}
      onOpenItem={(itemId) => opened.push(itemId)}
      leading={<button type="button">Show sources</button>}
    />,
  );
  return { library, backend, opened, handled, user };
}

it('shows the summaries, opens one in the composer and comes back', async () => {
  const { user, opened } = setUp({ withDraft: true });

  expect(screen.getByRole('button', { name: 'Show sources' })).toBeTruthy();
  await user.click(await screen.findByRole('button', { name: 'Open Dapagliflozin in CKD' }));
  expect(await screen.findByRole('heading', { name: 'Composing draft-old' })).toBeTruthy();
  expect(screen.queryByRole('list', { name: 'Summaries' })).toBeNull();

  await user.click(screen.getByRole('button', { name: 'Open paper' }));
  expect(opened).toEqual(['item-dapa']);
  await user.click(screen.getByRole('button', { name: 'All summaries' }));
  expect(await screen.findByRole('list', { name: 'Summaries' })).toBeTruthy();
});

it('asks for the disclosure before the first summary, then opens the new draft', async () => {
  const { user, library, handled } = setUp({
    disclosure: null,
    start: { kind: 'paper', itemId: 'item-dapa' },
  });

  const dialog = within(await screen.findByRole('dialog', { name: 'Your disclosure' }));
  expect(library.share?.drafts).toEqual([]);
  await user.type(dialog.getByRole('textbox', { name: 'Disclosure' }), 'None');
  await user.click(dialog.getByRole('button', { name: 'Save' }));

  expect(await screen.findByRole('heading', { name: 'Composing draft-1' })).toBeTruthy();
  expect(screen.queryByRole('dialog')).toBeNull();
  expect(handled).toHaveBeenCalledTimes(1);
  expect(library.share?.settings.disclosure).toBe('None');
  expect(library.share?.drafts[0]?.source).toEqual({ kind: 'paper', itemId: 'item-dapa' });
  expect(library.share?.drafts[0]?.text).toContain('None');
  expect(screen.getByText('Settings version 1')).toBeTruthy();
});

it('starts the summary without asking once the disclosure is answered', async () => {
  const { library } = setUp({ start: { kind: 'paper', itemId: 'item-dapa' } });

  expect(await screen.findByRole('heading', { name: 'Composing draft-1' })).toBeTruthy();
  expect(screen.queryByRole('dialog')).toBeNull();
  expect(library.share?.drafts).toHaveLength(1);
});

it('goes on with the summary already begun on the same paper instead of starting another', async () => {
  const { library, backend } = setUp({
    withDraft: true,
    start: { kind: 'paper', itemId: 'item-dapa' },
  });

  expect(await screen.findByRole('heading', { name: 'Composing draft-old' })).toBeTruthy();
  expect(library.share?.drafts.map((draft) => draft.id)).toEqual(['draft-old']);
  expect(backend.calls.some((call) => call.channel.endsWith('share.createDraft'))).toBe(false);
});

it('still starts the summary when the disclosure is left for later', async () => {
  const { user, library } = setUp({
    disclosure: null,
    start: { kind: 'paper', itemId: 'item-dapa' },
  });

  const dialog = within(await screen.findByRole('dialog', { name: 'Your disclosure' }));
  await user.click(dialog.getByRole('button', { name: 'Cancel' }));

  expect(await screen.findByRole('heading', { name: 'Composing draft-1' })).toBeTruthy();
  expect(library.share?.settings.disclosure).toBeNull();
});

it('says why a summary could not be started', async () => {
  setUp({ start: { kind: 'paper', itemId: 'item-gone' } });

  expect((await screen.findByRole('alert')).textContent).toBe(
    'The summary could not be started. That paper is no longer in the library.',
  );
  expect(screen.getByRole('heading', { level: 1, name: 'Summaries' })).toBeTruthy();
});

it('tells the composer when a settings dialog saved something', async () => {
  const { user, library } = setUp({ withDraft: true });
  await user.click(await screen.findByRole('button', { name: 'Open Dapagliflozin in CKD' }));
  expect(await screen.findByText('Settings version 0')).toBeTruthy();

  await user.click(screen.getByRole('button', { name: 'Accounts from the composer' }));
  let dialog = within(await screen.findByRole('dialog', { name: 'Accounts' }));
  await user.type(
    await dialog.findByRole('textbox', { name: 'Handle or e-mail' }),
    'ana.bsky.social',
  );
  await user.type(dialog.getByLabelText('App password'), 'abcd-efgh-ijkl-mnop');
  await user.click(dialog.getByRole('button', { name: 'Save Bluesky account' }));
  await dialog.findByText('Bluesky: ana.bsky.social');
  await user.click(dialog.getByRole('button', { name: 'Close' }));
  expect(await screen.findByText('Settings version 1')).toBeTruthy();

  await user.click(screen.getByRole('button', { name: 'Disclosure from the composer' }));
  dialog = within(await screen.findByRole('dialog', { name: 'Your disclosure' }));
  const field = dialog.getByRole('textbox', { name: 'Disclosure' });
  await user.clear(field);
  await user.type(field, 'Speaker fees from Acme Pharma');
  await user.click(dialog.getByRole('button', { name: 'Save' }));
  expect(await screen.findByText('Settings version 2')).toBeTruthy();
  expect(library.share?.settings.disclosure).toBe('Speaker fees from Acme Pharma');
});

it('keeps the club feed’s settings from the list', async () => {
  const { user, library } = setUp();

  await user.click(await screen.findByRole('button', { name: 'Club feed…' }));
  const dialog = within(await screen.findByRole('dialog', { name: 'Club feed' }));
  await user.type(dialog.getByRole('textbox', { name: 'Folder' }), '/srv/www/nephjc');
  await user.click(dialog.getByRole('button', { name: 'Save' }));

  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  expect(library.share?.settings.feed.folder).toBe('/srv/www/nephjc');
  expect(screen.getByText('Saved the club feed’s settings.')).toBeTruthy();
});
