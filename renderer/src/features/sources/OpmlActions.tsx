import { useRef, type ChangeEvent } from 'react';
import { useOpmlFileDrop } from './useOpmlFileDrop';

export interface OpmlActionsProps {
  busy: 'import' | 'export' | null;
  onImport: (file: File) => void;
  onExport: () => void;
}

/**
 * "Import OPML…" and "Export OPML". The file input stays hidden: the button opens the system's
 * file picker, and only the file the user picks is read. An OPML file dropped on the window is
 * imported the same way.
 */
export function OpmlActions({ busy, onImport, onExport }: OpmlActionsProps) {
  const inputRef = useRef<HTMLInputElement>(null);
  useOpmlFileDrop(onImport);

  const pickFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // Cleared so that picking the same file again (after fixing it) still counts as a change.
    event.target.value = '';
    if (file) onImport(file);
  };

  return (
    <div className="opml-actions">
      <input
        ref={inputRef}
        type="file"
        accept=".opml,.xml,text/xml,text/x-opml"
        hidden
        tabIndex={-1}
        onChange={pickFile}
      />
      <button
        type="button"
        className="button button-quiet button-small"
        onClick={() => inputRef.current?.click()}
        disabled={busy !== null}
      >
        {busy === 'import' ? 'Importing…' : 'Import OPML…'}
      </button>
      <button
        type="button"
        className="button button-quiet button-small"
        onClick={onExport}
        disabled={busy !== null}
      >
        {busy === 'export' ? 'Exporting…' : 'Export OPML'}
      </button>
    </div>
  );
}
