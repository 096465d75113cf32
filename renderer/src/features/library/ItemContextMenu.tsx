import type { ItemSummary } from '@shared/contract';
import { stripInvisibleControls } from '@shared/domain/feeds/stripInvisibleControls';
import type { KeyboardEvent, MouseEvent, ReactNode } from 'react';
import type { ContextMenuAction } from '../../ui/ContextMenu';
import {
  isContextMenuKey,
  pointBelow,
  useContextMenu,
  type ShowNativeMenu,
} from '../../ui/ContextMenuOpener';
import { copyText } from './copyText';
import type { ItemFlagStore } from './ItemFlagStore';
import { openInBrowser } from './openInBrowser';
import type { ItemList } from './useItems';

export interface ItemContextMenuProps {
  items: Pick<ItemList, 'itemAt'>;
  flags: Pick<ItemFlagStore, 'flagsOf' | 'setRead' | 'setStarred'>;
  /** `app.showContextMenu`: the system's menu in the desktop app. */
  showNativeMenu?: ShowNativeMenu;
  onNews: (message: string) => void;
  onFailure: (message: string) => void;
  /** The item list (and anything around it): its rows get the menu. */
  children: ReactNode;
}

/**
 * Context menus on the item list's rows: a right click on a row, or Shift+F10 or the menu key on
 * the list for its selected row. Open in browser, Mark read or unread, Star or Unstar, Copy link,
 * Copy DOI. The rows stay as they are: the menu is found from the row's place in the list.
 */
export function ItemContextMenu({
  items,
  flags,
  showNativeMenu,
  onNews,
  onFailure,
  children,
}: ItemContextMenuProps) {
  const menus = useContextMenu(showNativeMenu);

  const copy = async (text: string, what: string) => {
    if (await copyText(text)) onNews(`${what} copied.`);
    else
      onFailure(`The ${what.toLowerCase()} could not be copied. Select it in the reader instead.`);
  };

  const actionsFor = (item: ItemSummary): ContextMenuAction[] => {
    const { read, starred } = flags.flagsOf(item);
    const { link } = item;
    const doi = item.paperIds.doi;
    return [
      {
        id: 'open',
        label: 'Open in browser',
        enabled: link !== null,
        run: () => link && openInBrowser(link),
      },
      {
        id: 'read',
        label: read ? 'Mark as unread' : 'Mark as read',
        separatorBefore: true,
        run: () => void flags.setRead(item, !read),
      },
      {
        id: 'star',
        label: starred ? 'Unstar' : 'Star',
        run: () => void flags.setStarred(item, !starred),
      },
      {
        id: 'copy-link',
        label: 'Copy link',
        separatorBefore: true,
        enabled: link !== null,
        run: () => link && void copy(link, 'Link'),
      },
      {
        id: 'copy-doi',
        label: 'Copy DOI',
        enabled: doi !== null,
        run: () => doi && void copy(doi, 'DOI'),
      },
    ];
  };

  const open = (row: Element | null, at: { x: number; y: number } | null, focus: HTMLElement) => {
    const position = Number(row?.getAttribute('aria-posinset'));
    const item =
      Number.isInteger(position) && position > 0 ? items.itemAt(position - 1) : undefined;
    if (!item || !(row instanceof HTMLElement)) return false;
    const label = `Actions for ${stripInvisibleControls(item.title)}`;
    void menus.open({ label, actions: actionsFor(item) }, at ?? pointBelow(row), focus);
    return true;
  };

  const onContextMenu = (event: MouseEvent<HTMLDivElement>) => {
    const row = (event.target as Element).closest('[role="option"][aria-posinset]');
    const list = row?.closest<HTMLElement>('[role="listbox"]');
    if (!row || !list) return;
    const fromKeyboard = event.clientX === 0 && event.clientY === 0;
    const at = fromKeyboard ? null : { x: event.clientX, y: event.clientY };
    if (open(row, at, list)) event.preventDefault();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!isContextMenuKey(event)) return;
    const list = event.target as HTMLElement;
    if (list.getAttribute('role') !== 'listbox') return;
    const active = list.getAttribute('aria-activedescendant');
    const row = active === null ? null : document.getElementById(active);
    if (open(row, null, list)) {
      event.preventDefault();
      event.stopPropagation();
    }
  };

  return (
    // Only passes the rows' events on to their menu; it draws no box and takes no focus.
    <div className="context-menu-area" onContextMenu={onContextMenu} onKeyDown={onKeyDown}>
      {children}
      {menus.element}
    </div>
  );
}
