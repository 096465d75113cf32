import type { Api } from '@shared/contract';
import { useCallback, useRef, useState } from 'react';
import type { PaperOutcome } from './describePaperOutcome';
import { bytesToBase64, classifyPaperFile } from './paperFiles';

/** The `papers` service as the window calls it. */
export type PapersClient = Api['papers'];

/** An outcome with a key for its row in the list. */
export interface ListedOutcome {
  id: number;
  outcome: PaperOutcome;
}

export interface PaperAdditions {
  /** What was added or refused, newest first. */
  outcomes: readonly ListedOutcome[];
  /** What is being added right now ("Importing “library.bib”…"), or null. */
  working: string | null;
  /** Adds files one after another: citation files are imported, PDFs added, others refused. */
  addFiles(files: readonly File[]): Promise<void>;
  /** Adds a paper by DOI; resolves true when it was added (or was already there). */
  addDoi(doi: string): Promise<boolean>;
}

/**
 * Bringing papers into "My papers": reference manager files, DOIs and PDFs, one at a time, each
 * leaving an outcome for the dialog to list. `onLibraryChanged` runs after anything was added, so
 * the sources pane and the list show it.
 */
export function usePaperAdditions(
  papers: PapersClient,
  onLibraryChanged: () => void,
): PaperAdditions {
  const [outcomes, setOutcomes] = useState<readonly ListedOutcome[]>([]);
  const [working, setWorking] = useState<string | null>(null);
  const nextId = useRef(1);
  // Additions queue up: a file dropped while another is being read waits its turn.
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const queued = useRef(0);

  const record = useCallback((outcome: PaperOutcome) => {
    const id = nextId.current++;
    setOutcomes((current) => [{ id, outcome }, ...current]);
  }, []);

  const addFile = useCallback(
    async (file: File): Promise<boolean> => {
      const subject = `“${file.name}”`;
      const kind = classifyPaperFile(file);
      if (!kind.ok) {
        record({ kind: 'failed', subject, message: kind.message });
        return false;
      }
      try {
        if (kind.kind === 'citations') {
          setWorking(`Importing ${subject}…`);
          const result = await papers.importCitations({
            fileName: file.name,
            text: await file.text(),
          });
          if (!result.ok) record({ kind: 'failed', subject, message: result.message });
          else record({ kind: 'citations', fileName: file.name, summary: result.value });
          return result.ok && result.value.added > 0;
        }
        setWorking(`Adding ${subject}…`);
        const bytes = new Uint8Array(await file.arrayBuffer());
        const result = await papers.addPdf({ fileName: file.name, base64: bytesToBase64(bytes) });
        if (!result.ok) record({ kind: 'failed', subject, message: result.message });
        else record({ kind: 'pdf', fileName: file.name, added: result.value });
        return result.ok;
      } catch {
        record({
          kind: 'failed',
          subject,
          message: 'The file could not be read. Check that it is still there.',
        });
        return false;
      }
    },
    [papers, record],
  );

  const enqueue = useCallback(<T>(work: () => Promise<T>): Promise<T> => {
    queued.current++;
    const run = queue.current.then(work, work).finally(() => {
      queued.current--;
      if (queued.current === 0) setWorking(null);
    });
    queue.current = run.catch(() => undefined);
    return run;
  }, []);

  const addFiles = useCallback(
    (files: readonly File[]) =>
      enqueue(async () => {
        let changed = false;
        for (const file of files) changed = (await addFile(file)) || changed;
        if (changed) onLibraryChanged();
      }),
    [enqueue, addFile, onLibraryChanged],
  );

  const addDoi = useCallback(
    (doi: string) =>
      enqueue(async () => {
        const typed = doi.trim();
        setWorking(`Looking up DOI ${typed}…`);
        const result = await papers.addByDoi({ doi: typed });
        if (!result.ok) {
          record({ kind: 'failed', subject: `DOI ${typed}`, message: result.message });
          return false;
        }
        record({ kind: 'doi', doi: typed, added: result.value });
        if (!result.value.alreadyThere) onLibraryChanged();
        return true;
      }),
    [enqueue, papers, record, onLibraryChanged],
  );

  return { outcomes, working, addFiles, addDoi };
}
