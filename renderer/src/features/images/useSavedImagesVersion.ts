import type { ImagesStoredEvent, Unsubscribe } from '@shared/contract';
import { useEffect, useState } from 'react';
import { api } from '../../ipc/api';

type Subscribe = (listener: (event: ImagesStoredEvent) => void) => Unsubscribe;

const throughBackend: Subscribe = (listener) => api.images.onDidStoreImages(listener);

/**
 * A number that grows each time the backend says images of this item were saved (after a
 * refresh or the user's request), so the reader can ask for the item again and show them.
 */
export function useSavedImagesVersion(
  itemId: string | null,
  subscribe: Subscribe = throughBackend,
): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (itemId === null) return;
    return subscribe(({ itemIds }) => {
      if (itemIds.includes(itemId)) setVersion((current) => current + 1);
    });
  }, [itemId, subscribe]);
  return version;
}
