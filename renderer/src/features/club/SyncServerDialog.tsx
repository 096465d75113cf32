import type { Club } from '@shared/contract';
import { useId, useState, type FormEvent } from 'react';
import { DialogActions } from '../../ui/DialogActions';
import { FormFailure } from '../../ui/FormFailure';
import { ModalDialog } from '../../ui/ModalDialog';
import { TextInput } from './TextInput';
import type { ClubClient } from './clubClient';
import { describeSync } from './clubText';
import { useSubmission, type ClubResult } from './useSubmission';

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
  const stateId = useId();
  const [address, setAddress] = useState(club.sync.serverUrl ?? '');
  const [token, setToken] = useState('');
  const [said, setSaid] = useState<string | null>(null);
  const { failure, busy, submit } = useSubmission();

  const run = (work: () => Promise<ClubResult<Club>>, news: string) => {
    setSaid(null);
    void submit(work, (changed) => {
      setSaid(news);
      setToken('');
      onChanged(changed);
    });
  };

  const save = (event: FormEvent) => {
    event.preventDefault();
    const serverUrl = address.trim() === '' ? null : address.trim();
    run(
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
    <ModalDialog title="Sync server" onClose={onClose} describedBy={stateId}>
      <p id={stateId} className="dialog-text" role="status">
        {describeSync(club.sync)}
      </p>
      <form className="dialog-form" onSubmit={save} noValidate>
        <TextInput
          label="Server address"
          placeholder="wss://club.example.org"
          value={address}
          onChange={setAddress}
          data-autofocus
        />
        <TextInput
          label="Access token"
          type="password"
          spaced
          autoComplete="off"
          placeholder={club.sync.hasToken ? 'Saved (type a new one to replace it)' : ''}
          value={token}
          onChange={setToken}
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
              run(
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
