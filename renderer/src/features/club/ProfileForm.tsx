import type { ClubProfile } from '@shared/contract';
import { useState, type FormEvent } from 'react';
import { ClubCardForm } from './ClubCardForm';
import { TextInput } from './TextInput';
import type { ClubClient } from './clubClient';
import { useSubmission } from './useSubmission';

export interface ProfileFormProps {
  client: ClubClient;
  profile: ClubProfile;
  onSaved: (profile: ClubProfile) => void;
}

/** "Your profile": who the user is in every club, asked for once before the first club. */
export function ProfileForm({ client, profile, onSaved }: ProfileFormProps) {
  const [name, setName] = useState(profile.name);
  const [profession, setProfession] = useState(profile.profession);
  const [cpdBody, setCpdBody] = useState(profile.cpdBody);
  const { failure, setFailure, busy, submit } = useSubmission();

  const save = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '')
      return setFailure('Give your name: members see it beside your answers.');
    void submit(() => client.setProfile({ name, profession, cpdBody }), onSaved);
  };

  return (
    <div className="club-card">
      <ClubCardForm
        heading="Your profile"
        submitLabel="Save profile"
        busy={busy}
        failure={failure}
        onSubmit={save}
      >
        <p className="club-hint">
          Your name is shown to the club beside your answers; your CPD log says who it is reported
          to.
        </p>
        <TextInput label="Your name" value={name} onChange={setName} autoComplete="name" />
        <TextInput label="Profession" spaced value={profession} onChange={setProfession} />
        <TextInput label="CPD reported to" spaced value={cpdBody} onChange={setCpdBody} />
      </ClubCardForm>
    </div>
  );
}
