import { useCallback, useState, useSyncExternalStore } from 'react';
import { api } from '../../ipc/api';
import { ItemFlagStore, flagsIn, type FlaggedItem, type ItemFlags } from './ItemFlagStore';

/** Read and starred state shared by the list and the reader, with optimistic changes. */
export interface ItemFlagsApi {
  store: ItemFlagStore;
  flagsOf: (item: FlaggedItem) => ItemFlags;
}

/** One ItemFlagStore for the window, saving through `api.library`. */
export function useItemFlags(): ItemFlagsApi {
  const [store] = useState(() => new ItemFlagStore(api.library));
  const flags = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const flagsOf = useCallback((item: FlaggedItem) => flagsIn(flags, item), [flags]);
  return { store, flagsOf };
}
