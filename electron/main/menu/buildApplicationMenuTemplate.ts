// The application menu, as plain data so it can be checked without Electron. Electron's default
// menu offers Toggle Developer Tools and Reload to every user; ours offers them only to
// developers. Every submenu is spelled out: whole-menu roles such as `viewMenu` bring their own
// default items, developer tools included.
import type { MenuItemConstructorOptions } from 'electron';

export interface ApplicationMenuOptions {
  /** `app.isPackaged`: an installed build hides the developer items. */
  isPackaged: boolean;
  platform: NodeJS.Platform;
  /** Shown as the macOS app menu's title and in "About …". */
  appName: string;
  /** Reveals the folder that holds the user's library (for backups and support). */
  openDataFolder(): void;
}

const separator: MenuItemConstructorOptions = { type: 'separator' };

/** The menu bar for `Menu.buildFromTemplate`. */
export function buildApplicationMenuTemplate(
  options: ApplicationMenuOptions,
): MenuItemConstructorOptions[] {
  const isMac = options.platform === 'darwin';
  return [
    ...(isMac ? [macAppMenu(options.appName)] : []),
    fileMenu(isMac),
    editMenu(),
    viewMenu(options.isPackaged),
    windowMenu(isMac),
    helpMenu(options, isMac),
  ];
}

function macAppMenu(appName: string): MenuItemConstructorOptions {
  return {
    label: appName,
    submenu: [
      { role: 'about', label: `About ${appName}` },
      separator,
      { role: 'services' },
      separator,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      separator,
      { role: 'quit' },
    ],
  };
}

function fileMenu(isMac: boolean): MenuItemConstructorOptions {
  return { label: 'File', submenu: [isMac ? { role: 'close' } : { role: 'quit' }] };
}

function editMenu(): MenuItemConstructorOptions {
  // Without these roles, the clipboard shortcuts do nothing in text fields on macOS.
  return {
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'pasteAndMatchStyle' },
      { role: 'delete' },
      separator,
      { role: 'selectAll' },
    ],
  };
}

function viewMenu(isPackaged: boolean): MenuItemConstructorOptions {
  // Reloading throws away what the user is typing (a note, a search) and the developer tools give
  // the page's full power to whoever opens them: both are for development only.
  const developerItems: MenuItemConstructorOptions[] = isPackaged
    ? []
    : [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, separator];
  return {
    label: 'View',
    submenu: [
      ...developerItems,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
    ],
  };
}

function windowMenu(isMac: boolean): MenuItemConstructorOptions {
  return {
    label: 'Window',
    role: 'window',
    submenu: isMac
      ? [{ role: 'minimize' }, { role: 'zoom' }, separator, { role: 'front' }]
      : [{ role: 'minimize' }, { role: 'close' }],
  };
}

function helpMenu(options: ApplicationMenuOptions, isMac: boolean): MenuItemConstructorOptions {
  return {
    label: 'Help',
    role: 'help',
    submenu: [
      { label: 'Open Data Folder', click: () => options.openDataFolder() },
      // macOS shows About in the app menu.
      ...(isMac ? [] : [separator, { role: 'about' as const, label: `About ${options.appName}` }]),
    ],
  };
}
