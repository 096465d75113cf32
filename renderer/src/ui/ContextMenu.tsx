import {
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent,
} from 'react';
import { createPortal } from 'react-dom';
import './contextMenu.css';

/** One thing a context menu offers. The same list feeds the system's menu and this one. */
export interface ContextMenuAction {
  /** Unique within the menu; what the system's menu hands back. */
  id: string;
  label: string;
  /** False shows the action greyed out and unselectable; true unless said otherwise. */
  enabled?: boolean;
  /** Draws a line above it, starting a new group (e.g. before "Unsubscribe…"). */
  separatorBefore?: boolean;
  run: () => void;
}

export interface ContextMenuProps {
  /** The menu's accessible name, e.g. "Actions for NEJM". */
  label: string;
  actions: readonly ContextMenuAction[];
  /** Where it opens, in viewport pixels; it is kept inside the window. */
  at: { x: number; y: number };
  /** Gets the focus back when the menu closes by keyboard or runs an action. */
  returnFocusTo: HTMLElement | null;
  /** The menu closes: unmount it. Called before the chosen action runs. */
  onClose: () => void;
}

/** Space kept between the menu and the window's edge. */
const EDGE = 4;

/**
 * A context menu drawn in the window (where the backend has no system menus): `role="menu"`,
 * focus on its first item, arrows, Home and End to move, a letter to jump, Enter or Space to
 * choose, Escape or Tab to leave with the focus back where the menu was opened; a click
 * elsewhere closes it.
 */
export function ContextMenu({ label, actions, at, returnFocusTo, onClose }: ContextMenuProps) {
  const menuRef = useRef<HTMLDivElement>(null);
  const itemRefs = useRef(new Map<string, HTMLButtonElement>());
  // Captured while rendering, before the menu takes the focus.
  const [opener] = useState(
    () =>
      returnFocusTo ??
      (document.activeElement instanceof HTMLElement ? document.activeElement : null),
  );
  const [place, setPlace] = useState(at);
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  }, [onClose]);

  const enabled = actions.filter((action) => action.enabled !== false);

  // Kept inside the window: a menu opened near the right or bottom edge opens leftward or upward.
  useLayoutEffect(() => {
    const menu = menuRef.current;
    if (!menu) return;
    const { width, height } = menu.getBoundingClientRect();
    setPlace({
      x: Math.max(EDGE, Math.min(at.x, window.innerWidth - width - EDGE)),
      y: Math.max(EDGE, Math.min(at.y, window.innerHeight - height - EDGE)),
    });
  }, [at.x, at.y]);

  useEffect(() => {
    const first = actions.find((action) => action.enabled !== false);
    if (first) itemRefs.current.get(first.id)?.focus();
    else menuRef.current?.focus();
    // The first render's actions decide where the focus starts; later ones keep it where it is.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const closeOnOutsidePress = (event: PointerEvent) => {
      if (!menuRef.current?.contains(event.target as Node)) onCloseRef.current();
    };
    const close = () => onCloseRef.current();
    document.addEventListener('pointerdown', closeOnOutsidePress, true);
    window.addEventListener('resize', close);
    return () => {
      document.removeEventListener('pointerdown', closeOnOutsidePress, true);
      window.removeEventListener('resize', close);
    };
  }, []);

  const returnFocus = () => {
    if (opener?.isConnected) opener.focus();
  };

  const choose = (action: ContextMenuAction) => {
    if (action.enabled === false) return;
    returnFocus();
    onClose();
    action.run();
  };

  const focusAt = (index: number) => {
    const action = enabled[(index + enabled.length) % enabled.length];
    if (action) itemRefs.current.get(action.id)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const current = enabled.findIndex(
      (action) => itemRefs.current.get(action.id) === document.activeElement,
    );
    const handled = () => {
      event.preventDefault();
      event.stopPropagation();
    };
    switch (event.key) {
      case 'ArrowDown':
        handled();
        focusAt(current + 1);
        return;
      case 'ArrowUp':
        handled();
        focusAt(current < 0 ? -1 : current - 1);
        return;
      case 'Home':
        handled();
        focusAt(0);
        return;
      case 'End':
        handled();
        focusAt(-1);
        return;
      case 'Escape':
      case 'Tab':
        handled();
        returnFocus();
        onClose();
        return;
      case 'Enter':
      case ' ': {
        handled();
        const action = enabled[current];
        if (action) choose(action);
        return;
      }
      default:
        if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
          handled();
          const letter = event.key.toLocaleLowerCase();
          const order = [...enabled.slice(current + 1), ...enabled.slice(0, current + 1)];
          const match = order.find((action) => action.label.toLocaleLowerCase().startsWith(letter));
          if (match) itemRefs.current.get(match.id)?.focus();
        }
    }
  };

  return createPortal(
    <div
      ref={menuRef}
      role="menu"
      aria-label={label}
      tabIndex={-1}
      className="context-menu"
      style={{ left: place.x, top: place.y }}
      onKeyDown={onKeyDown}
      onContextMenu={(event: MouseEvent) => event.preventDefault()}
    >
      {actions.map((action) => (
        <div key={action.id} role="none" className="context-menu-entry">
          {action.separatorBefore ? (
            <div role="separator" className="context-menu-separator" />
          ) : null}
          <button
            ref={(element) => {
              if (element) itemRefs.current.set(action.id, element);
              else itemRefs.current.delete(action.id);
            }}
            type="button"
            role="menuitem"
            tabIndex={-1}
            className="context-menu-item"
            aria-disabled={action.enabled === false ? true : undefined}
            onClick={() => choose(action)}
          >
            {action.label}
          </button>
        </div>
      ))}
    </div>,
    document.body,
  );
}
