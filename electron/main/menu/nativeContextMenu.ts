// The desktop app's answer to `app.showContextMenu`: the operating system's own menu, built from
// the entries the window sends. The host answers `{ native: false }` and the window draws the same
// entries itself (renderer/src/ui/ContextMenu.tsx), so one list of actions feeds both.
import type { MenuItemConstructorOptions } from 'electron';
import {
  ok,
  type appContract,
  type Backend,
  type ContextMenuEntry,
  type ServiceImplementation,
} from '@shared/contract';

type ShowContextMenu = ServiceImplementation<typeof appContract>['showContextMenu'];

/** What showing a native menu needs from Electron; structural, so it is tested in plain Node. */
export interface NativeMenuPort {
  /** Shows a menu built from `template` over the focused window; `onClosed` once it closes. */
  popup(template: MenuItemConstructorOptions[], onClosed: () => void): void;
  /** Runs `run` after the events already queued (Electron's `setImmediate`). */
  later(run: () => void): void;
}

/** Menu items for the entries; picking one calls `choose` with its id. */
export function buildContextMenuTemplate(
  entries: readonly ContextMenuEntry[],
  choose: (id: string) => void,
): MenuItemConstructorOptions[] {
  return entries.map((entry) =>
    entry.kind === 'separator'
      ? { type: 'separator' }
      : {
          type: 'normal',
          // Windows and Linux read "&" as a keyboard mnemonic; "&&" shows the character.
          label: entry.label.replaceAll('&', '&&'),
          enabled: entry.enabled,
          click: () => choose(entry.id),
        },
  );
}

/**
 * Shows the entries as a native menu and resolves with the id picked, or null once it is
 * dismissed. Electron may report the menu's closing before the click that closed it, so a close
 * settles only after the events already queued, among them that click.
 */
export function createNativeContextMenu(menus: NativeMenuPort): ShowContextMenu {
  return ({ entries }) =>
    new Promise((resolve) => {
      let settled = false;
      const settle = (chosen: string | null) => {
        if (settled) return;
        settled = true;
        resolve(ok({ native: true, chosen }));
      };
      try {
        menus.popup(buildContextMenuTemplate(entries, settle), () =>
          menus.later(() => settle(null)),
        );
      } catch (error) {
        // No window to show it on, or the system refused: the window draws its own menu.
        console.warn('[rounds] could not show a native context menu', error);
        settled = true;
        resolve(ok({ native: false }));
      }
    });
}

/** The backend with `app.showContextMenu` answered by native menus; everything else as it was. */
export function withNativeContextMenu(backend: Backend, showContextMenu: ShowContextMenu): Backend {
  return { ...backend, app: { ...backend.app, showContextMenu } };
}
