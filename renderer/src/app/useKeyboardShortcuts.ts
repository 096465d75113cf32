import { useEffect, useRef } from 'react';
import { focusContextOf, shortcutForKey, shortcutRepeats, type ShortcutAction } from './shortcuts';

/** What each shortcut does in this window. */
export type ShortcutHandlers = Record<ShortcutAction, () => void>;

/**
 * The keymap (shortcuts.ts) on the whole window, off while `enabled` is false, e.g. while a
 * dialog is open. A key something else already handled (a menu closing on Escape) is left alone.
 */
export function useKeyboardShortcuts(enabled: boolean, handlers: ShortcutHandlers): void {
  const handlersRef = useRef(handlers);

  useEffect(() => {
    handlersRef.current = handlers;
  }, [handlers]);

  useEffect(() => {
    if (!enabled) return;
    const handleKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const action = shortcutForKey(event, focusContextOf(event.target));
      if (action === null) return;
      event.preventDefault();
      if (event.repeat && !shortcutRepeats(action)) return;
      handlersRef.current[action]();
    };
    window.addEventListener('keydown', handleKeyDown);
    return () => window.removeEventListener('keydown', handleKeyDown);
  }, [enabled]);
}
