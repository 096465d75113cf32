import type { DirectPostingPlatform, ShareAccounts, ShareSettings } from '@shared/contract';
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { DialogActions } from '../../../ui/DialogActions';
import { FormFailure } from '../../../ui/FormFailure';
import { ModalDialog } from '../../../ui/ModalDialog';
import { useIsMounted } from '../../../ui/useIsMounted';
import { TextInput } from '../../club/TextInput';
import { useSubmission } from '../../club/useSubmission';
import type { ShareClient } from '../composer/shareClient';

export interface AccountsDialogProps {
  client: ShareClient;
  settings: ShareSettings;
  /** An account or a Mastodon setting changed: the new settings, or null when only an account did. */
  onSaved: (settings: ShareSettings | null) => void;
  onClose: () => void;
}

type Loaded =
  | { status: 'loading' }
  | { status: 'ready'; accounts: ShareAccounts }
  | { status: 'failed'; message: string };

const DEFAULT_BLUESKY_SERVER = 'https://bsky.social';
const MASTODON_LIMITS = { min: 100, max: 100_000 } as const;

const KEPT_WHERE: Record<ShareAccounts['protection'], string> = {
  'os-keychain': 'kept in your system’s keychain',
  'owner-only-file': 'kept in a file in your data folder that only your user account can read',
};

/**
 * "Accounts": the Bluesky and Mastodon accounts Rounds posts threads with, and the Mastodon
 * instance's post limit the thread splitter needs. A secret is typed once and never comes back
 * to the window, so a saved account shows only who it is, with a way to forget it.
 */
export function AccountsDialog({ client, settings, onSaved, onClose }: AccountsDialogProps) {
  const explanationId = useId();
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [news, setNews] = useState('');
  const isMounted = useIsMounted();

  useEffect(() => {
    void client.accounts().then((result) => {
      if (!isMounted()) return;
      setLoaded(
        result.ok
          ? { status: 'ready', accounts: result.value }
          : { status: 'failed', message: result.message },
      );
    });
  }, [client, isMounted]);

  const accountsChanged = (accounts: ShareAccounts, message: string) => {
    setLoaded({ status: 'ready', accounts });
    setNews(message);
  };

  let body: ReactNode;
  if (loaded.status === 'loading') {
    body = <p className="dialog-text">Opening your accounts…</p>;
  } else if (loaded.status === 'failed') {
    body = (
      <p className="field-error" role="alert">
        Your accounts could not be opened. {loaded.message}
      </p>
    );
  } else {
    const { accounts } = loaded;
    body = (
      <>
        <p id={explanationId} className="dialog-text">
          App passwords and access tokens you save here are {KEPT_WHERE[accounts.protection]}.
          Rounds never shows them again and sends each only to its own server, to post your
          summaries.
        </p>
        <BlueskyAccount
          client={client}
          account={accounts.bluesky}
          onChanged={(changed, message) => {
            accountsChanged(changed, message);
            onSaved(null);
          }}
        />
        <MastodonAccount
          client={client}
          account={accounts.mastodon}
          settings={settings}
          onChanged={(changed, message) => {
            accountsChanged(changed, message);
            onSaved(null);
          }}
          onSettingsSaved={(saved, message) => {
            setNews(message);
            onSaved(saved);
          }}
        />
      </>
    );
  }

  return (
    <ModalDialog
      title="Accounts"
      onClose={onClose}
      describedBy={loaded.status === 'ready' ? explanationId : undefined}
    >
      {body}
      <p role="status" className="feature-news">
        {news}
      </p>
      <DialogActions onCancel={onClose} cancelLabel="Close" />
    </ModalDialog>
  );
}

/**
 * The section's heading takes the focus once its form gave way to the saved account (or back),
 * so a keyboard user is not left on a button that is gone.
 */
function useFocusAfterChange() {
  const heading = useRef<HTMLHeadingElement>(null);
  const [changes, setChanges] = useState(0);
  useEffect(() => {
    if (changes > 0) heading.current?.focus();
  }, [changes]);
  return { heading, changed: () => setChanges((count) => count + 1) };
}

function ForgetAccount({
  client,
  platform,
  label,
  onChanged,
}: {
  client: ShareClient;
  platform: DirectPostingPlatform;
  label: string;
  onChanged: (accounts: ShareAccounts) => void;
}) {
  const { failure, busy, submit } = useSubmission();
  return (
    <>
      <button
        type="button"
        className="button"
        disabled={busy}
        onClick={() => void submit(() => client.forgetAccount({ platform }), onChanged)}
      >
        {label}
      </button>
      <FormFailure message={failure} />
    </>
  );
}

