import {
  DIRECT_POSTING_PLATFORMS,
  type DirectPostingPlatform,
  type ShareAccounts,
  type ShareSettings,
  type SummaryDraft,
} from '@shared/contract/share';
import {
  measurePost,
  SHARE_PLATFORMS,
  type SharePlatform,
} from '@shared/domain/share/platformRules';
import { splitIntoThread } from '@shared/domain/share/threadSplitter';
import { useId, useMemo, useState } from 'react';
import { FormFailure } from '../../../ui/FormFailure';
import { copyText } from '../../library/copyText';
import { ChoiceGroup } from './ChoiceGroup';
import { countOf, PLATFORM_NAMES } from './composerText';
import type { WhenSaved } from './composerTypes';
import { DirectPosting } from './DirectPosting';
import type { ShareClient } from './shareClient';
import { ThreadPostItem } from './ThreadPostItem';
import { useBackendAction } from './useBackendAction';

export interface ThreadPreviewSectionProps {
  client: ShareClient;
  draft: SummaryDraft;
  settings: ShareSettings;
  accounts: ShareAccounts | null;
  /** Why nothing may leave yet (the guards' verdict), or null when it may. */
  blockedReason: string | null;
  whenSaved: WhenSaved;
  onPosted: (platform: DirectPostingPlatform, thread: SummaryDraft['posted']['bluesky']) => void;
  onOpenAccounts: () => void;
}

const PLATFORM_CHOICES = SHARE_PLATFORMS.map((platform) => ({
  value: platform,
  label: PLATFORM_NAMES[platform],
}));

function isDirectPlatform(platform: SharePlatform): platform is DirectPostingPlatform {
  return (DIRECT_POSTING_PLATFORMS as readonly string[]).includes(platform);
}

/**
 * The summary split into the posts a platform will show, measured the way that platform counts,
 * with copying, compose links and (for Bluesky and Mastodon) posting the whole thread.
 */
export function ThreadPreviewSection({
  client,
  draft,
  settings,
  accounts,
  blockedReason,
  whenSaved,
  onPosted,
  onOpenAccounts,
}: ThreadPreviewSectionProps) {
  const headingId = useId();
  const reasonId = useId();
  const [platform, setPlatform] = useState<SharePlatform>('x');
  const [copied, setCopied] = useState<string | null>(null);
  const action = useBackendAction();
  const name = PLATFORM_NAMES[platform];

  const thread = useMemo(() => {
    const options = { mastodonLimit: settings.mastodonLimit, contentWarning: draft.contentWarning };
    const split = splitIntoThread(platform, draft.text, options);
    return {
      warnings: split.warnings,
      posts: split.posts.map((post) => ({
        text: post.text,
        measure: measurePost(platform, post.text, options),
      })),
    };
  }, [platform, draft.text, draft.contentWarning, settings.mastodonLimit]);

  const overLimit = thread.posts.filter((post) => !post.measure.fits).length;
  const threadBlockedReason =
    blockedReason ??
    (overLimit > 0
      ? `${countOf(overLimit, 'post')} over the ${name} limit: shorten the summary to copy or post.`
      : null);

  const copy = (index: number | null) => {
    setCopied(null);
    void action.run(
      () => whenSaved(() => client.postsForCopy({ id: draft.id, platform })),
      (value) => {
        const text = index === null ? value.posts.join('\n\n') : (value.posts[index] ?? '');
        void copyText(text).then((done) => {
          if (!done) action.fail('The clipboard refused the text; select it and copy it by hand.');
          else setCopied(index === null ? 'Copied all posts.' : `Copied post ${index + 1}.`);
        });
      },
    );
  };

  const open = (index: number) => {
    setCopied(null);
    void action.run(
      () => whenSaved(() => client.composeLink({ id: draft.id, platform, index })),
      // The app hands new windows for web addresses to the system browser.
      (value) => void window.open(value.url, '_blank', 'noopener'),
    );
  };

  return (
    <section className="composer-section" aria-labelledby={headingId}>
      <h2 id={headingId}>Thread preview</h2>
      <ChoiceGroup
        label="Platform"
        inline
        choices={PLATFORM_CHOICES}
        value={platform}
        onChange={(value) => {
          setPlatform(value);
          setCopied(null);
        }}
      />
      {thread.warnings.map((warning) => (
        <p key={warning} className="composer-warning">
          {warning}
        </p>
      ))}
      <ol className="composer-posts" aria-label={`Posts for ${name}`}>
        {thread.posts.map((post, index) => (
          <ThreadPostItem
            key={index}
            number={index + 1}
            text={post.text}
            measure={post.measure}
            platformName={name}
            blockedReason={blockedReason}
            blockedReasonId={reasonId}
            busy={action.busy}
            onCopy={() => copy(index)}
            onOpen={() => open(index)}
          />
        ))}
      </ol>
      <p className="composer-muted">{countOf(thread.posts.length, 'post')}</p>
      {threadBlockedReason !== null ? (
        <p id={reasonId} className="composer-blocked">
          {threadBlockedReason}
        </p>
      ) : null}
      <div className="composer-actions">
        <button
          type="button"
          className="button"
          disabled={action.busy || threadBlockedReason !== null}
          aria-describedby={threadBlockedReason !== null ? reasonId : undefined}
          onClick={() => copy(null)}
        >
          Copy all posts
        </button>
      </div>
      <p role="status" className="composer-result">
        {copied ?? ''}
      </p>
      <FormFailure message={action.failure} />
      {isDirectPlatform(platform) ? (
        <DirectPosting
          key={platform}
          client={client}
          draft={draft}
          platform={platform}
          accounts={accounts}
          blockedReason={threadBlockedReason}
          blockedReasonId={reasonId}
          whenSaved={whenSaved}
          onPosted={onPosted}
          onOpenAccounts={onOpenAccounts}
        />
      ) : null}
    </section>
  );
}
