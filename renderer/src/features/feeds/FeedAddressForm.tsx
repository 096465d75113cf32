import type { FeedSummary, Result } from '@shared/contract';
import { useId, useState, type FormEvent } from 'react';
import { DialogActions } from '../../ui/DialogActions';
import { FormFailure } from '../../ui/FormFailure';
import { TextField } from '../../ui/TextField';
import { useIsMounted } from '../../ui/useIsMounted';

export interface FeedAddressFormProps {
  onSubscribe: (url: string) => Promise<Result<FeedSummary, string>>;
  /** The feed was added. */
  onSubscribed: (feed: FeedSummary) => void;
  onCancel: () => void;
}

/**
 * Asks for a feed address and subscribes. The backend fetches and checks the feed, and its
 * failure message (unreachable, not a feed, already subscribed...) is shown exactly as written.
 */
export function FeedAddressForm({ onSubscribe, onSubscribed, onCancel }: FeedAddressFormProps) {
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
    // Closed while the feed was being fetched: the feed is still added, there is just no form.
    if (!isMounted()) return;
    setWorking(false);
    if (result.ok) onSubscribed(result.value);
    else setFailure(result.message);
  };

  return (
    <form className="dialog-form" onSubmit={(event) => void submit(event)} noValidate>
      <TextField
        id={inputId}
        label="Feed address"
        type="url"
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
        placeholder="https://journal.example.org/rss"
        value={address}
        onChange={(event) => setAddress(event.target.value)}
        aria-invalid={failure !== null ? true : undefined}
        aria-describedby={failure !== null ? `${failureId} ${hintId}` : hintId}
        data-autofocus
      />
      <p id={hintId} className="field-hint">
        The address of an RSS, Atom or JSON feed from a journal, a preprint server or a colleague,
        or of a web page that links to its feed. Rounds fetches it once now, then keeps every item
        readable offline.
      </p>
      <FormFailure id={failureId} message={failure} />
      <DialogActions
        onCancel={onCancel}
        submit={{ label: 'Subscribe', busyLabel: 'Subscribing…', busy: working }}
      />
    </form>
  );
}
