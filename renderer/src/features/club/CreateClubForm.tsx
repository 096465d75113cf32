import type { Club } from '@shared/contract';
import { checkTimeZone } from '@shared/domain/club/time/zonedTime';
import { useState, type FormEvent, type ReactNode } from 'react';
import { ClubCardForm } from './ClubCardForm';
import { TextInput } from './TextInput';
import type { ClubClient } from './clubClient';
import { useSubmission } from './useSubmission';

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
  const [name, setName] = useState('');
  const [hashtag, setHashtag] = useState('');
  const [timeZone, setTimeZone] = useState(viewerZone);
  const { failure, setFailure, busy, submit } = useSubmission();

  const create = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '') return setFailure('Give the club a name.');
    const zone = checkTimeZone(timeZone.trim());
    if (!zone.ok) return setFailure(zone.message);
    const tag = hashtag.trim();
    void submit(
      () =>
        client.createClub({
          name,
          hashtag: tag === '' || tag.startsWith('#') ? tag : `#${tag}`,
          timeZone: zone.zone,
        }),
      onCreated,
    );
  };

  return (
    <div className="club-card">
      <ClubCardForm
        heading="Create a club"
        submitLabel="Create club"
        busy={busy}
        failure={failure}
        onSubmit={create}
        onCancel={onCancel}
      >
        <TextInput label="Club name" value={name} onChange={setName} />
        <TextInput
          label="Hashtag"
          spaced
          placeholder="#NephJC"
          value={hashtag}
          onChange={setHashtag}
        />
        <TextInput label="Time zone" spaced value={timeZone} onChange={setTimeZone} />
      </ClubCardForm>
      {children}
    </div>
  );
}
