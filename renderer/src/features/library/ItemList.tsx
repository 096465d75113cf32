import { useCallback, useId, type CSSProperties } from 'react';
import { VirtualList } from '../../ui/VirtualList';
import type { FlaggedItem, ItemFlags } from './ItemFlagStore';
import { ItemRow } from './ItemRow';
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

  const renderRow = useCallback(
    (index: number, style: CSSProperties) => {
      const item = items.itemAt(index);
      if (!item)
        return <div className="item-row is-placeholder" style={style} aria-hidden="true" />;
      return (
        <ItemRow
          id={`${listId}-row-${index}`}
          item={item}
          flags={flagsOf(item)}
          feedTitle={feedTitleOf(item.feedId)}
          index={index}
          total={total}
          selected={item.id === selectedId}
          now={now}
          style={style}
          onSelect={onSelect}
          onOpen={onOpen}
        />
      );
    },
    [items, listId, flagsOf, feedTitleOf, total, selectedId, now, onSelect, onOpen],
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
