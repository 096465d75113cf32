import type { StorageNotice } from '@shared/contract';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../ipc/api';

/**
 * Notices about the data folder (a damaged file restored from backup...), fetched at start;
 * `onFailure` should be stable so they are fetched once.
 * Dismissing is optimistic; a notice comes back, with a message, if the backend refused.
 */
export function useNotices(onFailure: (message: string) => void) {
  const [notices, setNotices] = useState<readonly StorageNotice[]>([]);

  useEffect(() => {
    let current = true;
    void api.app.notices().then((result) => {
      if (!current) return;
      if (result.ok) setNotices(result.value);
      else onFailure(`Rounds could not check its data folder: ${result.message}`);
    });
    return () => {
      current = false;
    };
  }, [onFailure]);

  const dismiss = useCallback(
    async (notice: StorageNotice) => {
      setNotices((current) => current.filter((candidate) => candidate.id !== notice.id));
      const result = await api.app.dismissNotice({ id: notice.id });
      // 'not-found' means it is already gone, which is what the user asked for.
      if (!result.ok && result.code !== 'not-found') {
        setNotices((current) => [notice, ...current]);
        onFailure(`The notice could not be dismissed: ${result.message}`);
      }
    },
    [onFailure],
  );

  return { notices, dismiss };
}
