import type { SessionView } from '@shared/contract';
import { useId, useState, type FormEvent } from 'react';
import { FormFailure } from '../../../ui/FormFailure';
import { ClubField } from '../ClubField';
import type { ChangeSession } from './sessionEdits';

export interface ActionsSectionProps {
  view: SessionView;
  editable: boolean;
  change: ChangeSession;
}

/** "Action items": what the club will do, who does it, by when, and whether it is done. */
export function ActionsSection({ view, editable, change }: ActionsSectionProps) {
  const headingId = useId();
  const [text, setText] = useState('');
  const [ownerId, setOwnerId] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [failure, setFailure] = useState<string | null>(null);

  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (text.trim() === '') return setFailure('Say what the action is.');
    const message = await change({
      kind: 'action',
      item: {
        text,
        ownerId: ownerId === '' ? null : ownerId,
        dueDate: dueDate === '' ? null : dueDate,
        done: false,
      },
    });
    setFailure(message);
    if (message !== null) return;
    setText('');
    setOwnerId('');
    setDueDate('');
  };

  const run = async (work: Promise<string | null>) => setFailure(await work);

  return (
    <section className="club-section" aria-labelledby={headingId}>
      <h2 id={headingId}>Action items</h2>
      {view.actions.length === 0 ? (
        <p className="club-hint">No actions yet.</p>
      ) : (
        <ul className="club-actions-list" aria-labelledby={headingId}>
          {view.actions.map((action) => (
            <li key={`${action.addedBy}:${action.actionId}`} className="club-action-item">
              <label className="club-check">
                <input
                  type="checkbox"
                  checked={action.item.done}
                  disabled={!editable}
                  aria-label={`Done: ${action.item.text}`}
                  onChange={(event) =>
                    void run(
                      change({
                        kind: 'action',
                        actionId: action.actionId,
                        addedBy: action.addedBy,
                        item: { ...action.item, done: event.target.checked },
                      }),
                    )
                  }
                />
                <span
                  className={action.item.done ? 'club-action-text is-done' : 'club-action-text'}
                >
                  {action.item.text}
                </span>
              </label>
              <span className="club-action-facts">
                {action.ownerName !== null ? `Owner: ${action.ownerName}` : 'No owner'}
                {action.item.dueDate !== null ? ` · Due ${action.item.dueDate}` : ''}
                {action.item.done ? ' · Done' : ''}
              </span>
              <button
                type="button"
                className="button button-small"
                disabled={!editable}
                aria-label={`Remove action: ${action.item.text}`}
                onClick={() =>
                  void run(
                    change({
                      kind: 'removeAction',
                      actionId: action.actionId,
                      addedBy: action.addedBy,
                    }),
                  )
                }
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="club-inline-form" onSubmit={(event) => void add(event)} noValidate>
        <ClubField label="New action">
          {(id) => (
            <input
              id={id}
              type="text"
              className="text-field"
              maxLength={500}
              value={text}
              disabled={!editable}
              onChange={(event) => setText(event.target.value)}
            />
          )}
        </ClubField>
        <ClubField label="Owner">
          {(id) => (
            <select
              id={id}
              className="text-field select-field"
              value={ownerId}
              disabled={!editable}
              onChange={(event) => setOwnerId(event.target.value)}
            >
              <option value="">No owner</option>
              {view.members.map((member) => (
                <option key={member.memberId} value={member.memberId}>
                  {member.name}
                </option>
              ))}
            </select>
          )}
        </ClubField>
        <ClubField label="Due date">
          {(id) => (
            <input
              id={id}
              type="date"
              className="text-field"
              value={dueDate}
              disabled={!editable}
              onChange={(event) => setDueDate(event.target.value)}
            />
          )}
        </ClubField>
        <button type="submit" className="button" disabled={!editable}>
          Add action
        </button>
      </form>
      <FormFailure message={failure} />
    </section>
  );
}
