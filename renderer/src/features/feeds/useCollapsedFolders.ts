import { useCallback, useState } from 'react';

const STORAGE_KEY = 'rounds.collapsedFolders';

/**
 * Which folders of the sources pane are collapsed, remembered on this computer so the pane looks
 * the same the next time Rounds opens. Folders are open unless the user closed them.
 */
export function useCollapsedFolders() {
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(readRemembered);

  const toggle = useCallback((key: string) => {
    setCollapsed((current) => {
      const next = new Set(current);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      remember(next);
      return next;
    });
  }, []);

  const isCollapsed = useCallback((key: string) => collapsed.has(key), [collapsed]);

  return { isCollapsed, toggle };
}

function readRemembered(): ReadonlySet<string> {
  try {
    const stored: unknown = JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? '[]');
    return new Set(Array.isArray(stored) ? stored.filter((key) => typeof key === 'string') : []);
  } catch {
    // Unreadable or blocked storage: every folder simply starts open.
    return new Set();
  }
}

function remember(keys: ReadonlySet<string>): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify([...keys]));
  } catch {
    // Storage full or blocked: the pane still works, it just forgets on restart.
  }
}
