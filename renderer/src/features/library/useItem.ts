import type { ItemDetail } from '@shared/contract';
import { useEffect, useState } from 'react';
import { api } from '../../ipc/api';
import { useSavedImagesVersion } from '../images/useSavedImagesVersion';

/** The reader's item: nothing selected, loading, loaded, or failed with a message. */
export type ItemState =
  | { status: 'none' }
  | { status: 'loading' }
  | { status: 'ready'; item: ItemDetail }
  | { status: 'failed'; message: string };

type Loaded = { id: string; item: ItemDetail } | { id: string; message: string };

/**
 * Loads one item with its content whenever `id` changes, and again when images of it were saved
 * (the item keeps showing meanwhile); an answer for an older id is dropped.
 */
export function useItem(id: string | null): ItemState {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const savedImages = useSavedImagesVersion(id);

  useEffect(() => {
    if (id === null) return;
    let current = true;
    void api.library.get({ id }).then((result) => {
      if (!current) return;
      setLoaded(result.ok ? { id, item: result.value } : { id, message: result.message });
    });
    return () => {
      current = false;
    };
  }, [id, savedImages]);

  if (id === null) return { status: 'none' };
  if (loaded === null || loaded.id !== id) return { status: 'loading' };
  return 'item' in loaded
    ? { status: 'ready', item: loaded.item }
    : { status: 'failed', message: loaded.message };
}
