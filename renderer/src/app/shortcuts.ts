/**
 * The window's keymap: every keyboard shortcut, the keys that press it, where it works and what
 * it does. The key handler (useKeyboardShortcuts) and the overlay listing them (ShortcutsDialog)
 * both read this table, so what the overlay says is what the keys do.
 */

/** What a keyboard shortcut does. */
export type ShortcutAction =
  | 'next-item'
  | 'previous-item'
  | 'next-unread'
  | 'page-down'
  | 'toggle-read'
  | 'toggle-star'
  | 'open-in-browser'
  | 'toggle-unread-only'
  | 'mark-all-read'
  | 'focus-search'
  | 'refresh-all'
  | 'show-shortcuts'
  | 'back';

/**
 * Where the key was pressed, as far as shortcuts care:
 * - `text-entry`: an input, text area, select or editable text, where keys are the user's typing;
 * - `control`: a button or link, where Enter and Space already mean something;
 * - `item-list`: the item list, where arrows move the selection;
 * - `elsewhere`: anything else (the page, the reader's text).
 */
export type FocusContext = 'text-entry' | 'control' | 'item-list' | 'elsewhere';

/**
 * Where one key of a shortcut works (never while typing):
 * - `anywhere`: wherever the focus is;
 * - `item-list`: only in the item list (the arrows, which scroll everything else);
 * - `off-controls`: anywhere but on a button or link, which Enter and Space press.
 */
export type ShortcutReach = 'anywhere' | 'item-list' | 'off-controls';

/** One key of a shortcut: a `KeyboardEvent.key` value and where it works. */
export interface ShortcutKey {
  key: string;
  reach: ShortcutReach;
  /** Pressed with Shift (`Shift+A`); a key that Shift makes, such as `?`, does not say so. */
  shift?: boolean;
}

/** The overlay's sections, in the order it shows them. */
export type ShortcutGroup = 'Moving around' | 'The open item' | 'The window';

export interface Shortcut {
  action: ShortcutAction;
  keys: readonly ShortcutKey[];
  /** What it does, as the overlay says it. */
  description: string;
  group: ShortcutGroup;
  /** Whether holding the key down repeats it (moving does; marking or opening twice would undo or duplicate). */
  repeats: boolean;
}

const anywhere = (key: string): ShortcutKey => ({ key, reach: 'anywhere' });

export const SHORTCUTS: readonly Shortcut[] = [
  {
    action: 'next-item',
    keys: [anywhere('j'), { key: 'ArrowDown', reach: 'item-list' }],
    description: 'Next item',
    group: 'Moving around',
    repeats: true,
  },
  {
    action: 'previous-item',
    keys: [anywhere('k'), { key: 'ArrowUp', reach: 'item-list' }],
    description: 'Previous item',
    group: 'Moving around',
    repeats: true,
  },
  {
    action: 'next-unread',
    keys: [anywhere('n')],
    description: 'Next unread item',
    group: 'Moving around',
    repeats: true,
  },
  {
    action: 'page-down',
    keys: [{ key: ' ', reach: 'off-controls' }],
    description: 'Scroll the reader down a page; at the end, the next unread item',
    group: 'Moving around',
    repeats: true,
  },
  {
    action: 'back',
    keys: [anywhere('Escape')],
    description: 'Close what is open, or go back from the reader to the list',
    group: 'Moving around',
    repeats: false,
  },
  {
    action: 'toggle-read',
    keys: [anywhere('m')],
    description: 'Mark as read or unread',
    group: 'The open item',
    repeats: false,
  },
  {
    action: 'toggle-star',
    keys: [anywhere('s')],
    description: 'Star or unstar',
    group: 'The open item',
    repeats: false,
  },
  {
    action: 'open-in-browser',
    keys: [anywhere('o'), { key: 'Enter', reach: 'off-controls' }],
    description: 'Open in the browser',
    group: 'The open item',
    repeats: false,
  },
  {
    action: 'toggle-unread-only',
    keys: [anywhere('u')],
    description: 'Show only unread items, or all of them again',
    group: 'The window',
    repeats: false,
  },
  {
    action: 'mark-all-read',
    keys: [{ key: 'A', reach: 'anywhere', shift: true }],
    description: 'Mark every item in the list as read (Undo puts them back)',
    group: 'The window',
    repeats: false,
  },
  {
    action: 'focus-search',
    keys: [anywhere('/')],
    description: 'Search',
    group: 'The window',
    repeats: false,
  },
  {
    action: 'refresh-all',
    keys: [anywhere('r')],
    description: 'Refresh all feeds',
    group: 'The window',
    repeats: false,
  },
  {
    action: 'show-shortcuts',
    keys: [anywhere('?')],
    description: 'Show these shortcuts',
    group: 'The window',
    repeats: false,
  },
];

