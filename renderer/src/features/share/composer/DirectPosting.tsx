import type { DirectPostingPlatform, ShareAccounts, SummaryDraft } from '@shared/contract/share';
import { useState } from 'react';
import { FormFailure } from '../../../ui/FormFailure';
import { PLATFORM_NAMES } from './composerText';
import type { WhenSaved } from './composerTypes';
import type { ShareClient } from './shareClient';
import { useBackendAction } from './useBackendAction';

export interface DirectPostingProps {
  client: ShareClient;
  draft: SummaryDraft;
  platform: DirectPostingPlatform;
  accounts: ShareAccounts | null;
  /** Why posting is off (the guards, a post over its limit), or null. */
  blockedReason: string | null;
  blockedReasonId: string;
  whenSaved: WhenSaved;
  /** Records how far the thread got, kept so a stopped thread can resume. */
  onPosted: (platform: DirectPostingPlatform, thread: SummaryDraft['posted']['bluesky']) => void;
  onOpenAccounts: () => void;
}

/**
 * Posts the whole thread to Bluesky or Mastodon with the user's account. A thread that stopped
 * part-way is offered as "Resume", which continues after the last post that went out instead of
 * posting the start twice.
 */
export function DirectPosting({
  client,
  draft,
  platform,
  accounts,
  blockedReason,
  blockedReasonId,
  whenSaved,
  onPosted,
  onOpenAccounts,
}: DirectPostingProps) {
  const action = useBackendAction();
  const [result, setResult] = useState<string | null>(null);
  const name = PLATFORM_NAMES[platform];
  const posted = draft.posted[platform];
  const resumable = posted !== null && !posted.complete && posted.text === draft.text;
  const label = resumable ? `Resume posting to ${name}` : `Post thread to ${name}`;
  const noAccount = accounts !== null && accounts[platform] === null;

  const post = () => {
    setResult(null);
    void action.run(
      () => whenSaved(() => client.postThread({ id: draft.id, platform, withImage: true })),
      (value) => {
        setResult(value.message);
        onPosted(platform, value.thread);
      },
    );
  };

  return (
    <div className="composer-direct">
      <div className="composer-actions">
        <button
          type="button"
          className="button button-primary"
          disabled={action.busy || blockedReason !== null}
          aria-describedby={blockedReason !== null ? blockedReasonId : undefined}
          onClick={post}
        >
          {action.busy ? `Posting to ${name}…` : label}
        </button>
        {noAccount ? <span className="composer-muted">No {name} account added yet.</span> : null}
      </div>
      <p role="status" className="composer-result">
        {result ?? (posted?.complete ? `Posted ${posted.total} posts to ${name}.` : '')}
      </p>
      <FormFailure message={action.failure} />
      {action.failureCode === 'needs-account' || noAccount ? (
        <button type="button" className="button button-small" onClick={onOpenAccounts}>
          Accounts…
        </button>
      ) : null}
    </div>
  );
}
