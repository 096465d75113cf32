import type { StorageNotice } from '@shared/contract';

export interface NoticeBannerProps {
  notice: StorageNotice;
  onDismiss: (notice: StorageNotice) => void;
}

/** One notice about the data folder, e.g. a damaged file replaced by its last good copy. */
export function NoticeBanner({ notice, onDismiss }: NoticeBannerProps) {
  return (
    <div className="notice-banner" role="status">
      <p className="notice-message">{notice.message}</p>
      <button type="button" className="button button-quiet" onClick={() => onDismiss(notice)}>
        Dismiss
      </button>
    </div>
  );
}
