import type { FeedSummary, Result } from '@shared/contract';
import { useId, useState } from 'react';
import { FormFailure } from '../../ui/FormFailure';
import { ModalDialog } from '../../ui/ModalDialog';
import { useIsMounted } from '../../ui/useIsMounted';
import { stripInvisibleControls } from '@shared/domain/feeds/stripInvisibleControls';

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
  const [working, setWorking] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const explanationId = useId();
  const isMounted = useIsMounted();

  const confirm = async () => {
    setWorking(true);
    setFailure(null);
    const result = await onUnsubscribe(feed.id);
    if (!isMounted()) return;
    setWorking(false);
    if (result.ok) onUnsubscribed(feed.id);
    else setFailure(result.message);
  };

  const items = feed.itemCount === 1 ? '1 item' : `${feed.itemCount.toLocaleString()} items`;
  return (
    <ModalDialog
      role="alertdialog"
      title={`Unsubscribe from “${stripInvisibleControls(feed.title)}”?`}
      describedBy={explanationId}
      onClose={onClose}
    >
      <p id={explanationId} className="dialog-text">
        Its {items}, with their read and starred state, will be removed from this computer.
      </p>
      <FormFailure message={failure} />
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose} data-autofocus>
          Cancel
        </button>
        <button
          type="button"
          className="button button-danger"
          onClick={() => void confirm()}
          disabled={working}
        >
          {working ? 'Unsubscribing…' : 'Unsubscribe'}
        </button>
      </div>
    </ModalDialog>
  );
}
