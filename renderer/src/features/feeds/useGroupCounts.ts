import type { Api } from '@shared/contract';
import { useEffect, useMemo, useState } from 'react';
import { useDebouncedValue } from '../../ui/useDebouncedValue';

/** The one call counting needs: a list of one row, whose `total` is the count. */
export type ItemCounter = Pick<Api['library'], 'list'>;

/** What to count for one folder, tag or saved search: `library.list`'s scope, without a page. */
export interface CountedGroup {
  /** Identifies the group among the others counted together. */
  key: string;
  scope: Omit<Parameters<ItemCounter['list']>[0], 'offset' | 'limit'>;
}

/** Changes to the library settle for this long before the counts are asked for again. */
const SETTLE_MS = 300;

/**
 * The library's own count of each group: a folder's or tag's unread items with a paper two of
 * its feeds carry counted once, a saved search's matches. Asked for again whenever `changeKey`
 * changes (items read, added, removed); until the first answers arrive the map lacks the group,
 * and the caller shows its estimate. Without a `library` nothing is counted.
 */
export function useGroupCounts(
  library: ItemCounter | undefined,
  groups: readonly CountedGroup[],
  changeKey: string,
): ReadonlyMap<string, number> {
  const [counts, setCounts] = useState<ReadonlyMap<string, number>>(() => new Map());
  // Groups arrive as new objects on every render; their JSON says when they really changed.
  const groupsKey = JSON.stringify(groups);
  // Every change counts, even one back to an earlier state (marked read, then undone): a round
  // of answers may already reflect the state in between, so the key alone could miss it.
  const changes = useChangeCount(changeKey);
  const settledChange = useDebouncedValue(changes, SETTLE_MS);
  const wanted = useMemo(() => JSON.parse(groupsKey) as CountedGroup[], [groupsKey]);

  useEffect(() => {
    if (!library || wanted.length === 0) return;
    let current = true;
    void Promise.all(
      wanted.map(async ({ key, scope }) => {
        const result = await library.list({ ...scope, offset: 0, limit: 1 }).catch(() => null);
        return [key, result?.ok ? result.value.total : null] as const;
      }),
    ).then((answers) => {
      // An older round of answers arriving late must not overwrite a newer one.
      if (!current) return;
      const next = new Map<string, number>();
      for (const [key, total] of answers) if (total !== null) next.set(key, total);
      setCounts(next);
    });
    return () => {
      current = false;
    };
  }, [library, wanted, settledChange]);

  return counts;
}

/** How many times `value` has changed since the first render. */
function useChangeCount(value: string): number {
  const [seen, setSeen] = useState({ value, count: 0 });
  if (seen.value !== value) {
    const next = { value, count: seen.count + 1 };
    setSeen(next);
    return next.count;
  }
  return seen.count;
}
