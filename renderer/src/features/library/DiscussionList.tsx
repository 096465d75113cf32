import type { ItemDiscussion } from '@shared/contract';
import { stripInvisibleControls } from '@shared/domain/feeds/stripInvisibleControls';
import { formatFullDate, formatRelativeDate } from '../../ui/formatDate';
import { discussionPhrase } from './describeItemReach';
import { LinkedText } from './LinkedText';
import { isDisplayableHref } from './isDisplayableHref';
import { FeedText } from '../../ui/FeedText';

export interface DiscussionListProps {
  discussions: readonly ItemDiscussion[];
  now: Date;
  /** Shows a colleague's post in the reader (it is in the library too). */
  onOpenItem: (itemId: string) => void;
}

/** Colleagues' posts about the paper: who, where, when, what they said, and the post itself. */
export function DiscussionList({ discussions, now, onOpenItem }: DiscussionListProps) {
  const phrase = discussionPhrase(discussions.length);
  if (phrase === null) return null;
  return (
    <section className="reader-discussions" aria-label="Colleague discussions">
      <h2 className="reader-section-title">{phrase}</h2>
      <ul className="discussion-list">
        {discussions.map((post) => {
          const link = post.link !== null && isDisplayableHref(post.link) ? post.link : null;
          // Every post has the same two actions; the names say whose post each one is about.
          const whose =
            post.author !== null
              ? `by ${stripInvisibleControls(post.author)}`
              : `in ${stripInvisibleControls(post.feedTitle)}`;
          return (
            <li key={post.itemId} className="discussion">
              <p className="discussion-byline">
                <span className="discussion-author">
                  {post.author !== null ? <FeedText text={post.author} /> : 'A colleague'}
                </span>
                <span className="discussion-feed">
                  <FeedText text={post.feedTitle} />
                </span>
                <time
                  dateTime={post.publishedAt ?? undefined}
                  title={post.publishedAt !== null ? formatFullDate(post.publishedAt) : undefined}
                >
                  {formatRelativeDate(post.publishedAt, now)}
                </time>
              </p>
              <blockquote className="discussion-excerpt">
                <LinkedText text={post.excerpt} />
              </blockquote>
              <p className="discussion-actions">
                <button
                  type="button"
                  className="discussion-action"
                  aria-label={`Read post ${whose} here`}
                  onClick={() => onOpenItem(post.itemId)}
                >
                  Read here
                </button>
                {link !== null ? (
                  <a
                    className="discussion-action"
                    href={link}
                    target="_blank"
                    rel="noopener noreferrer"
                    aria-label={`Open post ${whose}`}
                  >
                    Open post
                  </a>
                ) : null}
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
