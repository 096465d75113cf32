import type { StorageNotice } from '@shared/contract';
import { NoticeBanner } from './NoticeBanner';

export interface NoticeBannersProps {
  notices: readonly StorageNotice[];
  onDismiss: (notice: StorageNotice) => void;
}

/** The notices not yet dismissed, stacked above the panes. */
export function NoticeBanners({ notices, onDismiss }: NoticeBannersProps) {
  if (notices.length === 0) return null;
  return (
    <div className="notice-banners">
      {notices.map((notice) => (
        <NoticeBanner key={notice.id} notice={notice} onDismiss={onDismiss} />
      ))}
    </div>
  );
}
