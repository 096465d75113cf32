import type { ItemSummary } from '@shared/contract';
import type { ItemList } from '../features/library/useItems';

/**
 * The row of the first unread item after `after` (-1 to start at the top), loading pages as it
 * goes since the list holds only the pages near the screen; -1 when none is left below.
 */
export async function findNextUnread(
  items: Pick<ItemList, 'total' | 'itemAt' | 'loadItemAt'>,
  after: number,
  isRead: (item: ItemSummary) => boolean,
): Promise<number> {
  const total = items.total ?? 0;
  for (let index = Math.max(after + 1, 0); index < total; index += 1) {
    const item = items.itemAt(index) ?? (await items.loadItemAt(index));
    if (item !== undefined && !isRead(item)) return index;
  }
  return -1;
}
