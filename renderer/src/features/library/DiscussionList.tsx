import { useId } from 'react';
import { formatFullDate } from '../../ui/formatDate';
import { discussionPhrase } from './describeItemReach';
import { isDisplayableHref } from './isDisplayableHref';

/** A colleague's post that cites the paper. */
export interface DiscussionView {
  id: string;
  author: string | null;
  excerpt: string;
  link: string | null;
  publishedAt: string | null;
}

export interface DiscussionListProps {
  discussions: readonly DiscussionView[];
}

/** Colleagues' posts about the paper: who, when, what they said, and a link to the post. */
export function DiscussionList({ discussions }: DiscussionListProps) {
  const headingId = useId();
  const phrase = discussionPhrase(discussions.length);
  if (phrase === null) return null;
  return (
    <section className="reader-discussions" aria-labelledby={headingId}>
      <h2 id={headingId} className="reader-section-title">
        {phrase}
      </h2>
      <ul className="discussion-list">
        {discussions.map((post) => {
          const link = post.link !== null && isDisplayableHref(post.link) ? post.link : null;
          return (
            <li key={post.id} className="discussion">
              <p className="discussion-byline">
                <span className="discussion-author">{post.author ?? 'A colleague'}</span>
                {post.publishedAt !== null ? (
                  <time dateTime={post.publishedAt}>{formatFullDate(post.publishedAt)}</time>
                ) : null}
              </p>
              <blockquote className="discussion-excerpt">{post.excerpt}</blockquote>
              {link !== null ? (
                <a
                  className="discussion-link"
                  href={link}
                  target="_blank"
                  rel="noopener noreferrer"
                >
                  Open {post.author ? `${post.author}’s` : 'the'} post
                </a>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
