import { describe, expect, it } from 'vitest';
import { ExpiredItemKeys } from './ExpiredItemKeys';
import type { RetentionFiles } from './ports';

/** The expired-items file in memory: what was last saved. */
function memoryFiles(initial: Record<string, string[]> = {}) {
  const saved = { current: initial };
  const files: Pick<RetentionFiles, 'expiredItems' | 'saveExpiredItems'> = {
    expiredItems: () => structuredClone(saved.current),
    saveExpiredItems: async (expired) => {
      saved.current = structuredClone(expired);
    },
  };
  return { files, saved };
}

describe('ExpiredItemKeys', () => {
  it('records removed items before removing them, and takes back those not removed', async () => {
    const { files, saved } = memoryFiles();
    const keys = new ExpiredItemKeys(files);
    let recordedDuringRemoval: Record<string, string[]> = {};

    const removed = await keys.expire('journal', ['a', 'b', 'c'], async () => {
      recordedDuringRemoval = structuredClone(saved.current);
      return ['a', 'c'];
    });

    expect(removed).toEqual(['a', 'c']);
    expect(recordedDuringRemoval).toEqual({ journal: ['a', 'b', 'c'] });
    expect(saved.current).toEqual({ journal: ['a', 'c'] });
  });

  it('takes every id back when the removal fails', async () => {
    const { files, saved } = memoryFiles({ journal: ['old'] });
    const keys = new ExpiredItemKeys(files);
    await expect(
      keys.expire('journal', ['a'], () => Promise.reject(new Error('disk full'))),
    ).rejects.toThrow('disk full');
    expect(saved.current).toEqual({ journal: ['old'] });
  });

  it('hands a refresh the removed ids its feed still lists, and forgets the others', async () => {
    const { files, saved } = memoryFiles({ journal: ['a', 'b'], other: ['x'] });
    const keys = new ExpiredItemKeys(files);
    let handed: string[] = [];

    const stored = await keys.admit('journal', ['b', 'c'], async (expired) => {
      handed = [...expired];
      return 1;
    });

    expect(stored).toBe(1);
    expect(handed).toEqual(['b']);
    expect(saved.current).toEqual({ journal: ['b'], other: ['x'] });
  });

  it('lets a refresh write only once a removal of its feed’s items has finished', async () => {
    const keys = new ExpiredItemKeys(memoryFiles().files);
    const order: string[] = [];
    let letRemovalFinish!: () => void;
    const removalMayFinish = new Promise<void>((resolve) => (letRemovalFinish = resolve));

    const removal = keys.expire('journal', ['a'], async () => {
      await removalMayFinish;
      order.push('removed');
      return ['a'];
    });
    const refresh = keys.admit('journal', ['a', 'b'], async (expired) => {
      order.push(`stored without ${[...expired].join()}`);
    });
    // Another feed's refresh does not wait.
    await keys.admit('other', ['x'], async () => {
      order.push('other feed stored');
    });
    letRemovalFinish();
    await Promise.all([removal, refresh]);

    expect(order).toEqual(['other feed stored', 'removed', 'stored without a']);
  });

  it('forgets ids of items still in the library, and feeds no longer subscribed', async () => {
    const { files, saved } = memoryFiles({ journal: ['a', 'b'], gone: ['x'] });
    const keys = new ExpiredItemKeys(files);
    await keys.forget('journal', ['a']);
    await keys.forgetFeedsExcept(new Set(['journal']));
    expect(saved.current).toEqual({ journal: ['b'] });
    expect(keys.of('journal')).toEqual(['b']);
  });
});
