import type { SummaryDraft } from '@shared/contract/share';
import { useId, useState } from 'react';
import { FormFailure } from '../../../ui/FormFailure';
import { formatFullDate } from '../../../ui/formatDate';
import { countOf } from './composerText';
import type { WhenSaved } from './composerTypes';
import type { ShareClient } from './shareClient';
import { useBackendAction } from './useBackendAction';

export interface ClubFeedSectionProps {
  client: ShareClient;
  draft: SummaryDraft;
  blockedReason: string | null;
  whenSaved: WhenSaved;
  /** The summary is in the feed; the page re-reads the draft to say when. */
  onPublished: () => void;
  onOpenFeedSettings: () => void;
}

/** Adds the summary to the club's Atom feed, a folder other members' readers subscribe to. */
export function ClubFeedSection({
  client,
  draft,
  blockedReason,
  whenSaved,
  onPublished,
  onOpenFeedSettings,
}: ClubFeedSectionProps) {
  const headingId = useId();
  const reasonId = useId();
  const action = useBackendAction();
  const [result, setResult] = useState<string | null>(null);
  const blocked = blockedReason !== null;

  const publish = () => {
    setResult(null);
    void action.run(
      () => whenSaved(() => client.publishToFeed({ id: draft.id })),
      (value) => {
        setResult(
          `Published: ${countOf(value.entries, 'summary', 'summaries')} in ${value.feedPath}`,
        );
        onPublished();
      },
    );
  };

  return (
    <section className="composer-section" aria-labelledby={headingId}>
      <h2 id={headingId}>Club feed</h2>
      {blocked ? (
        <p id={reasonId} className="composer-blocked">
          {blockedReason}
        </p>
      ) : null}
      <div className="composer-actions">
        <button
          type="button"
          className="button button-primary"
          disabled={blocked || action.busy}
          aria-describedby={blocked ? reasonId : undefined}
          onClick={publish}
        >
          {action.busy ? 'Publishing…' : 'Publish to club feed'}
        </button>
        <button type="button" className="button" onClick={onOpenFeedSettings}>
          Feed settings…
        </button>
      </div>
      <p role="status" className="composer-result">
        {result ??
          (draft.publishedToFeedAt !== null
            ? `Last published ${formatFullDate(draft.publishedToFeedAt)}`
            : '')}
      </p>
      <FormFailure message={action.failure} />
    </section>
  );
}
