import type { Club } from '@shared/contract';
import { checkTimeZone } from '@shared/domain/club/time/zonedTime';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { FormFailure } from '../../ui/FormFailure';
import { TextField } from '../../ui/TextField';
import type { ClubClient } from './clubClient';

export interface CreateClubFormProps {
  client: ClubClient;
  /** The window's zone, offered as the club's. */
  viewerZone: string;
  onCreated: (club: Club) => void;
  /** Leaves the form (when the user already has a club to go back to). */
  onCancel?: () => void;
  /** Shown under the form: joining by bundle instead. */
  children?: ReactNode;
}

/** "Create a club": its name, hashtag and the zone it meets in; the user is its organiser. */
export function CreateClubForm({
  client,
  viewerZone,
  onCreated,
  onCancel,
  children,
}: CreateClubFormProps) {
  const ids = { name: useId(), hashtag: useId(), zone: useId(), heading: useId() };
  const [name, setName] = useState('');
  const [hashtag, setHashtag] = useState('');
  const [timeZone, setTimeZone] = useState(viewerZone);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '') return setFailure('Give the club a name.');
    const zone = checkTimeZone(timeZone.trim());
    if (!zone.ok) return setFailure(zone.message);
    const tag = hashtag.trim();
    setBusy(true);
    const result = await client.createClub({
      name,
      hashtag: tag === '' || tag.startsWith('#') ? tag : `#${tag}`,
      timeZone: zone.zone,
    });
    setBusy(false);
    if (!result.ok) return setFailure(result.message);
    setFailure(null);
    onCreated(result.value);
  };

  return (
    <div className="club-card">
      <form aria-labelledby={ids.heading} onSubmit={(event) => void create(event)} noValidate>
        <h1 id={ids.heading} className="club-title">
          Create a club
        </h1>
        <TextField
          id={ids.name}
          label="Club name"
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
        <TextField
          id={ids.hashtag}
          label="Hashtag"
          spaced
          placeholder="#NephJC"
          value={hashtag}
          onChange={(event) => setHashtag(event.target.value)}
        />
        <TextField
          id={ids.zone}
          label="Time zone"
          spaced
          value={timeZone}
          onChange={(event) => setTimeZone(event.target.value)}
        />
        <FormFailure message={failure} />
        <div className="club-actions">
          {onCancel ? (
            <button type="button" className="button" onClick={onCancel}>
              Cancel
            </button>
          ) : null}
          <button type="submit" className="button button-primary" disabled={busy}>
            Create club
          </button>
        </div>
      </form>
      {children}
    </div>
  );
}
