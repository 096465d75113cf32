// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useGroupCounts, type CountedGroup, type ItemCounter } from './useGroupCounts';

const GROUPS: CountedGroup[] = [
  { key: 'folder:Renal', scope: { folder: ['Renal'], filter: 'unread' } },
];

/** A library whose folder holds `unread` unread items, counting the calls it answers. */
function countingLibrary() {
  const state = { unread: 4, calls: 0 };
  const library: ItemCounter = {
    list: async () => {
      state.calls += 1;
      return { ok: true, value: { items: [], total: state.unread, offset: 0 } };
    },
  };
  return { state, library };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

async function settle(): Promise<void> {
  await act(async () => {
    await vi.runAllTimersAsync();
  });
}

describe('useGroupCounts', () => {
  it('counts again after a change that returns to an earlier state before settling', async () => {
    const { state, library } = countingLibrary();
    // The first round's answer is held until the test lets it go.
    let release: (() => void) | null = null;
    const held: ItemCounter = {
      list: async (args) => {
        if (state.calls === 1) await new Promise<void>((resolve) => (release = resolve));
        return library.list(args);
      },
    };
    const { result, rerender } = renderHook(
      ({ changeKey }) => useGroupCounts(held, GROUPS, changeKey),
      { initialProps: { changeKey: 'unread 4' } },
    );
    await settle();
    expect(result.current.get('folder:Renal')).toBe(4);

    // A star changes the key; its round is asked for, and answered only after everything in the
    // folder was marked read: it reports 0 for the starred state.
    rerender({ changeKey: 'unread 4, starred 1' });
    await settle();
    state.unread = 0;
    rerender({ changeKey: 'unread 0, starred 1' });
    await act(async () => {
      release?.();
      await Promise.resolve();
    });
    expect(result.current.get('folder:Renal')).toBe(0);

    // Undone before that change settled: the key is the starred one again, but the count must
    // follow the library, not stay at the answer given in between.
    state.unread = 4;
    rerender({ changeKey: 'unread 4, starred 1' });
    await settle();
    expect(result.current.get('folder:Renal')).toBe(4);
  });
});