export const SHORTCUT_GROUPS: readonly ShortcutGroup[] = [
  'Moving around',
  'The open item',
  'The window',
];

/** The parts of a keydown that decide a shortcut. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

interface BoundKey {
  action: ShortcutAction;
  reach: ShortcutReach;
  shift: boolean;
}

const BY_KEY: ReadonlyMap<string, readonly BoundKey[]> = (() => {
  const byKey = new Map<string, BoundKey[]>();
  for (const shortcut of SHORTCUTS) {
    for (const { key, reach, shift = false } of shortcut.keys) {
      byKey.set(key, [...(byKey.get(key) ?? []), { action: shortcut.action, reach, shift }]);
    }
  }
  return byKey;
})();

/**
 * Whether Shift made the key rather than modified it: `?` (and `/` on many layouts) needs Shift,
 * while Shift with a letter, Space or Enter is another command (Shift+Space scrolls up).
 */
function shiftMadeTheKey(key: string): boolean {
  return key.length === 1 && !/[\p{L}\p{N}\s]/u.test(key);
}

function reaches(reach: ShortcutReach, focus: FocusContext): boolean {
  if (reach === 'item-list') return focus === 'item-list';
  if (reach === 'off-controls') return focus !== 'control';
  return true;
}

/**
 * The shortcut a key press means, or null to leave the key to the browser. Nothing fires while
 * the user types; Ctrl, Alt and Cmd keys are the system's and the browser's.
 */
export function shortcutForKey(press: KeyPress, focus: FocusContext): ShortcutAction | null {
  if (press.ctrlKey || press.metaKey || press.altKey || focus === 'text-entry') return null;
  // With Shift, only a key bound with Shift or one Shift made; without it, only plain keys.
  const shifted = press.shiftKey && !shiftMadeTheKey(press.key);
  const bound = BY_KEY.get(press.key)?.find(
    ({ reach, shift }) => shift === shifted && reaches(reach, focus),
  );
  return bound?.action ?? null;
}

/** Whether holding the shortcut's key repeats it. */
export function shortcutRepeats(action: ShortcutAction): boolean {
  return SHORTCUTS.find((shortcut) => shortcut.action === action)?.repeats ?? false;
}

const KEY_LABELS: Readonly<Record<string, string>> = {
  ' ': 'Space',
  ArrowDown: '↓',
  ArrowUp: '↑',
  Escape: 'Esc',
};

/** How the overlay writes a key. */
export function keyLabel(key: string, shift = false): string {
  const label = KEY_LABELS[key] ?? key;
  return shift ? `Shift+${label}` : label;
}

/** The focus context of a key press's target. */
export function focusContextOf(target: EventTarget | null): FocusContext {
  if (!(target instanceof Element)) return 'elsewhere';
  if (target.closest('input, textarea, select, [contenteditable]:not([contenteditable="false"])')) {
    return 'text-entry';
  }
  if (target.closest('[role="listbox"]')) return 'item-list';
  if (target.closest('button, a[href], summary, [role="button"], [role="link"]')) return 'control';
  return 'elsewhere';
}
