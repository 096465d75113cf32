import { useCallback, useState } from 'react';
import { useIsMounted } from '../../ui/useIsMounted';

/** What a club method resolves with: its value, or the refusal's message for the user. */
export type ClubResult<T> = { ok: true; value: T } | { ok: false; message: string };

export interface Submission {
  /** The refusal (or the form's own check) to show in role=alert; null when there is none. */
  failure: string | null;
  setFailure: (message: string | null) => void;
  /** True while a submission is on its way, so a second press cannot send it twice. */
  busy: boolean;
  /**
   * Runs `work`, then hands its value to `onDone` or shows its message. Nothing is touched once
   * the form has gone (a dialog closed while the backend was answering).
   */
  submit: <T>(work: () => Promise<ClubResult<T>>, onDone: (value: T) => void) => Promise<void>;
}

/** The busy flag and the refusal every club form keeps around one backend call. */
export function useSubmission(): Submission {
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const isMounted = useIsMounted();
  const submit = useCallback(
    async <T>(work: () => Promise<ClubResult<T>>, onDone: (value: T) => void) => {
      setBusy(true);
      const result = await work();
      if (!isMounted()) return;
      setBusy(false);
      if (!result.ok) return setFailure(result.message);
      setFailure(null);
      onDone(result.value);
    },
    [isMounted],
  );
  return { failure, setFailure, busy, submit };
}
