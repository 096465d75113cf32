// @vitest-environment jsdom
// The three settings of sharing as a user meets them: the disclosure asked once, the Bluesky and
// Mastodon accounts (and how their secrets are kept), and the club feed's folder.
import { fail, type ShareSettings } from '@shared/contract';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createFakeBackend, type FakeLibrary } from '../../../testing/fakeBackend';
import { setUpComponentTests } from '../../../testing/jsdomWindow';
import type { ShareClient } from '../composer/shareClient';
import { fakeShare, fakeShareSettings, type FakeShare } from '../testing/fakeShareService';
import { AccountsDialog } from './AccountsDialog';
import { DisclosureDialog } from './DisclosureDialog';
import { FeedSettingsDialog } from './FeedSettingsDialog';

setUpComponentTests();

function fakeBackendWith(share: FakeShare) {
  const library: FakeLibrary = { feeds: [], items: [], share };
  return { library, client: createFakeBackend(library).api.share };
}

describe('the disclosure', () => {
  function renderDialog(client: ShareClient, disclosure: string | null) {
    const saved: ShareSettings[] = [];
    let closed = 0;
    render(
      <DisclosureDialog
        client={client}
        disclosure={disclosure}
        onSaved={(settings) => saved.push(settings)}
        onClose={() => (closed += 1)}
      />,
    );
    return { saved, closed: () => closed, user: userEvent.setup() };
  }

  it('explains itself and saves what the user declares', async () => {
    const { library, client } = fakeBackendWith(fakeShare());
    const { saved, user } = renderDialog(client, null);

    const dialog = within(screen.getByRole('dialog', { name: 'Your disclosure' }));
    expect(dialog.getByText(/added to every summary you share/)).toBeTruthy();
    expect(dialog.getByText(/asks for it once/)).toBeTruthy();
    const field = dialog.getByRole('textbox', { name: 'Disclosure' });
    expect(field.getAttribute('placeholder')).toMatch(/^None/);
    await user.type(field, 'Speaker fees from Acme Pharma');
    await user.click(dialog.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(saved).toHaveLength(1));
    expect(library.share?.settings.disclosure).toBe('Speaker fees from Acme Pharma');
    expect(saved[0]?.disclosure).toBe('Speaker fees from Acme Pharma');
  });

  it('asks for words, even “None”, before saving, and Cancel leaves it as it was', async () => {
    const { library, client } = fakeBackendWith(
      fakeShare({ settings: fakeShareSettings({ disclosure: 'None' }) }),
    );
    const { saved, closed, user } = renderDialog(client, 'None');

    const dialog = within(screen.getByRole('dialog', { name: 'Your disclosure' }));
    const field = dialog.getByRole('textbox', { name: 'Disclosure' });
    expect(field).toHaveProperty('value', 'None');
    await user.clear(field);
    await user.click(dialog.getByRole('button', { name: 'Save' }));
    expect(dialog.getByRole('alert').textContent).toBe('Write a disclosure, even “None”.');

    await user.click(dialog.getByRole('button', { name: 'Cancel' }));
    expect(closed()).toBe(1);
    expect(saved).toEqual([]);
    expect(library.share?.settings.disclosure).toBe('None');
  });
});

