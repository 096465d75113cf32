import type { ShareCheck, ShareFile } from '@shared/contract/share';
import type { VisualAbstractCard } from '@shared/domain/share/summary';
import { useId, useState } from 'react';
import { FormFailure } from '../../../ui/FormFailure';
import { saveBase64File } from '../../../ui/saveBase64File';
import { AltTextCounters } from './AltTextCounters';
import type { DraftEditing, WhenSaved } from './composerTypes';
import { DraftTextField } from './DraftTextField';
import { MarkedTextArea } from './MarkedTextArea';
import type { ShareClient } from './shareClient';
import { useBackendAction } from './useBackendAction';

export interface VisualAbstractSectionProps extends DraftEditing {
  check: ShareCheck;
  client: ShareClient;
  blockedReason: string | null;
  whenSaved: WhenSaved;
}

const CARD_FIELDS: readonly [keyof VisualAbstractCard, string][] = [
  ['question', 'Question'],
  ['population', 'Population'],
  ['intervention', 'Intervention'],
  ['comparison', 'Comparison'],
  ['mainResult', 'Main result'],
  ['bottomLine', 'Bottom line'],
  ['citation', 'Citation'],
];

/** The card's text field by field, its alt text against each platform's limit, and the images. */
export function VisualAbstractSection({
  client,
  draft,
  check,
  edit,
  flush,
  blockedReason,
  whenSaved,
}: VisualAbstractSectionProps) {
  const headingId = useId();
  const countersId = useId();
  const reasonId = useId();
  const action = useBackendAction();
  const [preview, setPreview] = useState<ShareFile | null>(null);
  const blocked = blockedReason !== null;

  const render = (size: 'landscape' | 'square', then: (file: ShareFile) => void) =>
    void action.run(() => whenSaved(() => client.card({ id: draft.id, size })), then);

  return (
    <section className="composer-section" aria-labelledby={headingId}>
      <h2 id={headingId}>Visual abstract</h2>
      <div className="composer-card-fields">
        {CARD_FIELDS.map(([field, label]) => (
          <DraftTextField
            key={field}
            label={label}
            value={draft.card[field] ?? ''}
            maxLength={500}
            onChange={(text) => edit({ card: { ...draft.card, [field]: text } })}
            onBlur={() => void flush()}
          />
        ))}
      </div>
      <MarkedTextArea
        label="Alt text"
        rows={5}
        marks={check.findings.filter((finding) => finding.field === 'altText')}
        value={draft.altText}
        maxLength={2_000}
        describedBy={countersId}
        onChange={(altText) => edit({ altText })}
        onBlur={() => void flush()}
      />
      <AltTextCounters id={countersId} text={draft.altText} />
      {blocked ? (
        <p id={reasonId} className="composer-blocked">
          {blockedReason}
        </p>
      ) : null}
      <div className="composer-actions">
        {(
          [
            ['Show the card', () => render('landscape', setPreview)],
            ['Save landscape image', () => render('landscape', saveBase64File)],
            ['Save square image', () => render('square', saveBase64File)],
          ] as const
        ).map(([label, onClick]) => (
          <button
            key={label}
            type="button"
            className="button"
            disabled={blocked || action.busy}
            aria-describedby={blocked ? reasonId : undefined}
            onClick={onClick}
          >
            {label}
          </button>
        ))}
      </div>
      <FormFailure message={action.failure} />
      {preview !== null ? (
        <img
          className="composer-card-preview"
          src={`data:${preview.mediaType};base64,${preview.base64}`}
          alt={draft.altText}
        />
      ) : null}
    </section>
  );
}
