import { useId, useState, type ChangeEvent, type FormEvent } from 'react';
import { DialogActions } from '../../ui/DialogActions';
import { ModalDialog } from '../../ui/ModalDialog';
import { TextField } from '../../ui/TextField';
import { describePaperOutcome } from './describePaperOutcome';
import { CITATION_FILE_ACCEPT, PDF_FILE_ACCEPT } from './paperFiles';
import type { PaperAdditions } from './usePaperAdditions';

export interface AddPapersDialogProps {
  additions: PaperAdditions;
  onClose: () => void;
}

/**
 * Three ways to bring papers into "My papers": a reference manager's BibTeX or RIS export, a
 * DOI, a PDF. Each result stays listed below (with every entry an import could not read) until
 * the dialog closes; files dropped on the window while it is open land here too.
 */
export function AddPapersDialog({ additions, onClose }: AddPapersDialogProps) {
  const descriptionId = useId();
  const citationInputId = useId();
  const pdfInputId = useId();
  const doiInputId = useId();
  const doiHintId = useId();
  const [doi, setDoi] = useState('');
  const busy = additions.working !== null;

  const pickFiles = (event: ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.target.files ?? [])];
    // Cleared so that choosing the same file again (after fixing it) still counts as a change.
    event.target.value = '';
    if (files.length > 0) void additions.addFiles(files);
  };

  const submitDoi = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (doi.trim() === '' || busy) return;
    if (await additions.addDoi(doi)) setDoi('');
  };

  return (
    <ModalDialog title="Add papers" size="wide" onClose={onClose} describedBy={descriptionId}>
      {/* Keys typed here are the dialog's: the window's shortcuts (j, k, m…) must not act behind it. */}
      <div
        className="add-papers-body"
        onKeyDown={(event) => {
          if (event.key !== 'Escape') event.stopPropagation();
        }}
      >
        <p id={descriptionId} className="field-hint">
          Papers you add are kept in My papers and read offline like any other. You can also drop
          BibTeX, RIS and PDF files anywhere on the window.
        </p>
        <div className="add-papers-ways">
          <section className="add-papers-way">
            <h3 className="add-papers-heading">From a reference manager</h3>
            <label className="field-label" htmlFor={citationInputId}>
              BibTeX or RIS file
            </label>
            <input
              id={citationInputId}
              className="add-papers-file"
              type="file"
              accept={CITATION_FILE_ACCEPT}
              multiple
              onChange={pickFiles}
              data-autofocus
            />
          </section>
          <section className="add-papers-way">
            <h3 className="add-papers-heading">By DOI</h3>
            <form className="add-papers-doi" onSubmit={(event) => void submitDoi(event)} noValidate>
              <TextField
                id={doiInputId}
                label="DOI"
                autoComplete="off"
                spellCheck={false}
                placeholder="10.1056/NEJMoa2312345"
                value={doi}
                onChange={(event) => setDoi(event.target.value)}
                aria-describedby={doiHintId}
              />
              <p id={doiHintId} className="field-hint">
                Details come from Crossref; offline, the paper is saved now and completed later.
              </p>
              <button
                type="submit"
                className="button button-primary"
                disabled={busy || doi.trim() === ''}
              >
                Add DOI
              </button>
            </form>
          </section>
          <section className="add-papers-way">
            <h3 className="add-papers-heading">A PDF</h3>
            <label className="field-label" htmlFor={pdfInputId}>
              PDF file
            </label>
            <input
              id={pdfInputId}
              className="add-papers-file"
              type="file"
              accept={PDF_FILE_ACCEPT}
              multiple
              onChange={pickFiles}
            />
          </section>
        </div>
        <p className="add-papers-working" role="status">
          {additions.working ?? ''}
        </p>
        {additions.outcomes.length > 0 ? (
          <ul className="add-papers-outcomes" aria-label="Papers added">
            {additions.outcomes.map(({ id, outcome }) => {
              const described = describePaperOutcome(outcome);
              return (
                <li key={id} className={`add-papers-outcome add-papers-outcome-${described.tone}`}>
                  <p>{described.headline}</p>
                  {described.problems.length > 0 ? (
                    <ul className="add-papers-problems" aria-label="Entries not imported">
                      {described.problems.map((problem, index) => (
                        <li key={`${problem.entry}-${index}`}>
                          <strong>{problem.entry}</strong>: {problem.message}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </li>
              );
            })}
          </ul>
        ) : null}
        <DialogActions onCancel={onClose} cancelLabel="Done" />
      </div>
    </ModalDialog>
  );
}
