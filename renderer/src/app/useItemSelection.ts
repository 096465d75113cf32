import { useCallback, useEffect, useState } from 'react';
import type { ItemFlagStore } from '../features/library/ItemFlagStore';
import { useItem, type ItemState } from '../features/library/useItem';
import type { ItemList } from '../features/library/useItems';

/**
 * The selected item, and the row it was at when selected (kept if the row is unloaded later);
 * `index` is -1 for an item opened from the reader that the list may not show at all.
 */
interface Selection {
  id: string;
  index: number;
  /** The item the reader showed before this one was opened from it ("Read here"), to go back to. */
  cameFrom?: CameFrom | undefined;
}

/** Where an item opened from the reader came from. */
export interface CameFrom {
  id: string;
  index: number;
  title: string;
}

/** The selected item, the reader showing it, and the ways to move, open and mark it. */
export interface ItemSelection {
  reader: ItemState;
  selectedId: string | null;
  /** The selected row, or -1 when the list does not show the selected item. */
  selectedIndex: number;
  selectIndex: (index: number) => Promise<void>;
  /** Opens an item the list may not show, such as a colleague's post. */
  openItem: (id: string) => void;
  /** The item the reader showed before `openItem`, for a way back to it; null otherwise. */
  cameFrom: CameFrom | null;
  /** Back to `cameFrom`. */
  goBack: () => void;
  clearSelection: () => void;
  toggleRead: () => void;
  toggleStar: () => void;
  /** The link of the selected item, if it has one. */
  selectedLink: string | null;
}

/** Selecting an item opens it in the reader and marks it read. */
export function useItemSelection(items: ItemList, flagStore: ItemFlagStore): ItemSelection {
  const [selection, setSelection] = useState<Selection | null>(null);
  const reader = useItem(selection?.id ?? null);

  const selectedIndex =
    selection === null ? -1 : indexOrRemembered(items.indexOf(selection.id), selection.index);
  const selectedSummary = selectedIndex >= 0 ? items.itemAt(selectedIndex) : undefined;
  const selectedItem = reader.status === 'ready' ? reader.item : selectedSummary;

  const selectIndex = useCallback(
    async (index: number) => {
      if (items.total === null || index < 0 || index >= items.total) return;
      const item = items.itemAt(index) ?? (await items.loadItemAt(index));
      if (!item) return;
      setSelection({ id: item.id, index });
      // Opening an item is reading it.
      void flagStore.setRead(item, true);
    },
    [items, flagStore],
  );

  // An item opened from the reader (a colleague's post, a paper's other version) may not be in
  // the list, so it is marked read once the reader has loaded it rather than from a list row.
  const shownId = reader.status === 'ready' ? reader.item.id : null;
  const shownTitle = reader.status === 'ready' ? reader.item.title : '';
  const shownIndex = selectedIndex;
  const openItem = useCallback(
    (id: string) =>
      setSelection({
        id,
        index: -1,
        cameFrom:
          shownId === null || shownId === id
            ? undefined
            : { id: shownId, index: shownIndex, title: shownTitle },
      }),
    [shownId, shownIndex, shownTitle],
  );
  const cameFrom = selection?.cameFrom ?? null;
  const goBack = useCallback(() => {
    if (cameFrom !== null) setSelection({ id: cameFrom.id, index: cameFrom.index });
  }, [cameFrom]);
  const openedItem = reader.status === 'ready' && selection?.index === -1 ? reader.item : null;
  useEffect(() => {
    if (openedItem !== null) void flagStore.setRead(openedItem, true);
  }, [openedItem, flagStore]);

  const clearSelection = useCallback(() => setSelection(null), []);

  // The store, not the last rendered snapshot, knows the state a quick second key press toggles.
  const toggleRead = () => {
    if (!selectedItem) return;
    void flagStore.setRead(selectedItem, !flagStore.flagsOf(selectedItem).read);
  };
  const toggleStar = () => {
    if (!selectedItem) return;
    void flagStore.setStarred(selectedItem, !flagStore.flagsOf(selectedItem).starred);
  };

  return {
    reader,
    selectedId: selection?.id ?? null,
    selectedIndex,
    selectIndex,
    openItem,
    cameFrom,
    goBack,
    clearSelection,
    toggleRead,
    toggleStar,
    selectedLink: selectedItem?.link ?? null,
  };
}

function indexOrRemembered(found: number, remembered: number): number {
  return found >= 0 ? found : remembered;
}
