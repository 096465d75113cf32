import { createContext, useContext } from 'react';
import type { ContextMenuOpener } from '../../ui/ContextMenuOpener';
import type { ItemSource } from '../library/ItemSource';
import type { ItemCounter } from './useGroupCounts';

/**
 * What the sources pane shares with the groups drawn inside it that it does not draw itself (the
 * saved searches): its context menus, the library to count with, and when to count again.
 */
export interface SourcesPaneContextValue {
  /** Null outside a sources pane: rows then have no menu. */
  menus: ContextMenuOpener | null;
  library: ItemCounter | undefined;
  /** Changes whenever items are read, added or removed, so counts are asked for again. */
  changeKey: string;
  onMarkAllRead: (source: ItemSource) => void;
}

export const SourcesPaneContext = createContext<SourcesPaneContextValue>({
  menus: null,
  library: undefined,
  changeKey: '',
  onMarkAllRead: () => undefined,
});

/** The context of the sources pane the caller is drawn in. */
export function useSourcesPane(): SourcesPaneContextValue {
  return useContext(SourcesPaneContext);
}
