import type { AnnotationImport, ExportedFile, Result } from '@shared/contract';
import { useId, useRef, useState, type ChangeEvent } from 'react';
import { saveTextFile } from '../../ui/saveTextFile';
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

/**
 * Exports this paper's (or every paper's) highlights and notes as Markdown or as W3C Web
 * Annotation JSON-LD, saved as a download; imports a JSON-LD file picked by the user.
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

  const exportAs = async (exporting: () => Promise<Result<ExportedFile, string>>) => {
    setBusy(true);
    setProblems([]);
    try {
      const result = await exporting();
      if (!result.ok) {
        setStatus(`Not exported. ${result.message}`);
        return;
      }
      const { fileName, text, mediaType } = result.value;
      saveTextFile(fileName, text, mediaType);
      setStatus(`Saved ${fileName}.`);
    } finally {
      setBusy(false);
    }
  };

  const scoped = scope === 'paper' ? { itemId } : {};

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
          onClick={() => void exportAs(() => client.exportMarkdown({ ...scoped, groupBy }))}
        >
          Export Markdown
        </button>
        <button
          type="button"
          className="button button-small"
          disabled={busy}
          onClick={() => void exportAs(() => client.exportWebAnnotations(scoped))}
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
    </section>
  );
}
