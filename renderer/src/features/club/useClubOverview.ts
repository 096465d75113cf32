import type { ClubOverview } from '@shared/contract';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useIsMounted } from '../../ui/useIsMounted';
import { coalescePerFrame, type ClubClient } from './clubClient';

export type ClubOverviewState =
  | { status: 'loading' }
  | { status: 'ready'; overview: ClubOverview }
  | { status: 'failed'; message: string };

/**
 * A club with its sessions, read again when the club (roster, sync) or any session changes, so
 * the list follows what members do elsewhere.
 */
export function useClubOverview(client: ClubClient, clubId: string) {
  const [state, setState] = useState<ClubOverviewState>({ status: 'loading' });
  const isMounted = useIsMounted();

  // A slower, older answer must not overwrite a newer one.
  const latestLoad = useRef(0);
  const load = useCallback(() => {
    latestLoad.current += 1;
    const asked = latestLoad.current;
    return client.overview({ clubId }).then((result) => {
      if (!isMounted() || asked !== latestLoad.current) return;
      setState(
        result.ok
          ? { status: 'ready', overview: result.value }
          : { status: 'failed', message: result.message },
      );
    });
  }, [client, clubId, isMounted]);

  useEffect(() => {
    void load();
    const reload = coalescePerFrame(() => void load());
    const unsubscribeClubs = client.onDidChangeClubs((event) => {
      if (event.clubId === clubId) reload.request();
    });
    // A session's event does not name its club; reading the overview again is cheap.
    const unsubscribeSessions = client.onDidChangeSession(() => reload.request());
    return () => {
      unsubscribeClubs();
      unsubscribeSessions();
      reload.cancel();
    };
  }, [client, clubId, load]);

  return { state, reload: load };
}
