import { useCallback, useState } from 'react';
import { useIsMounted } from '../../../ui/useIsMounted';

/** What a share method resolves with: its value, or the refusal (with its code) for the user. */
export type ActionResult<T> = { ok: true; value: T } | { ok: false; code: string; message: string };

export interface BackendAction {
  /** The refusal's message to show in role=alert beside the control; null when there is none. */
  failure: string | null;
  /** The refusal's code, so a control can offer the way out ("Accounts…"). */
  failureCode: string | null;
  /** True while the call is on its way, so a second press cannot send it twice. */
  busy: boolean;
  /** Runs `work`; hands its value to `onDone`, or keeps its refusal. Nothing happens once unmounted. */
  run: <T>(work: () => Promise<ActionResult<T>>, onDone?: (value: T) => void) => Promise<void>;
  /** Shows a failure that did not come from the call itself (a save that failed before it). */
  fail: (message: string, code?: string) => void;
}

/** The busy flag and the refusal a composer control keeps around one backend call. */
export function useBackendAction(): BackendAction {
  const [failure, setFailure] = useState<{ code: string; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const isMounted = useIsMounted();
  const run = useCallback(
    async <T>(work: () => Promise<ActionResult<T>>, onDone?: (value: T) => void) => {
      setBusy(true);
      setFailure(null);
      const result = await work();
      if (!isMounted()) return;
      setBusy(false);
      if (!result.ok) return setFailure({ code: result.code, message: result.message });
      onDone?.(result.value);
    },
    [isMounted],
  );
  const fail = useCallback((message: string, code = 'not-saved') => {
    setFailure({ code, message });
  }, []);
  return {
    failure: failure?.message ?? null,
    failureCode: failure?.code ?? null,
    busy,
    run,
    fail,
  };
}
