import { z } from 'zod';
import { method, service } from './define';

/**
 * Something the user must be told about the data folder, such as a damaged file that was set
 * aside and replaced by its last good backup.
 */
export interface StorageNotice {
  id: string;
  kind: 'restored-from-backup' | 'reset-to-empty';
  /** A sentence for the user, naming the file and where the damaged copy was kept. */
  message: string;
  /** Path of the damaged copy kept aside. */
  keptAt: string;
  /** ISO 8601 UTC. */
  at: string;
}

/** Facts about the running backend. */
export interface AppInfo {
  version: string;
  /** 'electron' or 'host': which transport serves this window. */
  runtime: 'electron' | 'host';
  dataDir: string;
}

/** One entry of a context menu: an action, or a line between groups of actions. */
export type ContextMenuEntry =
  | {
      kind: 'action';
      /** Handed back when the user picks it; unique within the menu. */
      id: string;
      label: string;
      /** Shown but not selectable (e.g. "Refresh" while a refresh runs). */
      enabled: boolean;
    }
  | { kind: 'separator' };

/**
 * How a context menu request was answered. `native: true`: the desktop app showed its own menu
 * and `chosen` is the id picked, or null when it was dismissed. `native: false`: this backend has
 * no menus of its own (the host in a browser), so the window draws the same entries itself.
 */
export type ContextMenuAnswer = { native: true; chosen: string | null } | { native: false };

/** Most entries a context menu may have: menus longer than this are a list, not a menu. */
export const MAX_CONTEXT_MENU_ENTRIES = 40;

const contextMenuEntry = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('action'),
    id: z.string().min(1).max(64),
    label: z.string().trim().min(1).max(120),
    enabled: z.boolean().default(true),
  }),
  z.object({ kind: z.literal('separator') }),
]);

/** The `app` service: facts about the backend and notices about the data folder. */
export const appContract = service('app', {
  /** Version, runtime and data folder. */
  info: method<AppInfo>()({ args: z.tuple([]) }),
  /** Notices the user has not dismissed yet. */
  notices: method<StorageNotice[]>()({ args: z.tuple([]) }),
  /**
   * Shows a context menu of these entries at the pointer, as the operating system draws menus,
   * and resolves with the entry picked once the menu closes; see {@link ContextMenuAnswer}.
   */
  showContextMenu: method<ContextMenuAnswer>()({
    args: z.tuple([
      z.object({ entries: z.array(contextMenuEntry).min(1).max(MAX_CONTEXT_MENU_ENTRIES) }),
    ]),
  }),
  /** Dismisses one notice. */
  dismissNotice: method<{ id: string }>()({
    args: z.tuple([z.object({ id: z.string().min(1).max(128) })]),
    errors: ['not-found'],
  }),
});
