/** What a keyboard shortcut does. */
export type ShortcutAction =
  'next-item' | 'previous-item' | 'toggle-read' | 'toggle-star' | 'open-in-browser' | 'refresh-all';

/**
 * Where the key was pressed, as far as shortcuts care:
 * - `text-entry`: an input, text area, select or editable text, where keys are the user's typing;
 * - `control`: a button or link, where Enter and arrows already mean something;
 * - `item-list`: the item list, where arrows move the selection;
 * - `elsewhere`: anything else (the page, the reader's text).
 */
export type FocusContext = 'text-entry' | 'control' | 'item-list' | 'elsewhere';

/** The parts of a keydown that decide a shortcut. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

const LETTER_SHORTCUTS: Readonly<Record<string, ShortcutAction>> = {
  j: 'next-item',
  k: 'previous-item',
  m: 'toggle-read',
  s: 'toggle-star',
  o: 'open-in-browser',
  r: 'refresh-all',
};

/**
 * The shortcut a key press means, or null to leave the key to the browser. Letters work anywhere
 * but in text entry; arrows only in the item list, so they still scroll the reader; Enter only
 * where it does not already press a button. Modified keys are the system's and the browser's.
 */
export function shortcutForKey(press: KeyPress, focus: FocusContext): ShortcutAction | null {
  if (press.ctrlKey || press.metaKey || press.altKey || focus === 'text-entry') return null;
  if (press.key === 'ArrowDown') return focus === 'item-list' ? 'next-item' : null;
  if (press.key === 'ArrowUp') return focus === 'item-list' ? 'previous-item' : null;
  if (press.key === 'Enter') return focus === 'control' ? null : 'open-in-browser';
  if (press.shiftKey) return null;
  return LETTER_SHORTCUTS[press.key] ?? null;
}
