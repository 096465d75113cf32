import { openInBrowser } from '../features/library/openInBrowser';
import type { ItemSelection } from './useItemSelection';
import { useKeyboardShortcuts } from './useKeyboardShortcuts';

/** Binds the window's keyboard shortcuts to the selection; off while `enabled` is false. */
export function useReaderShortcuts(
  enabled: boolean,
  selection: ItemSelection,
  refreshAll: () => void,
): void {
  const { selectIndex, selectedIndex } = selection;
  useKeyboardShortcuts(enabled, {
    'next-item': () => void selectIndex(selectedIndex + 1),
    'previous-item': () => void selectIndex(selectedIndex < 0 ? 0 : selectedIndex - 1),
    'toggle-read': selection.toggleRead,
    'toggle-star': selection.toggleStar,
    'open-in-browser': () => {
      if (selection.selectedLink) openInBrowser(selection.selectedLink);
    },
    'refresh-all': refreshAll,
  });
}
