import { CLUB_ROLES, type Club, type ClubMember, type ClubRole } from '@shared/contract';
import { useId, useState, type FormEvent } from 'react';
import { DialogActions } from '../../ui/DialogActions';
import { FormFailure } from '../../ui/FormFailure';
import { FormField } from '../../ui/FormField';
import { ModalDialog } from '../../ui/ModalDialog';
import { TextField } from '../../ui/TextField';
import { useIsMounted } from '../../ui/useIsMounted';
import type { ClubClient } from './clubClient';

export const ROLE_NAMES: Record<ClubRole, string> = {
  organiser: 'Organiser',
  presenter: 'Presenter',
  member: 'Member',
};

export interface RosterDialogProps {
  client: ClubClient;
  club: Club;
  myMemberId: string;
  onChanged: (club: Club) => void;
  onClose: () => void;
}

interface MemberDraft {
  memberId: string | null;
  name: string;
  profession: string;
  role: ClubRole;
  handle: string;
}

const EMPTY_DRAFT: MemberDraft = {
  memberId: null,
  name: '',
  profession: '',
  role: 'member',
  handle: '',
};

/** "Members": the club's roster, to add members to, change, or remove. */
export function RosterDialog({ client, club, myMemberId, onChanged, onClose }: RosterDialogProps) {
  const ids = { name: useId(), profession: useId(), role: useId(), handle: useId() };
  const [draft, setDraft] = useState<MemberDraft>(EMPTY_DRAFT);
  const [failure, setFailure] = useState<string | null>(null);
  const isMounted = useIsMounted();

  const finish = (
    result: { ok: true; value: Club } | { ok: false; message: string },
    clear: boolean,
  ) => {
    if (!isMounted()) return;
    if (!result.ok) return setFailure(result.message);
    setFailure(null);
    if (clear) setDraft(EMPTY_DRAFT);
    onChanged(result.value);
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (draft.name.trim() === '') return setFailure('Give the member’s name.');
    const handle = draft.handle.trim();
    const result = await client.setMember({
      clubId: club.clubId,
      ...(draft.memberId !== null ? { memberId: draft.memberId } : {}),
      member: {
        name: draft.name,
        profession: draft.profession,
        role: draft.role,
        handle: handle === '' ? null : handle,
      },
    });
    finish(result, true);
  };

  const edit = (member: ClubMember) =>
    setDraft({
      memberId: member.memberId,
      name: member.name,
      profession: member.profession,
      role: member.role,
      handle: member.handle ?? '',
    });

  return (
    <ModalDialog title="Members" onClose={onClose} size="wide">
      <table className="club-table">
        <caption className="visually-hidden">Members of {club.name}</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Profession</th>
            <th scope="col">Role</th>
            <th scope="col">Handle</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {club.members.map((member) => (
            <tr key={member.memberId}>
              <th scope="row">
                {member.name}
                {member.memberId === myMemberId ? ' (you)' : ''}
              </th>
              <td>{member.profession}</td>
              <td>{ROLE_NAMES[member.role]}</td>
              <td>{member.handle ?? ''}</td>
              <td className="club-row-actions">
                <button type="button" className="button button-small" onClick={() => edit(member)}>
                  Edit {member.name}
                </button>
                {member.memberId !== myMemberId ? (
                  <button
                    type="button"
                    className="button button-small"
                    onClick={() =>
                      void client
                        .removeMember({ clubId: club.clubId, memberId: member.memberId })
                        .then((result) => finish(result, false))
                    }
                  >
                    Remove {member.name}
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="dialog-form" onSubmit={(event) => void save(event)} noValidate>
        <h3 className="club-subheading">
          {draft.memberId === null ? 'Add a member' : `Change ${draft.name}`}
        </h3>
        <TextField
          id={ids.name}
          label="Name"
          value={draft.name}
          onChange={(event) => setDraft({ ...draft, name: event.target.value })}
        />
        <TextField
          id={ids.profession}
          label="Profession"
          spaced
          value={draft.profession}
          onChange={(event) => setDraft({ ...draft, profession: event.target.value })}
        />
        <FormField controlId={ids.role} label="Role" spaced>
          <select
            id={ids.role}
            className="text-field select-field"
            value={draft.role}
            onChange={(event) => setDraft({ ...draft, role: event.target.value as ClubRole })}
          >
            {CLUB_ROLES.map((role) => (
              <option key={role} value={role}>
                {ROLE_NAMES[role]}
              </option>
            ))}
          </select>
        </FormField>
        <TextField
          id={ids.handle}
          label="Handle"
          spaced
          placeholder="@name.bsky.social"
          value={draft.handle}
          onChange={(event) => setDraft({ ...draft, handle: event.target.value })}
        />
        <FormFailure message={failure} />
        <div className="club-actions">
          {draft.memberId !== null ? (
            <button type="button" className="button" onClick={() => setDraft(EMPTY_DRAFT)}>
              Cancel change
            </button>
          ) : null}
          <button type="submit" className="button button-primary">
            {draft.memberId === null ? 'Add member' : 'Save member'}
          </button>
        </div>
        <DialogActions onCancel={onClose} cancelLabel="Close" />
      </form>
    </ModalDialog>
  );
}
