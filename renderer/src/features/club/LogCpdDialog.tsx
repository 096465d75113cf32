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
import { TextField } from '../../ui/TextField';
import { useIsMounted } from '../../ui/useIsMounted';
import type { ClubClient } from './clubClient';

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

/** "1.25", not "1.25000": hours as the member would type them. */
function hoursText(hours: number): string {
  return String(hours);
}

/** "Log CPD": hours, the kind of activity and the reflection, for the member's own log. */
export function LogCpdDialog({ client, target, onSaved, onClose }: LogCpdDialogProps) {
  const ids = { hours: useId(), type: useId(), learned: useId(), change: useId() };
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
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const isMounted = useIsMounted();
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
  }, [client, draftSessionId]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (entry === null) return;
    const parsed = parseCpdHours(hours);
    if (!parsed.ok) return setFailure(parsed.message);
    setBusy(true);
    const result = await client.saveCpdEntry({
      ...(target.kind === 'edit' ? { id: target.entry.id } : {}),
      sessionId: entry.session.id,
      date: entry.date,
      citation: entry.citation,
      hours: parsed.hours,
      type,
      learned,
      willChange,
    });
    if (!isMounted()) return;
    setBusy(false);
    if (!result.ok) return setFailure(result.message);
    onSaved(result.value);
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
          <TextField
            id={ids.hours}
            label="Hours"
            inputMode="decimal"
            value={hours}
            onChange={(event) => setHours(event.target.value)}
            data-autofocus
          />
          <p className="club-hint">In quarter hours: 0.25, 0.5, 0.75, 1…</p>
          <FormField controlId={ids.type} label="Type" spaced>
            <select
              id={ids.type}
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
          <FormField controlId={ids.learned} label="What I learned" spaced>
            <textarea
              id={ids.learned}
              className="text-field club-textarea"
              rows={3}
              maxLength={5_000}
              value={learned}
              onChange={(event) => setLearned(event.target.value)}
            />
          </FormField>
          <FormField controlId={ids.change} label="What I will change" spaced>
            <textarea
              id={ids.change}
              className="text-field club-textarea"
              rows={3}
              maxLength={5_000}
              value={willChange}
              onChange={(event) => setWillChange(event.target.value)}
            />
          </FormField>
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
