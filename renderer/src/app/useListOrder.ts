import { useRememberedState } from '../features/annotations/useRememberedState';
import type { ItemSort } from '../features/library/useItems';

const ORDERS = ['newest', 'oldest'] as const;

/** The lists' order, newest or oldest first, remembered between starts. */
export function useListOrder(): [ItemSort, (order: ItemSort) => void] {
  return useRememberedState('rounds.list.order', ORDERS, 'newest');
}
