import type { FeedSummary, Result } from '@shared/contract';
import { useId, useState, type FormEvent } from 'react';
import { ModalDialog } from '../../ui/ModalDialog';
import { useIsMounted } from '../../ui/useIsMounted';

export interface AddFeedDialogProps {
  onSubscribe: (url: string) => Promise<Result<FeedSummary, string>>;
  /** The feed was added; the dialog is done. */
  onSubscribed: (feed: FeedSummary) => void;
  onClose: () => void;
}

/**
 * Asks for a feed address and subscribes. The backend fetches and checks the feed, and its
 * failure message (unreachable, not a feed, already subscribed...) is shown exactly as written.
 */
export function AddFeedDialog({ onSubscribe, onSubscribed, onClose }: AddFeedDialogProps) {
  const [address, setAddress] = useState('');
  const [working, setWorking] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const inputId = useId();
  const hintId = useId();
  const failureId = useId();
  const isMounted = useIsMounted();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (working) return;
    setWorking(true);
    setFailure(null);
    const result = await onSubscribe(address);
    // Closed while the feed was being fetched: the feed is still added, there is just no dialog.
    if (!isMounted()) return;
    setWorking(false);
    if (result.ok) onSubscribed(result.value);
    else setFailure(result.message);
  };

  return (
    <ModalDialog title="Add feed" onClose={onClose}>
      <form className="dialog-form" onSubmit={(event) => void submit(event)} noValidate>
        <label className="field-label" htmlFor={inputId}>
          Feed address
        </label>
        <input
          id={inputId}
          className="text-field"
          type="url"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          placeholder="https://journal.example.org/rss"
          value={address}
          onChange={(event) => setAddress(event.target.value)}
          aria-invalid={failure !== null ? true : undefined}
          aria-describedby={failure !== null ? `${failureId} ${hintId}` : hintId}
          autoFocus
        />
        <p id={hintId} className="field-hint">
          The address of an RSS, Atom or JSON feed from a journal, a preprint server or a colleague.
          Rounds fetches it once now, then keeps every item readable offline.
        </p>
        {failure !== null ? (
          <p id={failureId} className="field-error" role="alert">
            {failure}
          </p>
        ) : null}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={working}>
            {working ? 'Subscribing…' : 'Subscribe'}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
