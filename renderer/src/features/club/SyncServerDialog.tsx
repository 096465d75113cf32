import type { Club } from '@shared/contract';
import { useId, useState, type FormEvent } from 'react';
import { DialogActions } from '../../ui/DialogActions';
import { FormFailure } from '../../ui/FormFailure';
import { ModalDialog } from '../../ui/ModalDialog';
import { TextField } from '../../ui/TextField';
import { useIsMounted } from '../../ui/useIsMounted';
import type { ClubClient } from './clubClient';
import { describeSync } from './clubText';

export interface SyncServerDialogProps {
  client: ClubClient;
  club: Club;
  onChanged: (club: Club) => void;
  onClose: () => void;
}

/**
 * "Sync server": where the club's server is and its access token (never shown again once saved),
 * and working offline or online. Without a server, members exchange bundles instead.
 */
export function SyncServerDialog({ client, club, onChanged, onClose }: SyncServerDialogProps) {
  const ids = { address: useId(), token: useId(), state: useId() };
  const [address, setAddress] = useState(club.sync.serverUrl ?? '');
  const [token, setToken] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [said, setSaid] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const isMounted = useIsMounted();

  const run = async (
    work: () => Promise<{ ok: true; value: Club } | { ok: false; message: string }>,
    news: string,
  ) => {
    setBusy(true);
    setSaid(null);
    const result = await work();
    if (!isMounted()) return;
    setBusy(false);
    if (!result.ok) return setFailure(result.message);
    setFailure(null);
    setSaid(news);
    setToken('');
    onChanged(result.value);
  };

  const save = (event: FormEvent) => {
    event.preventDefault();
    const serverUrl = address.trim() === '' ? null : address.trim();
    void run(
      () =>
        client.setSyncServer({
          clubId: club.clubId,
          serverUrl,
          ...(token.trim() === '' ? {} : { token: token.trim() }),
        }),
      serverUrl === null ? 'The club has no sync server now.' : 'Saved.',
    );
  };

  const working = club.sync.status !== 'off';
  return (
    <ModalDialog title="Sync server" onClose={onClose} describedBy={ids.state}>
      <p id={ids.state} className="dialog-text" role="status">
        {describeSync(club.sync)}
      </p>
      <form className="dialog-form" onSubmit={save} noValidate>
        <TextField
          id={ids.address}
          label="Server address"
          placeholder="wss://club.example.org"
          value={address}
          onChange={(event) => setAddress(event.target.value)}
          data-autofocus
        />
        <TextField
          id={ids.token}
          label="Access token"
          type="password"
          spaced
          autoComplete="off"
          placeholder={club.sync.hasToken ? 'Saved (type a new one to replace it)' : ''}
          value={token}
          onChange={(event) => setToken(event.target.value)}
        />
        <FormFailure message={failure} />
        {said !== null ? <p className="dialog-text">{said}</p> : null}
        <div className="club-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            Save
          </button>
          <button
            type="button"
            className="button"
            disabled={busy || club.sync.serverUrl === null}
            onClick={() =>
              void run(
                () => client.setOnline({ clubId: club.clubId, online: !working }),
                working ? 'Working offline.' : 'Going online.',
              )
            }
          >
            {working ? 'Work offline' : 'Go online'}
          </button>
        </div>
        <DialogActions onCancel={onClose} cancelLabel="Close" />
      </form>
    </ModalDialog>
  );
}
