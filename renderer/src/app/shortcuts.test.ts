import { describe, expect, it } from 'vitest';
import { SHORTCUTS, keyLabel, shortcutForKey, shortcutRepeats, type KeyPress } from './shortcuts';

const press = (key: string, modifiers: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...modifiers,
});

describe('shortcutForKey', () => {
  it('maps every letter and symbol wherever the user is not typing', () => {
    expect(shortcutForKey(press('j'), 'elsewhere')).toBe('next-item');
    expect(shortcutForKey(press('k'), 'item-list')).toBe('previous-item');
    expect(shortcutForKey(press('n'), 'control')).toBe('next-unread');
    expect(shortcutForKey(press('m'), 'control')).toBe('toggle-read');
    expect(shortcutForKey(press('s'), 'elsewhere')).toBe('toggle-star');
    expect(shortcutForKey(press('o'), 'item-list')).toBe('open-in-browser');
    expect(shortcutForKey(press('u'), 'elsewhere')).toBe('toggle-unread-only');
    expect(shortcutForKey(press('/'), 'item-list')).toBe('focus-search');
    expect(shortcutForKey(press('r'), 'elsewhere')).toBe('refresh-all');
    expect(shortcutForKey(press('Escape'), 'control')).toBe('back');
  });

  it('opens the overlay with ?, which takes Shift on most keyboards', () => {
    expect(shortcutForKey(press('?', { shiftKey: true }), 'elsewhere')).toBe('show-shortcuts');
    expect(shortcutForKey(press('?'), 'item-list')).toBe('show-shortcuts');
    expect(shortcutForKey(press('/', { shiftKey: true }), 'elsewhere')).toBe('focus-search');
  });

  it('leaves every key alone while the user types', () => {
    for (const shortcut of SHORTCUTS) {
      for (const { key } of shortcut.keys) {
        expect(shortcutForKey(press(key), 'text-entry')).toBeNull();
      }
    }
  });

  it('moves with the arrows only in the item list, so they still scroll the reader', () => {
    expect(shortcutForKey(press('ArrowDown'), 'item-list')).toBe('next-item');
    expect(shortcutForKey(press('ArrowUp'), 'item-list')).toBe('previous-item');
    expect(shortcutForKey(press('ArrowDown'), 'elsewhere')).toBeNull();
    expect(shortcutForKey(press('ArrowUp'), 'control')).toBeNull();
  });

  it('leaves Enter and Space to a focused button or link, which they press', () => {
    expect(shortcutForKey(press('Enter'), 'item-list')).toBe('open-in-browser');
    expect(shortcutForKey(press('Enter'), 'elsewhere')).toBe('open-in-browser');
    expect(shortcutForKey(press('Enter'), 'control')).toBeNull();
    expect(shortcutForKey(press(' '), 'item-list')).toBe('page-down');
    expect(shortcutForKey(press(' '), 'elsewhere')).toBe('page-down');
    expect(shortcutForKey(press(' '), 'control')).toBeNull();
  });

  it('leaves modified keys to the system and the browser', () => {
    expect(shortcutForKey(press('r', { ctrlKey: true }), 'elsewhere')).toBeNull();
    expect(shortcutForKey(press('r', { metaKey: true }), 'elsewhere')).toBeNull();
    expect(shortcutForKey(press('s', { altKey: true }), 'elsewhere')).toBeNull();
    expect(shortcutForKey(press('?', { ctrlKey: true, shiftKey: true }), 'elsewhere')).toBeNull();
    expect(shortcutForKey(press('J', { shiftKey: true }), 'elsewhere')).toBeNull();
    expect(shortcutForKey(press('N', { shiftKey: true }), 'elsewhere')).toBeNull();
    // Shift+A marks all read; an A typed with Caps Lock on, without Shift, does nothing.
    expect(shortcutForKey(press('A', { shiftKey: true }), 'elsewhere')).toBe('mark-all-read');
    expect(shortcutForKey(press('A', { shiftKey: true }), 'item-list')).toBe('mark-all-read');
    expect(shortcutForKey(press('A'), 'elsewhere')).toBeNull();
    expect(shortcutForKey(press('A', { shiftKey: true }), 'text-entry')).toBeNull();
    // Shift+Space is the browser's "scroll up".
    expect(shortcutForKey(press(' ', { shiftKey: true }), 'elsewhere')).toBeNull();
    expect(shortcutForKey(press('Escape', { shiftKey: true }), 'elsewhere')).toBeNull();
  });

  it('ignores other keys', () => {
    expect(shortcutForKey(press('x'), 'elsewhere')).toBeNull();
    expect(shortcutForKey(press('Tab'), 'item-list')).toBeNull();
    expect(shortcutForKey(press('B', { shiftKey: true }), 'elsewhere')).toBeNull();
  });
});

describe('the keymap', () => {
  it('binds each key once per place, so no key press means two things', () => {
    const seen = new Set<string>();
    for (const shortcut of SHORTCUTS) {
      for (const { key, reach } of shortcut.keys) {
        expect(seen.has(`${key}@${reach}`)).toBe(false);
        seen.add(`${key}@${reach}`);
      }
    }
  });

  it('repeats moving but not marking, opening or refreshing', () => {
    expect(shortcutRepeats('next-item')).toBe(true);
    expect(shortcutRepeats('page-down')).toBe(true);
    expect(shortcutRepeats('toggle-read')).toBe(false);
    expect(shortcutRepeats('open-in-browser')).toBe(false);
    expect(shortcutRepeats('refresh-all')).toBe(false);
  });

  it('writes keys the way keyboards label them', () => {
    expect(keyLabel(' ')).toBe('Space');
    expect(keyLabel('Escape')).toBe('Esc');
    expect(keyLabel('ArrowDown')).toBe('↓');
    expect(keyLabel('j')).toBe('j');
  });
});
