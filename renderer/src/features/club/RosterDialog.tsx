import { CLUB_ROLES, type Club, type ClubMember, type ClubRole } from '@shared/contract';
import { useId, useState, type FormEvent } from 'react';
import { DialogActions } from '../../ui/DialogActions';
import { FormFailure } from '../../ui/FormFailure';
import { FormField } from '../../ui/FormField';
import { ModalDialog } from '../../ui/ModalDialog';
import { TextInput } from './TextInput';
import type { ClubClient } from './clubClient';
import { RecordTableHead } from './RecordTableHead';
import { RowActions } from './RowActions';
import { useSubmission } from './useSubmission';

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
  const roleId = useId();
  const [draft, setDraft] = useState<MemberDraft>(EMPTY_DRAFT);
  const { failure, setFailure, submit } = useSubmission();

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (draft.name.trim() === '') return setFailure('Give the member’s name.');
    const handle = draft.handle.trim();
    await submit(
      () =>
        client.setMember({
          clubId: club.clubId,
          ...(draft.memberId !== null ? { memberId: draft.memberId } : {}),
          member: {
            name: draft.name,
            profession: draft.profession,
            role: draft.role,
            handle: handle === '' ? null : handle,
          },
        }),
      (changed) => {
        setDraft(EMPTY_DRAFT);
        onChanged(changed);
      },
    );
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
        <RecordTableHead columns={['Name', 'Profession', 'Role', 'Handle']} />
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
              <RowActions
                actions={[
                  { label: `Edit ${member.name}`, onClick: () => edit(member) },
                  member.memberId !== myMemberId
                    ? {
                        label: `Remove ${member.name}`,
                        onClick: () =>
                          void submit(
                            () =>
                              client.removeMember({
                                clubId: club.clubId,
                                memberId: member.memberId,
                              }),
                            onChanged,
                          ),
                      }
                    : null,
                ]}
              />
            </tr>
          ))}
        </tbody>
      </table>
      <form className="dialog-form" onSubmit={(event) => void save(event)} noValidate>
        <h3 className="club-subheading">
          {draft.memberId === null ? 'Add a member' : `Change ${draft.name}`}
        </h3>
        <TextInput
          label="Name"
          value={draft.name}
          onChange={(text) => setDraft({ ...draft, name: text })}
        />
        <TextInput
          label="Profession"
          spaced
          value={draft.profession}
          onChange={(text) => setDraft({ ...draft, profession: text })}
        />
        <FormField controlId={roleId} label="Role" spaced>
          <select
            id={roleId}
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
        <TextInput
          label="Handle"
          spaced
          placeholder="@name.bsky.social"
          value={draft.handle}
          onChange={(text) => setDraft({ ...draft, handle: text })}
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
