import { memo, useCallback, useId, useLayoutEffect, useRef, type CSSProperties } from 'react';
import { VirtualList } from '../../ui/VirtualList';
import type { FlaggedItem, ItemFlags } from './ItemFlagStore';
import { ItemRow, type ItemRowProps } from './ItemRow';
import type { ItemList as ItemListData } from './useItems';

/** Row height in CSS pixels; the stylesheet lays each row out to fit exactly. */
export const ITEM_ROW_HEIGHT = 76;

export interface ItemListProps {
  items: ItemListData;
  total: number;
  labelledBy: string;
  selectedId: string | null;
  /** Row of the selected item, kept in view. */
  selectedIndex: number;
  flagsOf: (item: FlaggedItem) => ItemFlags;
  feedTitleOf: (feedId: string) => string;
  now: Date;
  onSelect: (index: number) => void;
  onOpen: (index: number) => void;
}

/**
 * Whether a row would show the same thing. Flags and the row's position arrive as new objects on
 * every render, so they are compared by value; everything else by identity (an item keeps its
 * object for as long as its page is loaded).
 */
function showsTheSame(before: ItemRowProps, after: ItemRowProps): boolean {
  for (const key of Object.keys(after) as (keyof ItemRowProps)[]) {
    if (key === 'flags') {
      if (before.flags.read !== after.flags.read || before.flags.starred !== after.flags.starred)
        return false;
    } else if (key === 'style') {
      if (before.style.top !== after.style.top || before.style.height !== after.style.height)
        return false;
    } else if (!Object.is(before[key], after[key])) {
      return false;
    }
  }
  return true;
}

/**
 * A row renders again only when what it shows changed: a page arriving, an item marked read or
 * the selection moving re-renders the rows concerned, not the forty on screen (each formats its
 * dates and builds a dozen elements, which made every such change a long frame at 100,000 items).
 */
const ListedItemRow = memo(ItemRow, showsTheSame);

/**
 * The item list as a listbox: one tab stop, the selection carried by aria-activedescendant, and
 * only the rows near the viewport in the DOM. Rows whose page has not arrived yet are blank
 * placeholders hidden from assistive technology.
 */
export function ItemList({
  items,
  total,
  labelledBy,
  selectedId,
  selectedIndex,
  flagsOf,
  feedTitleOf,
  now,
  onSelect,
  onOpen,
}: ItemListProps) {
  const listId = useId();
  // The window hands new handlers on every render; rows get stable ones that call the latest, so
  // a handler's new identity alone does not render every row again.
  const handlers = useRef({ onSelect, onOpen });
  useLayoutEffect(() => {
    handlers.current = { onSelect, onOpen };
  });
  const select = useCallback((index: number) => handlers.current.onSelect(index), []);
  const open = useCallback((index: number) => handlers.current.onOpen(index), []);

  const renderRow = useCallback(
    (index: number, style: CSSProperties) => {
      const item = items.itemAt(index);
      if (!item)
        return <div className="item-row is-placeholder" style={style} aria-hidden="true" />;
      return (
        <ListedItemRow
          id={`${listId}-row-${index}`}
          item={item}
          flags={flagsOf(item)}
          feedTitle={feedTitleOf(item.feedId)}
          index={index}
          total={total}
          selected={item.id === selectedId}
          now={now}
          style={style}
          onSelect={select}
          onOpen={open}
        />
      );
    },
    [items, listId, flagsOf, feedTitleOf, total, selectedId, now, select, open],
  );

  const selectedIsLoaded = selectedIndex >= 0 && items.itemAt(selectedIndex)?.id === selectedId;
  return (
    <VirtualList
      className="item-list"
      role="listbox"
      aria-labelledby={labelledBy}
      aria-activedescendant={selectedIsLoaded ? `${listId}-row-${selectedIndex}` : undefined}
      tabIndex={0}
      itemCount={total}
      rowHeight={ITEM_ROW_HEIGHT}
      revealIndex={selectedIndex >= 0 ? selectedIndex : null}
      renderRow={renderRow}
      onRangeChange={items.requestRows}
    />
  );
}
