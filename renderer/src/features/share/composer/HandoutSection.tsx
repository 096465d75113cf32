import type { ShareCheck } from '@shared/contract/share';
import { useId, useState } from 'react';
import { FormFailure } from '../../../ui/FormFailure';
import { saveBase64File } from '../../../ui/saveBase64File';
import type { DraftEditing, WhenSaved } from './composerTypes';
import { MarkedTextArea } from './MarkedTextArea';
import type { ShareClient } from './shareClient';
import { useBackendAction } from './useBackendAction';

export interface HandoutSectionProps extends DraftEditing {
  check: ShareCheck;
  client: ShareClient;
  blockedReason: string | null;
  whenSaved: WhenSaved;
}

const FORMATS = [
  ['markdown', 'Markdown'],
  ['html', 'HTML'],
  ['pdf', 'PDF'],
] as const;

/** What the printed handout adds to the summary: the quoted highlights and the notes. */
export function HandoutSection({
  client,
  draft,
  check,
  edit,
  flush,
  saveNow,
  blockedReason,
  whenSaved,
}: HandoutSectionProps) {
  const headingId = useId();
  const reasonId = useId();
  const action = useBackendAction();
  const [removeFailure, setRemoveFailure] = useState<string | null>(null);
  const blocked = blockedReason !== null;
  const { highlights } = draft.handout;

  const remove = async (index: number) => {
    const kept = highlights.filter((_, at) => at !== index);
    setRemoveFailure(await saveNow({ handout: { ...draft.handout, highlights: kept } }));
  };

  return (
    <section className="composer-section" aria-labelledby={headingId}>
      <h2 id={headingId}>Handout</h2>
      {highlights.length === 0 ? (
        <p className="composer-muted">No highlights in the handout.</p>
      ) : (
        <ol className="composer-highlights" aria-label="Highlights">
          {highlights.map((highlight, index) => (
            <li key={`${index}:${highlight.quote}`} className="composer-highlight">
              <blockquote className="composer-quote">{highlight.quote}</blockquote>
              {highlight.comment ? <p className="composer-muted">{highlight.comment}</p> : null}
              {highlight.by ? (
                <p className="composer-muted">Highlighted by {highlight.by}</p>
              ) : null}
              <button
                type="button"
                className="button button-small"
                onClick={() => void remove(index)}
              >
                Remove highlight {index + 1}
              </button>
            </li>
          ))}
        </ol>
      )}
      <FormFailure message={removeFailure} />
      <MarkedTextArea
        label="Handout notes"
        rows={6}
        marks={check.findings.filter((finding) => finding.field === 'handout.notes')}
        value={draft.handout.notes}
        maxLength={100_000}
        onChange={(notes) => edit({ handout: { ...draft.handout, notes } })}
        onBlur={() => void flush()}
      />
      {blocked ? (
        <p id={reasonId} className="composer-blocked">
          {blockedReason}
        </p>
      ) : null}
      <div className="composer-actions">
        {FORMATS.map(([format, name]) => (
          <button
            key={format}
            type="button"
            className="button"
            disabled={blocked || action.busy}
            aria-describedby={blocked ? reasonId : undefined}
            onClick={() =>
              void action.run(
                () => whenSaved(() => client.handout({ id: draft.id, format })),
                saveBase64File,
              )
            }
          >
            Save handout as {name}
          </button>
        ))}
      </div>
      <FormFailure message={action.failure} />
    </section>
  );
}