interface BlueskyAccountProps {
  client: ShareClient;
  account: ShareAccounts['bluesky'];
  onChanged: (accounts: ShareAccounts, message: string) => void;
}

function BlueskyAccount({ client, account, onChanged }: BlueskyAccountProps) {
  const headingId = useId();
  const hintId = useId();
  const { heading, changed: focusHeading } = useFocusAfterChange();
  const [service, setService] = useState(DEFAULT_BLUESKY_SERVER);
  const [identifier, setIdentifier] = useState('');
  const [appPassword, setAppPassword] = useState('');
  const { failure, setFailure, busy, submit } = useSubmission();

  const changed = (accounts: ShareAccounts, message: string) => {
    setAppPassword('');
    onChanged(accounts, message);
    focusHeading();
  };

  const save = (event: FormEvent) => {
    event.preventDefault();
    if (identifier.trim() === '' || appPassword.trim() === '') {
      setFailure('Give your handle or e-mail and an app password.');
      return;
    }
    void submit(
      () =>
        client.setAccount({
          platform: 'bluesky',
          service: service.trim() === '' ? DEFAULT_BLUESKY_SERVER : service.trim(),
          identifier: identifier.trim(),
          appPassword: appPassword.trim(),
        }),
      (accounts) => changed(accounts, 'Saved your Bluesky account.'),
    );
  };

  return (
    <section className="share-account" aria-labelledby={headingId}>
      <h3 id={headingId} className="share-subheading" ref={heading} tabIndex={-1}>
        Bluesky
      </h3>
      {account !== null ? (
        <>
          <p className="dialog-text">Bluesky: {account.identifier}</p>
          {account.service !== DEFAULT_BLUESKY_SERVER ? (
            <p className="share-hint">On {account.service}</p>
          ) : null}
          <ForgetAccount
            client={client}
            platform="bluesky"
            label="Forget Bluesky account"
            onChanged={(accounts) => changed(accounts, 'Rounds forgot your Bluesky account.')}
          />
        </>
      ) : (
        <form className="dialog-form" onSubmit={save} noValidate>
          <TextInput label="Bluesky server" value={service} onChange={setService} maxLength={300} />
          <TextInput
            label="Handle or e-mail"
            spaced
            autoComplete="username"
            placeholder="you.bsky.social"
            value={identifier}
            onChange={setIdentifier}
            maxLength={300}
          />
          <TextInput
            label="App password"
            spaced
            type="password"
            autoComplete="off"
            aria-describedby={hintId}
            value={appPassword}
            onChange={setAppPassword}
            maxLength={300}
          />
          <p id={hintId} className="share-hint">
            Create an app password in Bluesky (Settings → Privacy and security → App passwords) and
            paste it here: never your main password.
          </p>
          <FormFailure message={failure} />
          <div className="share-actions">
            <button type="submit" className="button button-primary" disabled={busy}>
              Save Bluesky account
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

interface MastodonAccountProps {
  client: ShareClient;
  account: ShareAccounts['mastodon'];
  settings: ShareSettings;
  onChanged: (accounts: ShareAccounts, message: string) => void;
  onSettingsSaved: (settings: ShareSettings, message: string) => void;
}

/** The post limit as typed, or null when it is not a whole number the contract accepts. */
function parseLimit(text: string): number | null {
  const limit = Number(text.trim());
  return Number.isInteger(limit) && limit >= MASTODON_LIMITS.min && limit <= MASTODON_LIMITS.max
    ? limit
    : null;
}

const LIMIT_REFUSED = `The post limit is a whole number of characters from ${MASTODON_LIMITS.min} to ${MASTODON_LIMITS.max.toLocaleString('en')}.`;

function MastodonAccount({
  client,
  account,
  settings,
  onChanged,
  onSettingsSaved,
}: MastodonAccountProps) {
  const headingId = useId();
  const tokenHintId = useId();
  const limitId = useId();
  const limitHintId = useId();
  const { heading, changed: focusHeading } = useFocusAfterChange();
  const [instance, setInstance] = useState(settings.mastodonInstance ?? '');
  const [accessToken, setAccessToken] = useState('');
  const [limitText, setLimitText] = useState(String(settings.mastodonLimit));
  const { failure, setFailure, busy, submit } = useSubmission();

  const changed = (accounts: ShareAccounts, message: string) => {
    setAccessToken('');
    onChanged(accounts, message);
    focusHeading();
  };

  // The instance is kept in the settings as well: compose links need it, with or without a token.
  const saveSettings = async (mastodonInstance: string | null, limit: number) => {
    const saved = await client.setSettings({ mastodonInstance, mastodonLimit: limit });
    if (!saved.ok) setFailure(saved.message);
    return saved;
  };

  const saveAccount = (event: FormEvent) => {
    event.preventDefault();
    const limit = parseLimit(limitText);
    if (instance.trim() === '' || accessToken.trim() === '') {
      setFailure('Give your instance’s address and an access token.');
      return;
    }
    if (limit === null) {
      setFailure(LIMIT_REFUSED);
      return;
    }
    void submit(
      () =>
        client.setAccount({
          platform: 'mastodon',
          instance: instance.trim(),
          accessToken: accessToken.trim(),
        }),
      (accounts) => {
        changed(accounts, 'Saved your Mastodon account.');
        void saveSettings(accounts.mastodon?.instance ?? instance.trim(), limit).then((saved) => {
          if (saved.ok) onSettingsSaved(saved.value, 'Saved your Mastodon account.');
        });
      },
    );
  };

  const saveLimit = () => {
    const limit = parseLimit(limitText);
    if (limit === null) {
      setFailure(LIMIT_REFUSED);
      return;
    }
    const typedInstance = instance.trim() === '' ? null : instance.trim();
    void submit(
      () =>
        client.setSettings({
          mastodonInstance: account?.instance ?? typedInstance,
          mastodonLimit: limit,
        }),
      (saved) =>
        onSettingsSaved(
          saved,
          account === null && typedInstance !== null
            ? 'Saved the instance and the post limit.'
            : 'Saved the post limit.',
        ),
    );
  };

  const limitField = (
    <>
      <label className="field-label field-label-spaced" htmlFor={limitId}>
        Mastodon post limit
      </label>
      <input
        id={limitId}
        className="text-field share-number"
        type="number"
        inputMode="numeric"
        min={MASTODON_LIMITS.min}
        max={MASTODON_LIMITS.max}
        step={1}
        aria-describedby={limitHintId}
        value={limitText}
        onChange={(event) => setLimitText(event.target.value)}
      />
      <p id={limitHintId} className="share-hint">
        Characters per post on your instance; most allow 500. Threads are split to fit it.
      </p>
    </>
  );

  return (
    <section className="share-account" aria-labelledby={headingId}>
      <h3 id={headingId} className="share-subheading" ref={heading} tabIndex={-1}>
        Mastodon
      </h3>
      {account !== null ? (
        <>
          <p className="dialog-text">Mastodon: {account.instance}</p>
          <ForgetAccount
            client={client}
            platform="mastodon"
            label="Forget Mastodon account"
            onChanged={(accounts) => changed(accounts, 'Rounds forgot your Mastodon account.')}
          />
          {limitField}
          <FormFailure message={failure} />
          <div className="share-actions">
            <button type="button" className="button" disabled={busy} onClick={saveLimit}>
              Save post limit
            </button>
          </div>
        </>
      ) : (
        <form className="dialog-form" onSubmit={saveAccount} noValidate>
          <TextInput
            label="Mastodon instance"
            placeholder="https://mastodon.social"
            value={instance}
            onChange={setInstance}
            maxLength={300}
          />
          <TextInput
            label="Access token"
            spaced
            type="password"
            autoComplete="off"
            aria-describedby={tokenHintId}
            value={accessToken}
            onChange={setAccessToken}
            maxLength={500}
          />
          <p id={tokenHintId} className="share-hint">
            On your instance, open Preferences → Development → New application, allow it to write
            statuses and media, and paste its access token here.
          </p>
          {limitField}
          <FormFailure message={failure} />
          <div className="share-actions">
            <button type="submit" className="button button-primary" disabled={busy}>
              Save Mastodon account
            </button>
            <button type="button" className="button" disabled={busy} onClick={saveLimit}>
              Save instance and limit only
            </button>
          </div>
          <p className="share-hint">
            The instance alone is enough to open Mastodon’s own compose page from a summary.
          </p>
        </form>
      )}
    </section>
  );
}
