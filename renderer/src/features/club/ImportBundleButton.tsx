import type { BundleImported } from '@shared/contract';
import { useRef, useState, type ChangeEvent } from 'react';
import type { ClubClient } from './clubClient';

export interface ImportBundleButtonProps {
  client: ClubClient;
  /** The bundle was merged; the caller shows `message` and reads what changed. */
  onImported: (imported: BundleImported) => void;
  /** The file could not be read or was refused; nothing changed. */
  onFailure: (message: string) => void;
}

/**
 * "Import a session bundle…": picks a `.rounds` file, reads its text and hands it to the backend,
 * which merges it or refuses it whole. The labelled file input stays in the page (visually
 * hidden) so that it can be named and driven like any other control.
 */
export function ImportBundleButton({ client, onImported, onFailure }: ImportBundleButtonProps) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);

  const pickFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // Cleared so that picking the same file again still counts as a change.
    event.target.value = '';
    if (!file) return;
    setBusy(true);
    try {
      const text = await file.text();
      if (text.trim() === '') {
        onFailure(`“${file.name}” is empty.`);
        return;
      }
      const result = await client.importBundle({ text });
      if (result.ok) onImported(result.value);
      else onFailure(result.message);
    } catch {
      onFailure(`“${file.name}” could not be read.`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <input
        ref={inputRef}
        type="file"
        accept=".rounds"
        aria-label="Session bundle file"
        className="visually-hidden"
        tabIndex={-1}
        onChange={(event) => void pickFile(event)}
      />
      <button
        type="button"
        className="button"
        disabled={busy}
        onClick={() => inputRef.current?.click()}
      >
        {busy ? 'Importing…' : 'Import a session bundle…'}
      </button>
    </>
  );
}
