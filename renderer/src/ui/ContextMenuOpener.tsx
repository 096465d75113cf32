import type { ContextMenuAnswer, ContextMenuEntry, Result } from '@shared/contract';
import { useCallback, useState, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { ContextMenu, type ContextMenuAction } from './ContextMenu';

/** `app.showContextMenu`: the system's menu where the backend has one (the desktop app). */
export type ShowNativeMenu = (request: {
  entries: ContextMenuEntry[];
}) => Promise<Result<ContextMenuAnswer, string>>;

/** What a menu shows: its name and its actions, in order. */
export interface ContextMenuRequest {
  label: string;
  actions: readonly ContextMenuAction[];
}

/** The event handlers that open a menu on an element: right click, Shift+F10, the menu key. */
export interface ContextMenuTriggerProps {
  onContextMenu: (event: MouseEvent<HTMLElement>) => void;
  onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
}

export interface ContextMenuOpener {
  /** Opens a menu at a point, giving the focus back to `returnFocusTo` when it closes. */
  open(request: ContextMenuRequest, at: Point, returnFocusTo: HTMLElement | null): Promise<void>;
  /**
   * Handlers for an element that has a menu; `build` makes the menu when it is asked for (null:
   * no menu there).
   */
  triggerProps(build: (target: HTMLElement) => ContextMenuRequest | null): ContextMenuTriggerProps;
  /** The menu drawn in the window, or null: render it anywhere (it draws over the window). */
  element: ReactNode;
}

interface Point {
  x: number;
  y: number;
}

interface OpenMenu extends ContextMenuRequest {
  at: Point;
  returnFocusTo: HTMLElement | null;
}

/** Backends that answered once that they draw no menus: asking again would only add a delay. */
const withoutNativeMenus = new WeakSet<ShowNativeMenu>();

/** Shift+F10 and the ContextMenu key open a menu from the keyboard, as the system's menus do. */
export function isContextMenuKey(event: Pick<KeyboardEvent, 'key' | 'shiftKey'>): boolean {
  return event.key === 'ContextMenu' || (event.shiftKey && event.key === 'F10');
}

/** Where a menu opened from the keyboard goes: under the start of the element it is for. */
export function pointBelow(element: HTMLElement): Point {
  const box = element.getBoundingClientRect();
  return { x: box.left + 8, y: box.bottom };
}

/** The entries the system's menu gets for these actions. */
export function entriesOf(actions: readonly ContextMenuAction[]): ContextMenuEntry[] {
  return actions.flatMap((action): ContextMenuEntry[] => {
    const entry: ContextMenuEntry = {
      kind: 'action',
      id: action.id,
      label: action.label,
      enabled: action.enabled !== false,
    };
    return action.separatorBefore ? [{ kind: 'separator' }, entry] : [entry];
  });
}

/**
 * Context menus for a part of the window. With `showNative` (the backend's `showContextMenu`),
 * the system's menu is shown when the backend has one and the chosen action runs; otherwise, or
 * when it answers that it has none, the window draws the same actions itself ({@link ContextMenu}).
 */
export function useContextMenu(showNative?: ShowNativeMenu): ContextMenuOpener {
  const [menu, setMenu] = useState<OpenMenu | null>(null);

  const open = useCallback(
    async (request: ContextMenuRequest, at: Point, returnFocusTo: HTMLElement | null) => {
      if (request.actions.length === 0) return;
      if (showNative && !withoutNativeMenus.has(showNative)) {
        const answer = await showNative({ entries: entriesOf(request.actions) }).catch(() => null);
        if (answer?.ok && answer.value.native) {
          const { chosen } = answer.value;
          request.actions.find((action) => action.id === chosen && action.enabled !== false)?.run();
          return;
        }
        if (answer?.ok) withoutNativeMenus.add(showNative);
      }
      setMenu({ ...request, at, returnFocusTo });
    },
    [showNative],
  );

  const triggerProps = useCallback(
    (build: (target: HTMLElement) => ContextMenuRequest | null): ContextMenuTriggerProps => ({
      onContextMenu: (event) => {
        const target = event.currentTarget;
        const request = build(target);
        if (request === null) return;
        event.preventDefault();
        // A menu asked for from the keyboard (the browser's own key handling) has no pointer.
        const fromKeyboard = event.clientX === 0 && event.clientY === 0;
        const at = fromKeyboard ? pointBelow(target) : { x: event.clientX, y: event.clientY };
        void open(request, at, target);
      },
      onKeyDown: (event) => {
        if (!isContextMenuKey(event)) return;
        const target = event.currentTarget;
        const request = build(target);
        if (request === null) return;
        event.preventDefault();
        event.stopPropagation();
        void open(request, pointBelow(target), target);
      },
    }),
    [open],
  );

  const element =
    menu === null ? null : (
      <ContextMenu
        label={menu.label}
        actions={menu.actions}
        at={menu.at}
        returnFocusTo={menu.returnFocusTo}
        onClose={() => setMenu(null)}
      />
    );

  return { open, triggerProps, element };
}