describe('the accounts', () => {
  function renderDialog(client: ShareClient, settings = fakeShareSettings()) {
    const saved: (ShareSettings | null)[] = [];
    render(
      <AccountsDialog
        client={client}
        settings={settings}
        onSaved={(changed) => saved.push(changed)}
        onClose={() => undefined}
      />,
    );
    return { saved, user: userEvent.setup() };
  }

  it('says the secrets go to the keychain, and saves and forgets a Bluesky account', async () => {
    const { library, client } = fakeBackendWith(fakeShare());
    const { saved, user } = renderDialog(client);
    const dialog = within(screen.getByRole('dialog', { name: 'Accounts' }));

    expect(await dialog.findByText(/kept in your system’s keychain/)).toBeTruthy();
    expect(dialog.getByRole('textbox', { name: 'Bluesky server' })).toHaveProperty(
      'value',
      'https://bsky.social',
    );
    const password = dialog.getByLabelText('App password');
    expect(password.getAttribute('type')).toBe('password');
    expect(password.getAttribute('aria-describedby')).toBeTruthy();
    expect(dialog.getByText(/never your main password/)).toBeTruthy();
    await user.type(dialog.getByRole('textbox', { name: 'Handle or e-mail' }), 'ana.bsky.social');
    await user.type(password, 'abcd-efgh-ijkl-mnop');
    await user.click(dialog.getByRole('button', { name: 'Save Bluesky account' }));

    expect(await dialog.findByText('Bluesky: ana.bsky.social')).toBeTruthy();
    expect(library.share?.accounts.bluesky).toEqual({
      service: 'https://bsky.social',
      identifier: 'ana.bsky.social',
    });
    expect(dialog.queryByLabelText('App password')).toBeNull();
    expect(saved).toHaveLength(1);
    // The form the focus was in is gone: the section's heading takes it.
    await waitFor(() =>
      expect(document.activeElement).toBe(dialog.getByRole('heading', { name: 'Bluesky' })),
    );

    await user.click(dialog.getByRole('button', { name: 'Forget Bluesky account' }));
    expect(await dialog.findByRole('button', { name: 'Save Bluesky account' })).toBeTruthy();
    expect(library.share?.accounts.bluesky).toBeNull();
    expect(saved).toHaveLength(2);
  });

  it('says when the secrets are kept in a file only the user can read', async () => {
    const { client } = fakeBackendWith(
      fakeShare({ accounts: { bluesky: null, mastodon: null, protection: 'owner-only-file' } }),
    );
    renderDialog(client);

    expect(
      await screen.findByText(
        /kept in a file in your data folder that only your user account can read/,
      ),
    ).toBeTruthy();
  });

  it('saves a Mastodon account with its instance and post limit, and forgets it', async () => {
    const { library, client } = fakeBackendWith(fakeShare());
    const { user } = renderDialog(client);
    const dialog = within(screen.getByRole('dialog', { name: 'Accounts' }));

    await user.type(
      await dialog.findByRole('textbox', { name: 'Mastodon instance' }),
      'https://med-mastodon.com',
    );
    expect(dialog.getByLabelText('Access token').getAttribute('type')).toBe('password');
    await user.type(dialog.getByLabelText('Access token'), 'token-123');
    const limit = dialog.getByRole('spinbutton', { name: 'Mastodon post limit' });
    expect(limit).toHaveProperty('value', '500');
    await user.clear(limit);
    await user.type(limit, '1000');
    await user.click(dialog.getByRole('button', { name: 'Save Mastodon account' }));

    expect(await dialog.findByText('Mastodon: https://med-mastodon.com')).toBeTruthy();
    expect(library.share?.accounts.mastodon).toEqual({ instance: 'https://med-mastodon.com' });
    await waitFor(() =>
      expect(library.share?.settings).toMatchObject({
        mastodonInstance: 'https://med-mastodon.com',
        mastodonLimit: 1000,
      }),
    );

    await user.click(dialog.getByRole('button', { name: 'Forget Mastodon account' }));
    expect(await dialog.findByRole('button', { name: 'Save Mastodon account' })).toBeTruthy();
    expect(library.share?.accounts.mastodon).toBeNull();
  });

  it('shows why an account could not be kept', async () => {
    const { client } = fakeBackendWith(fakeShare());
    const refusing: ShareClient = {
      ...client,
      setAccount: () =>
        Promise.resolve(
          fail('cannot-store', 'The system keychain is locked. Unlock it and try again.'),
        ),
    };
    const { user } = renderDialog(refusing);
    const dialog = within(screen.getByRole('dialog', { name: 'Accounts' }));

    await user.type(
      await dialog.findByRole('textbox', { name: 'Handle or e-mail' }),
      'ana.bsky.social',
    );
    await user.type(dialog.getByLabelText('App password'), 'abcd-efgh-ijkl-mnop');
    await user.click(dialog.getByRole('button', { name: 'Save Bluesky account' }));

    expect((await dialog.findByRole('alert')).textContent).toBe(
      'The system keychain is locked. Unlock it and try again.',
    );
    expect(dialog.getByRole('button', { name: 'Save Bluesky account' })).toBeTruthy();
  });
});

describe('the club feed', () => {
  function renderDialog(client: ShareClient) {
    const saved: ShareSettings[] = [];
    render(
      <FeedSettingsDialog
        client={client}
        feed={fakeShareSettings().feed}
        onSaved={(settings) => saved.push(settings)}
        onClose={() => undefined}
      />,
    );
    return { saved, user: userEvent.setup() };
  }

  it('saves the title, the folder and the web address', async () => {
    const { library, client } = fakeBackendWith(fakeShare());
    const { saved, user } = renderDialog(client);
    const dialog = within(screen.getByRole('dialog', { name: 'Club feed' }));

    expect(dialog.getByText(/any folder a static web host serves/)).toBeTruthy();
    const title = dialog.getByRole('textbox', { name: 'Feed title' });
    expect(title).toHaveProperty('value', 'Journal club summaries');
    await user.clear(title);
    await user.type(title, 'NephJC summaries');
    await user.type(dialog.getByRole('textbox', { name: 'Folder' }), '/srv/www/nephjc');
    await user.type(
      dialog.getByRole('textbox', { name: 'Web address (optional)' }),
      'https://nephjc.example.org/feed',
    );
    await user.click(dialog.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(saved).toHaveLength(1));
    expect(library.share?.settings.feed).toEqual({
      title: 'NephJC summaries',
      folder: '/srv/www/nephjc',
      baseUrl: 'https://nephjc.example.org/feed',
    });
  });

  it('shows why the folder was refused', async () => {
    const { client } = fakeBackendWith(fakeShare());
    const refusing: ShareClient = {
      ...client,
      setSettings: () =>
        Promise.resolve(fail('invalid-folder', 'Give the folder’s full path, starting with /.')),
    };
    const { saved, user } = renderDialog(refusing);
    const dialog = within(screen.getByRole('dialog', { name: 'Club feed' }));

    await user.type(dialog.getByRole('textbox', { name: 'Folder' }), 'feed');
    await user.click(dialog.getByRole('button', { name: 'Save' }));

    expect((await dialog.findByRole('alert')).textContent).toBe(
      'Give the folder’s full path, starting with /.',
    );
    expect(saved).toEqual([]);
  });
});
