import type { CpdEntry, CpdLogView } from '@shared/contract';
import {
  CPD_ENTRY_TYPE_LABELS,
  CPD_ENTRY_TYPES,
  parseCpdHours,
  type CpdEntryType,
} from '@shared/domain/club/cpd/cpdEntry';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { DialogActions } from '../../ui/DialogActions';
import { FormFailure } from '../../ui/FormFailure';
import { FormField } from '../../ui/FormField';
import { ModalDialog } from '../../ui/ModalDialog';
import { TextInput } from './TextInput';
import type { ClubClient } from './clubClient';
import { TextAreaField } from './TextAreaField';
import { useSubmission } from './useSubmission';

/** A new entry for a session (prefilled by the backend), or an entry of the log to change. */
export type CpdEntryToLog = { kind: 'new'; sessionId: string } | { kind: 'edit'; entry: CpdEntry };

export interface LogCpdDialogProps {
  client: ClubClient;
  target: CpdEntryToLog;
  onSaved: (log: CpdLogView) => void;
  onClose: () => void;
}

/** "Journal club (live)" as a choice reads with a capital, the label the CSV uses without. */
export function cpdTypeName(type: CpdEntryType): string {
  const label = CPD_ENTRY_TYPE_LABELS[type];
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/** What the log keeps of each reflection (the contract's limit). */
const REFLECTION_MAX_LENGTH = 5_000;

/** "1.25", not "1.25000": hours as the member would type them. */
function hoursText(hours: number): string {
  return String(hours);
}

/** "Log CPD": hours, the kind of activity and the reflection, for the member's own log. */
export function LogCpdDialog({ client, target, onSaved, onClose }: LogCpdDialogProps) {
  const typeId = useId();
  const [entry, setEntry] = useState<CpdEntry | null>(target.kind === 'edit' ? target.entry : null);
  const [hours, setHours] = useState(target.kind === 'edit' ? hoursText(target.entry.hours) : '');
  const [type, setType] = useState<CpdEntryType>(
    target.kind === 'edit' ? target.entry.type : 'journal-club-live',
  );
  const [learned, setLearned] = useState(
    target.kind === 'edit' ? target.entry.reflection.learned : '',
  );
  const [willChange, setWillChange] = useState(
    target.kind === 'edit' ? target.entry.reflection.willChange : '',
  );
  const { failure, setFailure, busy, submit } = useSubmission();
  const draftSessionId = target.kind === 'new' ? target.sessionId : null;

  useEffect(() => {
    if (draftSessionId === null) return;
    let current = true;
    void client.cpdDraft({ sessionId: draftSessionId }).then((result) => {
      if (!current) return;
      if (!result.ok) return setFailure(result.message);
      setEntry(result.value);
      setHours(hoursText(result.value.hours));
      setType(result.value.type);
      setLearned(result.value.reflection.learned);
      setWillChange(result.value.reflection.willChange);
    });
    return () => {
      current = false;
    };
  }, [client, draftSessionId, setFailure]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (entry === null) return;
    const parsed = parseCpdHours(hours);
    if (!parsed.ok) return setFailure(parsed.message);
    await submit(
      () =>
        client.saveCpdEntry({
          ...(target.kind === 'edit' ? { id: target.entry.id } : {}),
          sessionId: entry.session.id,
          date: entry.date,
          citation: entry.citation,
          hours: parsed.hours,
          type,
          learned,
          willChange,
        }),
      onSaved,
    );
  };

  return (
    <ModalDialog title="Log CPD" onClose={onClose}>
      {entry === null ? (
        failure === null ? (
          <p className="dialog-text">Preparing the entry…</p>
        ) : (
          <FormFailure message={failure} />
        )
      ) : (
        <form className="dialog-form" onSubmit={(event) => void save(event)} noValidate>
          <p className="dialog-text">
            {entry.session.title}: {entry.citation}
          </p>
          <TextInput
            label="Hours"
            inputMode="decimal"
            value={hours}
            onChange={setHours}
            data-autofocus
          />
          <p className="club-hint">In quarter hours: 0.25, 0.5, 0.75, 1…</p>
          <FormField controlId={typeId} label="Type" spaced>
            <select
              id={typeId}
              className="text-field select-field"
              value={type}
              onChange={(event) => setType(event.target.value as CpdEntryType)}
            >
              {CPD_ENTRY_TYPES.map((choice) => (
                <option key={choice} value={choice}>
                  {cpdTypeName(choice)}
                </option>
              ))}
            </select>
          </FormField>
          <TextAreaField
            label="What I learned"
            spaced
            maxLength={REFLECTION_MAX_LENGTH}
            value={learned}
            onChange={setLearned}
          />
          <TextAreaField
            label="What I will change"
            spaced
            maxLength={REFLECTION_MAX_LENGTH}
            value={willChange}
            onChange={setWillChange}
          />
          <FormFailure message={failure} />
          <DialogActions
            onCancel={onClose}
            submit={{ label: 'Save CPD entry', busyLabel: 'Saving…', busy }}
          />
        </form>
      )}
    </ModalDialog>
  );
}
