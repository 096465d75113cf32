import { describe, expect, it } from 'vitest';
import { shortcutForKey, type KeyPress } from './shortcutForKey';

const press = (key: string, modifiers: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...modifiers,
});

describe('shortcutForKey', () => {
  it('maps the reading letters wherever the user is not typing', () => {
    expect(shortcutForKey(press('j'), 'elsewhere')).toBe('next-item');
    expect(shortcutForKey(press('k'), 'item-list')).toBe('previous-item');
    expect(shortcutForKey(press('m'), 'control')).toBe('toggle-read');
    expect(shortcutForKey(press('s'), 'elsewhere')).toBe('toggle-star');
    expect(shortcutForKey(press('o'), 'item-list')).toBe('open-in-browser');
    expect(shortcutForKey(press('r'), 'elsewhere')).toBe('refresh-all');
  });

  it('leaves every key alone while the user types', () => {
    for (const key of ['j', 'k', 'm', 's', 'o', 'r', 'Enter', 'ArrowDown', 'ArrowUp']) {
      expect(shortcutForKey(press(key), 'text-entry')).toBeNull();
    }
  });

  it('moves with the arrows only in the item list, so they still scroll the reader', () => {
    expect(shortcutForKey(press('ArrowDown'), 'item-list')).toBe('next-item');
    expect(shortcutForKey(press('ArrowUp'), 'item-list')).toBe('previous-item');
    expect(shortcutForKey(press('ArrowDown'), 'elsewhere')).toBeNull();
    expect(shortcutForKey(press('ArrowUp'), 'control')).toBeNull();
  });

  it('opens with Enter except on a button or link, which Enter presses', () => {
    expect(shortcutForKey(press('Enter'), 'item-list')).toBe('open-in-browser');
    expect(shortcutForKey(press('Enter'), 'elsewhere')).toBe('open-in-browser');
    expect(shortcutForKey(press('Enter'), 'control')).toBeNull();
  });

  it('leaves modified keys to the system and the browser', () => {
    expect(shortcutForKey(press('r', { ctrlKey: true }), 'elsewhere')).toBeNull();
    expect(shortcutForKey(press('r', { metaKey: true }), 'elsewhere')).toBeNull();
    expect(shortcutForKey(press('s', { altKey: true }), 'elsewhere')).toBeNull();
    expect(shortcutForKey(press('J', { shiftKey: true }), 'elsewhere')).toBeNull();
  });

  it('ignores other keys', () => {
    expect(shortcutForKey(press('x'), 'elsewhere')).toBeNull();
    expect(shortcutForKey(press(' '), 'item-list')).toBeNull();
    expect(shortcutForKey(press('Escape'), 'elsewhere')).toBeNull();
  });
});
