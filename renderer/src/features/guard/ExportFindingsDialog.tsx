import {
  PHI_TYPE_NAMES,
  type ExportFinding,
  type KeptFinding,
} from '@shared/domain/guard/exportGuard';
import { DISMISSAL_REASON_LABELS, type DismissalReason } from '@shared/domain/guard/findings';
import { useId, useState, type FormEvent } from 'react';
import { FormFailure } from '../../ui/FormFailure';
import { ModalDialog } from '../../ui/ModalDialog';
import { useIsMounted } from '../../ui/useIsMounted';
import './exportFindings.css';
import { KeepReasonFields, keepReasonProblem } from './KeepReasonFields';

export interface ExportFindingsDialogProps {
  /** What the guard found in the file about to be written; at least one. */
  findings: readonly ExportFinding[];
  /** Where the user goes to take a finding out instead: "the highlight or note", "the session". */
  editWhat: string;
  /** Exports with these findings kept; resolves with the refusal's message, or null once done. */
  onExport: (kept: KeptFinding[]) => Promise<string | null>;
  onCancel: () => void;
}

/** One decision per type and text: the same words kept once are kept wherever they appear. */
const keyOf = (finding: Pick<ExportFinding, 'type' | 'text'>) =>
  `${finding.type}\u0000${finding.text}`;

/** "Name “John Smith” in Your note on “reduced kidney…”", as the list and the form name it. */
export function describeExportFinding(finding: ExportFinding): string {
  return `${PHI_TYPE_NAMES[finding.type]} “${finding.text}” in ${finding.where}`;
}

/**
 * The privacy guard's stop before an export or bundle leaves the computer. Such a file is built
 * from highlights, notes and a session's records, which cannot be redacted on the way out: the
 * user either edits the source and exports again, or keeps each finding with a reason.
 */
export function ExportFindingsDialog({
  findings,
  editWhat,
  onExport,
  onCancel,
}: ExportFindingsDialogProps) {
  const [kept, setKept] = useState<ReadonlyMap<string, KeptFinding>>(new Map());
  const [open, setOpen] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const descriptionId = useId();
  const isMounted = useIsMounted();
  const allKept = findings.every((finding) => kept.has(keyOf(finding)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!allKept) return;
    setBusy(true);
    setFailure(null);
    const message = await onExport([...kept.values()]);
    if (!isMounted()) return;
    setBusy(false);
    if (message !== null) setFailure(message);
  };

  return (
    <ModalDialog
      title="Before this leaves your computer"
      describedBy={descriptionId}
      size="wide"
      onClose={onCancel}
    >
      <p id={descriptionId} className="dialog-text">
        Rounds found text that may identify a patient. To remove it, edit {editWhat} instead and
        export again; to leave it in, keep each one with a reason.
      </p>
      <ul className="export-findings" aria-label="Possible patient identifiers">
        {findings.map((finding, index) => {
          const key = keyOf(finding);
          const decision = kept.get(key);
          return (
            <li key={`${key}\u0000${finding.where}\u0000${index}`} className="export-finding">
              <div className="export-finding-line">
                <span className="export-finding-text">{describeExportFinding(finding)}</span>
                {decision ? (
                  <span className="export-finding-kept">
                    Kept: {DISMISSAL_REASON_LABELS[decision.reason]}{' '}
                    <button
                      type="button"
                      className="button button-small"
                      onClick={() =>
                        setKept((current) => {
                          const next = new Map(current);
                          next.delete(key);
                          return next;
                        })
                      }
                    >
                      Don’t keep “{finding.text}”
                    </button>
                  </span>
                ) : (
                  <button
                    type="button"
                    className="button button-small"
                    aria-expanded={open === key}
                    onClick={() => setOpen(open === key ? null : key)}
                  >
                    Keep “{finding.text}”…
                  </button>
                )}
              </div>
              {open === key && !decision ? (
                <KeepForm
                  finding={finding}
                  onKeep={(decided) => {
                    setKept((current) => new Map(current).set(key, decided));
                    setOpen(null);
                  }}
                />
              ) : null}
            </li>
          );
        })}
      </ul>
      <form onSubmit={(event) => void submit(event)}>
        <FormFailure message={failure} />
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={!allKept || busy}>
            {busy ? 'Exporting…' : 'Export'}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}

interface KeepFormProps {
  finding: ExportFinding;
  onKeep: (kept: KeptFinding) => void;
}

/** Why one finding may stay: a reason, and the user's own words when the reason is "other". */
function KeepForm({ finding, onKeep }: KeepFormProps) {
  const [reason, setReason] = useState<DismissalReason | null>(null);
  const [note, setNote] = useState('');
  const [failure, setFailure] = useState<string | null>(null);

  const keep = () => {
    const problem = keepReasonProblem(reason, note);
    if (problem !== null || reason === null) return setFailure(problem);
    onKeep({
      type: finding.type,
      text: finding.text,
      reason,
      ...(note.trim() !== '' ? { note: note.trim() } : {}),
    });
  };

  return (
    <div className="export-finding-form">
      <KeepReasonFields
        reason={reason}
        note={note}
        onReason={(choice) => {
          setReason(choice);
          setFailure(null);
        }}
        onNote={setNote}
        noteClassName="export-finding-note"
      />
      <FormFailure message={failure} />
      <button type="button" className="button" onClick={keep}>
        Keep
      </button>
    </div>
  );
}
