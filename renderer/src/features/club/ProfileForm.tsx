import type { ClubProfile } from '@shared/contract';
import { useId, useState, type FormEvent } from 'react';
import { FormFailure } from '../../ui/FormFailure';
import { TextField } from '../../ui/TextField';
import type { ClubClient } from './clubClient';

export interface ProfileFormProps {
  client: ClubClient;
  profile: ClubProfile;
  onSaved: (profile: ClubProfile) => void;
}

/** "Your profile": who the user is in every club, asked for once before the first club. */
export function ProfileForm({ client, profile, onSaved }: ProfileFormProps) {
  const ids = { name: useId(), profession: useId(), body: useId(), heading: useId() };
  const [name, setName] = useState(profile.name);
  const [profession, setProfession] = useState(profile.profession);
  const [cpdBody, setCpdBody] = useState(profile.cpdBody);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '')
      return setFailure('Give your name: members see it beside your answers.');
    setBusy(true);
    const result = await client.setProfile({ name, profession, cpdBody });
    setBusy(false);
    if (!result.ok) return setFailure(result.message);
    setFailure(null);
    onSaved(result.value);
  };

  return (
    <form
      className="club-card"
      aria-labelledby={ids.heading}
      onSubmit={(event) => void save(event)}
      noValidate
    >
      <h1 id={ids.heading} className="club-title">
        Your profile
      </h1>
      <p className="club-hint">
        Your name is shown to the club beside your answers; your CPD log says who it is reported to.
      </p>
      <TextField
        id={ids.name}
        label="Your name"
        value={name}
        onChange={(event) => setName(event.target.value)}
        autoComplete="name"
      />
      <TextField
        id={ids.profession}
        label="Profession"
        spaced
        value={profession}
        onChange={(event) => setProfession(event.target.value)}
      />
      <TextField
        id={ids.body}
        label="CPD reported to"
        spaced
        value={cpdBody}
        onChange={(event) => setCpdBody(event.target.value)}
      />
      <FormFailure message={failure} />
      <div className="club-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          Save profile
        </button>
      </div>
    </form>
  );
}
