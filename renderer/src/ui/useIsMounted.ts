import { useCallback, useEffect, useRef } from 'react';

/**
 * A function telling whether the component is still on screen, for the end of an async action
 * (a dialog closed with Escape while its request was still running must not update itself).
 */
export function useIsMounted(): () => boolean {
  const mounted = useRef(false);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  return useCallback(() => mounted.current, []);
}
