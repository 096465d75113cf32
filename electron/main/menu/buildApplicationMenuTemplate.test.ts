import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import {
  buildApplicationMenuTemplate,
  type ApplicationMenuOptions,
} from './buildApplicationMenuTemplate';

type Item = MenuItemConstructorOptions;

/** Every item of the menu, at any depth, in order. */
function allItems(items: readonly Item[]): Item[] {
  return items.flatMap((item) => [
    item,
    ...(Array.isArray(item.submenu) ? allItems(item.submenu as Item[]) : []),
  ]);
}

function menuOf(overrides: Partial<ApplicationMenuOptions> = {}) {
  const opened: string[] = [];
  const template = buildApplicationMenuTemplate({
    isPackaged: true,
    platform: 'linux',
    appName: 'Rounds',
    openDataFolder: () => opened.push('data folder'),
    ...overrides,
  });
  const roles = allItems(template).map((item) => item.role);
  const labels = allItems(template).map((item) => item.label);
  const topLevel = template.map((item) => item.label ?? item.role);
  return { template, roles, labels, topLevel, opened };
}

/** Roles that open the developer tools or reload the page (and lose what the user typed). */
const DEVELOPER_ROLES = ['toggleDevTools', 'reload', 'forceReload'];
/** Whole-menu roles whose default submenus include the developer items above. */
const MENU_ROLES_WITH_DEVELOPER_ITEMS = ['viewMenu', 'appMenu', 'fileMenu', 'editMenu'];

describe('buildApplicationMenuTemplate', () => {
  it.each(['darwin', 'linux', 'win32'] as const)(
    'offers no developer tools and no reload in a packaged app on %s',
    (platform) => {
      const { roles } = menuOf({ platform, isPackaged: true });
      for (const role of [...DEVELOPER_ROLES, ...MENU_ROLES_WITH_DEVELOPER_ITEMS]) {
        expect(roles).not.toContain(role);
      }
    },
  );

  it('offers the developer tools and reloading while developing', () => {
    const { roles } = menuOf({ isPackaged: false });
    expect(roles).toEqual(expect.arrayContaining(DEVELOPER_ROLES));
  });

  it.each(['darwin', 'linux', 'win32'] as const)(
    'keeps every editing command so text fields work on %s',
    (platform) => {
      const { roles } = menuOf({ platform });
      expect(roles).toEqual(
        expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']),
      );
    },
  );

  it('zooms and goes full screen', () => {
    expect(menuOf().roles).toEqual(
      expect.arrayContaining(['zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen']),
    );
  });

  it('puts the app menu first on macOS, with About, Hide and Quit under the app name', () => {
    const { template, topLevel } = menuOf({ platform: 'darwin' });
    expect(topLevel).toEqual(['Rounds', 'File', 'Edit', 'View', 'Window', 'Help']);
    const appMenuRoles = allItems(template[0]?.submenu as Item[]).map((item) => item.role);
    expect(appMenuRoles).toEqual(expect.arrayContaining(['about', 'hide', 'quit']));
  });

  it('has no app menu elsewhere: About sits in Help and Quit in File', () => {
    const { template, topLevel } = menuOf({ platform: 'win32' });
    expect(topLevel).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
    const fileRoles = (template[0]?.submenu as Item[]).map((item) => item.role);
    expect(fileRoles).toContain('quit');
    const help = (template.at(-1)?.submenu as Item[]).find((item) => item.role === 'about');
    expect(help?.label).toBe('About Rounds');
  });

  it('opens the data folder from Help', () => {
    const { template, opened } = menuOf();
    const item = (template.at(-1)?.submenu as Item[]).find(
      (candidate) => candidate.label === 'Open Data Folder',
    );
    expect(item?.click).toBeTypeOf('function');
    (item?.click as () => void)();
    expect(opened).toEqual(['data folder']);
  });
});
