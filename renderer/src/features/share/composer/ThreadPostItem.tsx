import type { PostMeasure } from '@shared/domain/share/platformRules';
import { PostCounter } from './PostCounter';

export interface ThreadPostItemProps {
  /** 1-based, as the buttons and the numbering say it. */
  number: number;
  text: string;
  measure: PostMeasure;
  platformName: string;
  /** Why copying and opening are off (the guards, this post's length), or null. */
  blockedReason: string | null;
  blockedReasonId: string;
  busy: boolean;
  onCopy: () => void;
  onOpen: () => void;
}

/** One post of the thread as the platform will show it, with its count and its actions. */
export function ThreadPostItem({
  number,
  text,
  measure,
  platformName,
  blockedReason,
  blockedReasonId,
  busy,
  onCopy,
  onOpen,
}: ThreadPostItemProps) {
  const overId = `${blockedReasonId}-post-${number}`;
  const describedBy = measure.fits
    ? blockedReason !== null
      ? blockedReasonId
      : undefined
    : overId;
  const disabled = busy || blockedReason !== null || !measure.fits;
  return (
    <li className={measure.fits ? 'composer-post' : 'composer-post composer-post-over'}>
      <p className="composer-post-text">{text}</p>
      <div className="composer-post-foot">
        <PostCounter measure={measure} />
        {measure.fits ? null : (
          <span id={overId} className="visually-hidden">
            Post {number} is over the limit: shorten it to copy or post it.
          </span>
        )}
        <span className="composer-row-actions">
          <button
            type="button"
            className="button button-small"
            disabled={disabled}
            aria-describedby={describedBy}
            onClick={onCopy}
          >
            Copy post {number}
          </button>
          <button
            type="button"
            className="button button-small"
            disabled={disabled}
            aria-describedby={describedBy}
            onClick={onOpen}
          >
            Open post {number} in {platformName}
          </button>
        </span>
      </div>
    </li>
  );
}
