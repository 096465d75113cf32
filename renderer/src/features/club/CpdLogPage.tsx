import type { CpdEntry, CpdLogView } from '@shared/contract';
import { localDateIn } from '@shared/domain/club/time/zonedTime';
import { useEffect, useId, useState } from 'react';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { FormFailure } from '../../ui/FormFailure';
import { saveTextFile } from '../../ui/saveTextFile';
import { useIsMounted } from '../../ui/useIsMounted';
import type { ClubClient } from './clubClient';
import { cpdTypeName, LogCpdDialog } from './LogCpdDialog';
import { RecordTableHead } from './RecordTableHead';
import { RowActions } from './RowActions';

export interface CpdLogPageProps {
  client: ClubClient;
  /** The club to go back to. */
  clubName: string;
  onBack: () => void;
}

/** "1.5 hours", "1 hour". */
export function hoursWords(hours: number): string {
  return `${hours} ${hours === 1 ? 'hour' : 'hours'}`;
}

/** "My CPD log": every entry, totals per year, and the CSV for the member's portfolio. */
export function CpdLogPage({ client, clubName, onBack }: CpdLogPageProps) {
  const totalsId = useId();
  const [log, setLog] = useState<CpdLogView | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [editing, setEditing] = useState<CpdEntry | null>(null);
  const [removing, setRemoving] = useState<CpdEntry | null>(null);
  const isMounted = useIsMounted();

  useEffect(() => {
    let current = true;
    void client.cpdLog().then((result) => {
      if (!current) return;
      if (result.ok) setLog(result.value);
      else setFailure(result.message);
    });
    return () => {
      current = false;
    };
  }, [client]);

  const exportCsv = async () => {
    const result = await client.exportCpdCsv();
    if (!isMounted()) return;
    if (!result.ok) return setFailure(result.message);
    setFailure(null);
    saveTextFile('rounds-cpd-log.csv', result.value.text, result.value.mediaType);
  };

  return (
    <div className="club-page">
      <div className="club-toolbar">
        <button type="button" className="button button-quiet" onClick={onBack}>
          <span aria-hidden="true">←</span> Back to {clubName}
        </button>
      </div>
      <h1 className="club-title">My CPD log</h1>
      <FormFailure message={failure} />
      {log === null ? (
        failure === null ? (
          <p className="pane-loading">Reading your log…</p>
        ) : null
      ) : (
        <>
          <h2 id={totalsId} className="club-subheading">
            Totals
          </h2>
          {log.totals.byYear.length === 0 ? (
            <p className="club-hint">Nothing logged yet. Use “Log CPD” on a session’s page.</p>
          ) : (
            <ul className="club-totals" aria-labelledby={totalsId}>
              {log.totals.byYear.map((year) => (
                <li key={year.year}>{`${year.year}: ${hoursWords(year.hours)}`}</li>
              ))}
            </ul>
          )}
          <div className="club-actions">
            <button type="button" className="button" onClick={() => void exportCsv()}>
              Export CSV
            </button>
          </div>
          <div
            className="club-table-scroll"
            tabIndex={0}
            role="region"
            aria-label="CPD entries, scrollable"
          >
            <table className="club-table">
              <caption>CPD entries</caption>
              <RecordTableHead
                columns={[
                  'Date',
                  'Session',
                  'Type',
                  'Hours',
                  'What I learned',
                  'What I will change',
                ]}
              />
              <tbody>
                {log.entries.map((entry) => (
                  <tr key={entry.id}>
                    <td>{localDateIn(Date.parse(entry.date), log.timeZone)}</td>
                    <th scope="row">{entry.session.title}</th>
                    <td>{cpdTypeName(entry.type)}</td>
                    <td>{entry.hours}</td>
                    <td className="club-reflection">{entry.reflection.learned}</td>
                    <td className="club-reflection">{entry.reflection.willChange}</td>
                    <RowActions
                      actions={[
                        { label: 'Edit', onClick: () => setEditing(entry) },
                        { label: 'Remove', onClick: () => setRemoving(entry) },
                      ]}
                    />
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {editing !== null ? (
        <LogCpdDialog
          client={client}
          target={{ kind: 'edit', entry: editing }}
          onSaved={(next) => {
            setLog(next);
            setEditing(null);
          }}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {removing !== null ? (
        <ConfirmDialog
          title="Remove this CPD entry?"
          explanation={`The entry for “${removing.session.title}” (${hoursWords(removing.hours)}) leaves your log. Export the CSV first if you need a copy.`}
          confirmLabel="Remove entry"
          workingLabel="Removing…"
          onConfirm={() => client.removeCpdEntry({ id: removing.id })}
          onConfirmed={(next) => {
            setLog(next);
            setRemoving(null);
          }}
          onClose={() => setRemoving(null)}
        />
      ) : null}
    </div>
  );
}
