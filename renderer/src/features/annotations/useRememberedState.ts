import { useCallback, useState } from 'react';

/** Reads the stored value; storage may be unavailable (private mode, tests) or hold junk. */
function readStored<T extends string>(key: string, allowed: readonly T[], fallback: T): T {
  try {
    const stored = window.localStorage.getItem(key);
    return allowed.find((value) => value === stored) ?? fallback;
  } catch {
    return fallback;
  }
}

/**
 * A small piece of window state (a panel's open or closed, a list's order) that outlives the
 * window: kept in localStorage under `key`, one of `allowed` values, `fallback` until set.
 */
export function useRememberedState<T extends string>(
  key: string,
  allowed: readonly T[],
  fallback: T,
): [T, (value: T) => void] {
  const [value, setValue] = useState<T>(() => readStored(key, allowed, fallback));
  const remember = useCallback(
    (next: T) => {
      setValue(next);
      try {
        window.localStorage.setItem(key, next);
      } catch {
        // Not remembered this time; the window still shows what the user chose.
      }
    },
    [key],
  );
  return [value, remember];
}
