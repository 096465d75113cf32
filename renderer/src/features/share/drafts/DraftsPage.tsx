import type { DirectPostingPlatform, DraftListing } from '@shared/contract';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { EmptyState } from '../../../ui/EmptyState';
import { formatFullDate, formatRelativeDate } from '../../../ui/formatDate';
import { useIsMounted } from '../../../ui/useIsMounted';
import { useNow } from '../../../ui/useNow';
import type { ShareClient } from '../composer/shareClient';

export interface DraftsPageProps {
  client: ShareClient;
  /** The time "Edited 5 minutes ago" counts from; the clock's unless a test sets it. */
  now?: Date;
  onOpenDraft: (draftId: string) => void;
  onOpenDisclosure: () => void;
  onOpenAccounts: () => void;
  onOpenFeedSettings: () => void;
}

type Listed =
  | { status: 'loading' }
  | { status: 'ready'; drafts: DraftListing[]; query: string }
  | { status: 'failed'; message: string };

const PLATFORM_NAMES: Record<DirectPostingPlatform, string> = {
  bluesky: 'Bluesky',
  mastodon: 'Mastodon',
};

/** Where the summary went, in words: "Posted to Bluesky and Mastodon · In the club feed". */
function sharedWhere(draft: DraftListing): string[] {
  const where: string[] = [];
  if (draft.postedTo.length > 0) {
    where.push(
      `Posted to ${draft.postedTo.map((platform) => PLATFORM_NAMES[platform]).join(' and ')}`,
    );
  }
  if (draft.publishedToFeed) where.push('In the club feed');
  return where.length > 0 ? where : ['Not shared yet'];
}

/**
 * "Summaries": every draft, newest change first, searchable by paper title and text, each opened
 * in the composer or deleted after a confirmation. The list follows drafts changed elsewhere (a
 * post finishing, another window) through the backend's change event.
 */
export function DraftsPage({
  client,
  now,
  onOpenDraft,
  onOpenDisclosure,
  onOpenAccounts,
  onOpenFeedSettings,
}: DraftsPageProps) {
  const clock = useNow(60_000);
  const shownAt = now ?? clock;
  const [query, setQuery] = useState('');
  const [listed, setListed] = useState<Listed>({ status: 'loading' });
  const [deleting, setDeleting] = useState<DraftListing | null>(null);
  const [news, setNews] = useState('');
  const isMounted = useIsMounted();
  // The search as last typed, for reloads the change event asks for.
  const queryRef = useRef('');

  // Each keystroke asks again; only the answer to the latest question is shown, so a slow answer
  // to an older search never replaces a newer one.
  const latestLoad = useRef(0);
  const load = useCallback(
    (text: string) => {
      latestLoad.current += 1;
      const asked = latestLoad.current;
      const trimmed = text.trim();
      void client.drafts(trimmed === '' ? {} : { query: trimmed }).then((result) => {
        if (!isMounted() || asked !== latestLoad.current) return;
        setListed(
          result.ok
            ? { status: 'ready', drafts: result.value, query: trimmed }
            : { status: 'failed', message: result.message },
        );
      });
    },
    [client, isMounted],
  );

  useEffect(() => {
    load(queryRef.current);
    return client.onDidChangeDrafts(() => load(queryRef.current));
  }, [client, load]);

  const search = (text: string) => {
    queryRef.current = text;
    setQuery(text);
    load(text);
  };

  let body;
  if (listed.status === 'loading') {
    body = <p className="pane-loading">Opening your summaries…</p>;
  } else if (listed.status === 'failed') {
    body = (
      <div className="pane-problem" role="alert">
        <p>Your summaries could not be listed. {listed.message}</p>
      </div>
    );
  } else if (listed.drafts.length === 0) {
    body =
      listed.query === '' ? (
        <EmptyState title="No summaries yet">
          <p>Open a paper and choose Write summary, or write one from a journal club session.</p>
        </EmptyState>
      ) : (
        <p className="share-muted">No summary matches “{listed.query}”.</p>
      );
  } else {
    body = (
      <ul className="share-drafts" aria-label="Summaries">
        {listed.drafts.map((draft) => {
          const session = [draft.sessionTitle, draft.clubName].filter(
            (part): part is string => part !== null && part !== '',
          );
          return (
            <li key={draft.id} className="share-draft">
              <h2 className="share-draft-title">{draft.paperTitle}</h2>
              {session.length > 0 ? (
                <p className="share-draft-session">{session.join(' · ')}</p>
              ) : null}
              {draft.excerpt !== '' ? <p className="share-draft-excerpt">{draft.excerpt}</p> : null}
              <p className="share-draft-facts">
                <time dateTime={draft.updatedAt} title={formatFullDate(draft.updatedAt)}>
                  Edited {formatRelativeDate(draft.updatedAt, shownAt)}
                </time>
                {sharedWhere(draft).map((where) => (
                  <span key={where}> · {where}</span>
                ))}
              </p>
              <div className="share-actions">
                <button
                  type="button"
                  className="button button-small"
                  aria-label={`Open ${draft.paperTitle}`}
                  onClick={() => onOpenDraft(draft.id)}
                >
                  Open
                </button>
                <button
                  type="button"
                  className="button button-small"
                  aria-label={`Delete summary of ${draft.paperTitle}…`}
                  onClick={() => {
                    setNews('');
                    setDeleting(draft);
                  }}
                >
                  Delete…
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    );
  }

  return (
    <div className="share-page">
      <header className="share-header">
        <h1 className="share-title">Summaries</h1>
        <div className="share-actions">
          <button type="button" className="button" onClick={onOpenDisclosure}>
            Your disclosure…
          </button>
          <button type="button" className="button" onClick={onOpenAccounts}>
            Accounts…
          </button>
          <button type="button" className="button" onClick={onOpenFeedSettings}>
            Club feed…
          </button>
        </div>
      </header>
      <div className="share-search" role="search">
        <input
          type="search"
          className="text-field"
          aria-label="Search summaries"
          placeholder="Search by paper title or text"
          value={query}
          onChange={(event) => search(event.target.value)}
        />
      </div>
      <p role="status" className="feature-news">
        {news}
      </p>
      {body}
      {deleting !== null ? (
        <ConfirmDialog
          title="Delete this summary?"
          explanation={`The summary of “${deleting.paperTitle}” is removed from this computer. Anything already posted or published stays where it is.`}
          confirmLabel="Delete"
          workingLabel="Deleting…"
          onConfirm={() => client.removeDraft({ id: deleting.id })}
          onConfirmed={() => {
            setNews(`Deleted the summary of “${deleting.paperTitle}”.`);
            setDeleting(null);
            load(queryRef.current);
          }}
          onClose={() => setDeleting(null)}
        />
      ) : null}
    </div>
  );
}
