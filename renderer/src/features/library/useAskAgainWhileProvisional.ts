import { useEffect } from 'react';

/** How soon a search answered before the library had loaded is asked again. */
const ASK_AGAIN_MS = 1_500;

/**
 * Just after start-up a search is answered before the whole library has loaded, with each paper
 * shown from one feed and without its discussions (`provisional`). This asks again, once per
 * provisional answer, until the full answer arrives; the list keeps its rows meanwhile.
 */
export function useAskAgainWhileProvisional(provisional: boolean, askAgain: () => unknown): void {
  useEffect(() => {
    if (!provisional) return undefined;
    const timer = setTimeout(() => void askAgain(), ASK_AGAIN_MS);
    return () => clearTimeout(timer);
  }, [provisional, askAgain]);
}
