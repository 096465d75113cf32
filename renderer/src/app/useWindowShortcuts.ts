import type { ItemSummary } from '@shared/contract';
import { flushSync } from 'react-dom';
import { openInBrowser } from '../features/library/openInBrowser';
import type { ItemList } from '../features/library/useItems';
import { findNextUnread } from './findNextUnread';
import type { ItemSelection } from './useItemSelection';
import { useKeyboardShortcuts } from './useKeyboardShortcuts';
import type { PaneLayout } from './usePaneLayout';
import { itemList, pageDownReader, readerScroller, searchField } from './windowParts';

export interface WindowShortcutsOptions {
  /** False while a dialog is open: it has the keyboard to itself. */
  enabled: boolean;
  selection: ItemSelection;
  items: Pick<ItemList, 'total' | 'itemAt' | 'loadItemAt'>;
  isRead: (item: ItemSummary) => boolean;
  layout: PaneLayout;
  refreshAll: () => void;
  toggleUnreadOnly: () => void;
  /** Shift+A: every item in the list, read. */
  markAllRead: () => void;
  showShortcuts: () => void;
  /** `n` or Space found no unread item below the selected one. */
  onNoMoreUnread: () => void;
}

/** Binds the keymap (shortcuts.ts) to the window: the selection, the panes and the reader. */
export function useWindowShortcuts({
  enabled,
  selection,
  items,
  isRead,
  layout,
  refreshAll,
  toggleUnreadOnly,
  markAllRead,
  showShortcuts,
  onNoMoreUnread,
}: WindowShortcutsOptions): void {
  const { selectIndex, selectedIndex } = selection;

  const selectNextUnread = async () => {
    const index = await findNextUnread(items, selectedIndex, isRead);
    if (index < 0) {
      onNoMoreUnread();
      return;
    }
    layout.showReader();
    await selectIndex(index);
  };

  useKeyboardShortcuts(enabled, {
    'next-item': () => void selectIndex(selectedIndex + 1),
    'previous-item': () => void selectIndex(selectedIndex < 0 ? 0 : selectedIndex - 1),
    'next-unread': () => void selectNextUnread(),
    'page-down': () => {
      const scroller = layout.readerShown ? readerScroller() : null;
      if (pageDownReader(scroller) === 'at-end') void selectNextUnread();
    },
    'toggle-read': selection.toggleRead,
    'toggle-star': selection.toggleStar,
    'open-in-browser': () => {
      if (selection.selectedLink) openInBrowser(selection.selectedLink);
    },
    'toggle-unread-only': toggleUnreadOnly,
    'mark-all-read': markAllRead,
    'focus-search': () => {
      const field = focusOnList(layout, searchField);
      if (field instanceof HTMLInputElement) field.select();
    },
    'refresh-all': refreshAll,
    'show-shortcuts': showShortcuts,
    back: () => {
      if (layout.sourcesIsDrawer && layout.sourcesShown) layout.closeSourcesDrawer();
      else goBackToList(layout);
    },
  });
}

/**
 * Shows the list (the reader fills a narrow window until then) and puts the focus on `target`
 * in it, which must be on screen to take it.
 */
function focusOnList(layout: PaneLayout, target: () => HTMLElement | null): HTMLElement | null {
  flushSync(() => layout.showList());
  const element = target();
  element?.focus();
  return element;
}

/** Back from the reader to the list (Escape, or the reader's Back button), focus and all. */
export function goBackToList(layout: PaneLayout): void {
  focusOnList(layout, itemList);
}
