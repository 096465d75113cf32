import type { AnnotationImport, ExportedFile, KeptFinding, Result } from '@shared/contract';
import { useId, useRef, useState, type ChangeEvent } from 'react';
import { saveTextFile } from '../../ui/saveTextFile';
import { useGuardedExport } from '../guard/useGuardedExport';
import type { AnnotationsClient } from './annotationsClient';

export interface AnnotationTransferProps {
  client: AnnotationsClient;
  itemId: string;
  /** The Markdown export follows the list's order: by meaning or in reading order. */
  groupBy: 'colour' | 'position';
  /** Called after an import changed anything, so the reader shows it. */
  onImported: () => void;
}

type Scope = 'paper' | 'all';

function describeImport(result: AnnotationImport): string {
  const counts = `${result.added} added, ${result.updated} updated, ${result.unchanged} unchanged`;
  const problems = result.problems.length === 0 ? '' : `; ${result.problems.length} left out`;
  return `Imported: ${counts}${problems}.`;
}

/** A refusal as the status line says it: the guard's own sentence already starts "Not exported". */
function notExported(message: string): string {
  return message.startsWith('Not exported') ? message : `Not exported. ${message}`;
}

/**
 * Exports this paper's (or every paper's) highlights and notes as Markdown or as W3C Web
 * Annotation JSON-LD, saved as a download; imports a JSON-LD file picked by the user. The privacy
 * guard is asked first: possible patient identifiers are shown and must each be kept with a
 * reason (or edited out of the highlight or note) before the file is written.
 */
export function AnnotationTransfer({
  client,
  itemId,
  groupBy,
  onImported,
}: AnnotationTransferProps) {
  const [scope, setScope] = useState<Scope>('paper');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [problems, setProblems] = useState<AnnotationImport['problems']>([]);
  const input = useRef<HTMLInputElement>(null);
  const scopeName = useId();
  const guard = useGuardedExport('the highlight or note');
  const scoped = scope === 'paper' ? { itemId } : {};

  const exportAs = async (
    exporting: (kept: KeptFinding[]) => Promise<Result<ExportedFile, string>>,
  ) => {
    setBusy(true);
    setProblems([]);
    try {
      await guard.start({
        findings: () => client.exportFindings(scoped),
        exportWith: async (kept) => {
          const result = await exporting(kept);
          if (!result.ok) return notExported(result.message);
          const { fileName, text, mediaType } = result.value;
          saveTextFile(fileName, text, mediaType);
          setStatus(`Saved ${fileName}.`);
          return null;
        },
        onFailure: (message) => setStatus(notExported(message)),
      });
    } finally {
      setBusy(false);
    }
  };

  const importFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // Cleared so that picking the same file again (after fixing it) still counts as a change.
    event.target.value = '';
    if (!file) return;
    setBusy(true);
    setProblems([]);
    try {
      const result = await client.importWebAnnotations({ text: await file.text() });
      if (!result.ok) {
        setStatus(`Not imported. ${result.message}`);
        return;
      }
      setStatus(describeImport(result.value));
      setProblems(result.value.problems);
      if (result.value.added + result.value.updated > 0) onImported();
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="annotations-section" aria-label="Export and import">
      <h3 className="annotations-section-title">Export and import</h3>
      <fieldset className="annotations-scope">
        <legend className="visually-hidden">What to export</legend>
        <label>
          <input
            type="radio"
            name={scopeName}
            checked={scope === 'paper'}
            onChange={() => setScope('paper')}
          />{' '}
          This paper
        </label>
        <label>
          <input
            type="radio"
            name={scopeName}
            checked={scope === 'all'}
            onChange={() => setScope('all')}
          />{' '}
          All papers
        </label>
      </fieldset>
      <div className="annotations-buttons">
        <button
          type="button"
          className="button button-small"
          disabled={busy}
          onClick={() =>
            void exportAs((kept) => client.exportMarkdown({ ...scoped, groupBy, kept }))
          }
        >
          Export Markdown
        </button>
        <button
          type="button"
          className="button button-small"
          disabled={busy}
          onClick={() => void exportAs((kept) => client.exportWebAnnotations({ ...scoped, kept }))}
        >
          Export JSON-LD
        </button>
        <input
          ref={input}
          type="file"
          accept=".jsonld,.json,application/ld+json,application/json"
          hidden
          tabIndex={-1}
          onChange={(event) => void importFile(event)}
        />
        <button
          type="button"
          className="button button-small"
          disabled={busy}
          onClick={() => input.current?.click()}
        >
          Import JSON-LD…
        </button>
      </div>
      <p role="status" className="annotations-status">
        {status}
      </p>
      {problems.length > 0 ? (
        <ul className="annotations-problems" aria-label="Entries left out">
          {problems.map((problem) => (
            <li key={problem.index}>
              Entry {problem.index + 1}: {problem.message}
            </li>
          ))}
        </ul>
      ) : null}
      {guard.dialog}
    </section>
  );
}
