import { useEffect, useRef } from 'react';
import { shortcutForKey, type FocusContext, type ShortcutAction } from './shortcutForKey';

/** What each shortcut does in this window. */
export type ShortcutHandlers = Record<ShortcutAction, () => void>;

/** Actions that make no sense to repeat while a key is held down. */
const ONCE_PER_PRESS: ReadonlySet<ShortcutAction> = new Set([
  'toggle-read',
  'toggle-star',
  'open-in-browser',
  'refresh-all',
]);

/**
 * The reader's keyboard shortcuts on the whole window (j/k, arrows, m, s, o, Enter, r), off while
 * `enabled` is false, e.g. while a dialog is open.
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
      if (event.repeat && ONCE_PER_PRESS.has(action)) return;
      handlersRef.current[action]();
    };
    window.addEventListener('keydown', handleKeyDown);
    return () => window.removeEventListener('keydown', handleKeyDown);
  }, [enabled]);
}

function focusContextOf(target: EventTarget | null): FocusContext {
  if (!(target instanceof Element)) return 'elsewhere';
  if (target.closest('input, textarea, select, [contenteditable]:not([contenteditable="false"])')) {
    return 'text-entry';
  }
  if (target.closest('[role="listbox"]')) return 'item-list';
  if (target.closest('button, a[href], summary, [role="button"], [role="link"]')) return 'control';
  return 'elsewhere';
}
