import { MAX_OPML_BYTES } from '@shared/contract';
import { useCallback, useRef, useState } from 'react';
import { api } from '../../ipc/api';
import { saveTextFile } from '../../ui/saveTextFile';
import { describeOpmlImport } from './describeOpmlImport';

export interface OpmlTransferHandlers {
  /** Subscriptions were added: time to reload the sources pane. */
  onImported: () => void;
  /** A summary of what happened, for a polite toast. */
  onNews: (message: string) => void;
  onFailure: (message: string) => void;
}

/** Importing subscriptions from an OPML file the user picked, and exporting them to one. */
export function useOpmlTransfer({ onImported, onNews, onFailure }: OpmlTransferHandlers) {
  const [busy, setBusy] = useState<'import' | 'export' | null>(null);
  const busyRef = useRef(false);

  const startWork = (kind: 'import' | 'export'): boolean => {
    if (busyRef.current) return false;
    busyRef.current = true;
    setBusy(kind);
    return true;
  };
  const endWork = () => {
    busyRef.current = false;
    setBusy(null);
  };

  const importFile = useCallback(
    async (file: File) => {
      if (file.size > MAX_OPML_BYTES) {
        onFailure(
          `“${file.name}” is too large to be a list of subscriptions (over ${MAX_OPML_BYTES / 1024 / 1024} MB).`,
        );
        return;
      }
      if (!startWork('import')) return;
      try {
        const text = await file.text();
        const result = await api.sources.importOpml({ text });
        if (!result.ok) {
          onFailure(`“${file.name}” could not be imported. ${result.message}`);
          return;
        }
        onNews(describeOpmlImport(result.value));
        if (result.value.added > 0) onImported();
      } catch {
        onFailure(`“${file.name}” could not be read. Check that the file is still there.`);
      } finally {
        endWork();
      }
    },
    [onImported, onNews, onFailure],
  );

  const exportFile = useCallback(async () => {
    if (!startWork('export')) return;
    try {
      const result = await api.sources.exportOpml();
      if (!result.ok) {
        onFailure(`Your subscriptions could not be exported. ${result.message}`);
        return;
      }
      saveTextFile(result.value.fileName, result.value.text, 'text/x-opml');
    } finally {
      endWork();
    }
  }, [onFailure]);

  return { busy, importFile, exportFile };
}
