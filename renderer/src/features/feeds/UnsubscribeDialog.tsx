import type { FeedSummary, Result } from '@shared/contract';
import { stripInvisibleControls } from '@shared/domain/feeds/stripInvisibleControls';
import { ConfirmDialog } from '../../ui/ConfirmDialog';

export interface UnsubscribeDialogProps {
  feed: FeedSummary;
  onUnsubscribe: (id: string) => Promise<Result<{ id: string }, string>>;
  onUnsubscribed: (id: string) => void;
  onClose: () => void;
}

/** Confirms removing a feed, saying what goes with it; Cancel has the focus, as the safe choice. */
export function UnsubscribeDialog({
  feed,
  onUnsubscribe,
  onUnsubscribed,
  onClose,
}: UnsubscribeDialogProps) {
  const items = feed.itemCount === 1 ? '1 item' : `${feed.itemCount.toLocaleString()} items`;
  return (
    <ConfirmDialog
      title={`Unsubscribe from “${stripInvisibleControls(feed.title)}”?`}
      explanation={`Its ${items}, with their read and starred state, will be removed from this computer.`}
      confirmLabel="Unsubscribe"
      workingLabel="Unsubscribing…"
      onConfirm={() => onUnsubscribe(feed.id)}
      onConfirmed={() => onUnsubscribed(feed.id)}
      onClose={onClose}
    />
  );
}
