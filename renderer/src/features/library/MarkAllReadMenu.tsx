import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { MarkAllReadAge } from './useMarkAllRead';

interface Choice {
  age: MarkAllReadAge | null;
  label: string;
}

const CHOICES: readonly Choice[] = [
  { age: null, label: 'All in this list' },
  { age: 'day', label: 'Older than a day' },
  { age: 'week', label: 'Older than a week' },
];

export interface MarkAllReadMenuProps {
  /** False while the list has nothing unread to mark, or while a marking is on its way. */
  enabled: boolean;
  onMark: (olderThan: MarkAllReadAge | null) => void;
}

/**
 * The list header's "Mark all read" button (also Shift+A) and its menu: everything in the list,
 * or only what is older than a day or a week. Arrow keys move through the menu, Escape closes it
 * and puts the focus back on the button.
 */
export function MarkAllReadMenu({ enabled, onMark }: MarkAllReadMenuProps) {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const container = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const items = useRef<(HTMLButtonElement | null)[]>([]);

  useEffect(() => {
    if (!open) return;
    items.current[0]?.focus();
    const closeOnOutsidePress = (event: PointerEvent) => {
      if (!container.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', closeOnOutsidePress);
    return () => document.removeEventListener('pointerdown', closeOnOutsidePress);
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!open) return;
    if (event.key === 'Escape') {
      // Handled here, so the window's Escape (back to the list) does not fire as well.
      event.preventDefault();
      close();
      return;
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const current = items.current.findIndex((item) => item === document.activeElement);
    const step = event.key === 'ArrowDown' ? 1 : -1;
    const next = (current + step + CHOICES.length) % CHOICES.length;
    items.current[next]?.focus();
  };

  return (
    <div
      ref={container}
      className="mark-all-read"
      onKeyDown={onKeyDown}
      onBlur={(event) => {
        if (!container.current?.contains(event.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <button
        ref={button}
        type="button"
        className="button button-quiet button-small"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        disabled={!enabled}
        title="Mark all as read (Shift+A)"
        onClick={() => setOpen(!open)}
      >
        Mark all read
      </button>
      {open ? (
        <div id={menuId} className="mark-all-read-menu" role="menu" aria-label="Mark as read">
          {CHOICES.map((choice, index) => (
            <button
              key={choice.label}
              ref={(element) => {
                items.current[index] = element;
              }}
              type="button"
              role="menuitem"
              className="mark-all-read-choice"
              tabIndex={-1}
              onClick={() => {
                close();
                onMark(choice.age);
              }}
            >
              {choice.label}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
