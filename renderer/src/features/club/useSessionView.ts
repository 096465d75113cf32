import type { SessionChange, SessionView } from '@shared/contract';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useIsMounted } from '../../ui/useIsMounted';
import { coalescePerFrame, type ClubClient } from './clubClient';

export type SessionViewState =
  | { status: 'loading' }
  | { status: 'ready'; view: SessionView }
  | { status: 'failed'; message: string };

export interface SessionViewHandle {
  state: SessionViewState;
  /** Sends one change; resolves with null once the view shows it, or with the refusal's message. */
  change: (change: SessionChange) => Promise<string | null>;
  /** Reads the session again (after an import merged into it). */
  reload: () => void;
}

/**
 * One session as the window shows it: loaded once, read again whenever the backend says it or
 * its club changed (a member's edit arriving by sync or bundle, the server going away), a burst
 * of changes read once per frame.
 */
export function useSessionView(client: ClubClient, sessionId: string): SessionViewHandle {
  const [state, setState] = useState<SessionViewState>({ status: 'loading' });
  const isMounted = useIsMounted();

  // A slower, older answer must not overwrite a newer one.
  const latestLoad = useRef(0);
  const load = useCallback(() => {
    latestLoad.current += 1;
    const asked = latestLoad.current;
    return client.session({ sessionId }).then((result) => {
      if (!isMounted() || asked !== latestLoad.current) return;
      // A session already shown stays shown when reading it again fails.
      setState((current) =>
        result.ok
          ? { status: 'ready', view: result.value }
          : current.status === 'ready'
            ? current
            : { status: 'failed', message: result.message },
      );
    });
  }, [client, sessionId, isMounted]);

  useEffect(() => {
    void load();
    const reload = coalescePerFrame(() => void load());
    const stopSessions = client.onDidChangeSession((event) => {
      if (event.sessionId === sessionId) reload.request();
    });
    // The club's sync state (connected, offline) and roster arrive as club changes: the page
    // shows both, so it reads the session again then too.
    const stopClubs = client.onDidChangeClubs(() => reload.request());
    return () => {
      stopSessions();
      stopClubs();
      reload.cancel();
    };
  }, [client, sessionId, load]);

  const change = useCallback(
    async (next: SessionChange) => {
      const result = await client.changeSession({ sessionId, change: next });
      if (!result.ok) return result.message;
      if (isMounted()) setState({ status: 'ready', view: result.value });
      return null;
    },
    [client, sessionId, isMounted],
  );

  return { state, change, reload: () => void load() };
}
