// @vitest-environment jsdom
import type { ImagesStoredEvent } from '@shared/contract';
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useSavedImagesVersion } from './useSavedImagesVersion';

afterEach(cleanup);

function events() {
  const listeners = new Set<(event: ImagesStoredEvent) => void>();
  return {
    subscribe: (listener: (event: ImagesStoredEvent) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    fire: (event: ImagesStoredEvent) => act(() => listeners.forEach((listener) => listener(event))),
    count: () => listeners.size,
  };
}

describe('useSavedImagesVersion', () => {
  it('moves on when this item’s images were saved, and only then', () => {
    const source = events();
    const { result, unmount } = renderHook(() => useSavedImagesVersion('a', source.subscribe));
    expect(result.current).toBe(0);

    source.fire({ itemIds: ['b'] });
    expect(result.current).toBe(0);
    source.fire({ itemIds: ['b', 'a'] });
    expect(result.current).toBe(1);

    unmount();
    expect(source.count()).toBe(0);
  });
});
