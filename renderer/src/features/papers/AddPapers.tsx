import { useCallback, useState } from 'react';
import { AddPapersDialog } from './AddPapersDialog';
import { usePaperAdditions, type PapersClient } from './usePaperAdditions';
import { usePendingLookupReports } from './usePendingLookupReports';
import { useWindowFileDrop } from './useWindowFileDrop';
import './papers.css';

export interface AddPapersProps {
  papers: PapersClient;
  /** Papers were added or filled in: sources, counts and the list are out of date. */
  onLibraryChanged: () => void;
  onNews: (message: string) => void;
  onFailure: (message: string) => void;
}

/**
 * "Add papers…": the button that opens the dialog, the window-wide drop of BibTeX, RIS and PDF
 * files (with its overlay), and the reports of DOIs looked up once Rounds is back online. It is
 * one component so the window needs to place only one element.
 */
export function AddPapers({ papers, onLibraryChanged, onNews, onFailure }: AddPapersProps) {
  const [open, setOpen] = useState(false);
  const additions = usePaperAdditions(papers, onLibraryChanged);
  const { addFiles } = additions;
  const { dragging } = useWindowFileDrop(
    useCallback(
      (files: File[]) => {
        // What a drop added (or why not) is shown in the dialog, as if the files were chosen there.
        setOpen(true);
        void addFiles(files);
      },
      [addFiles],
    ),
  );
  usePendingLookupReports(papers, { onLibraryChanged, onNews, onFailure });

  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)}>
        Add papers…
      </button>
      {open ? <AddPapersDialog additions={additions} onClose={() => setOpen(false)} /> : null}
      {dragging ? (
        <div className="paper-drop-overlay" role="status">
          <p className="paper-drop-message">
            Drop BibTeX, RIS or PDF files to add them to My papers
          </p>
        </div>
      ) : null}
    </>
  );
}
