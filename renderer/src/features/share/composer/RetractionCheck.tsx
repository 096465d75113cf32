import type { SummaryDraft } from '@shared/contract/share';
import { FormFailure } from '../../../ui/FormFailure';
import { formatFullDate } from '../../../ui/formatDate';
import type { ShareClient } from './shareClient';
import { useBackendAction } from './useBackendAction';

export interface RetractionCheckProps {
  client: ShareClient;
  draft: SummaryDraft;
  /** Takes the draft with the notices found, keeping edits not saved yet. */
  onChecked: (draft: SummaryDraft) => void;
}

/** Asks Crossref again whether the paper was retracted, withdrawn or corrected, on request. */
export function RetractionCheck({ client, draft, onChecked }: RetractionCheckProps) {
  const action = useBackendAction();
  return (
    <div className="composer-actions">
      <button
        type="button"
        className="button button-small"
        disabled={action.busy}
        onClick={() => void action.run(() => client.checkNotices({ id: draft.id }), onChecked)}
      >
        {action.busy ? 'Checking…' : 'Check for retractions'}
      </button>
      <span className="composer-muted">
        {draft.noticesCheckedAt !== null
          ? `Last checked ${formatFullDate(draft.noticesCheckedAt)}`
          : 'Not checked for retractions yet'}
      </span>
      <FormFailure message={action.failure} />
    </div>
  );
}
