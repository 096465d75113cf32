import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { Backend, ContextMenuEntry } from '@shared/contract';
import {
  buildContextMenuTemplate,
  createNativeContextMenu,
  withNativeContextMenu,
  type NativeMenuPort,
} from './nativeContextMenu';

const ENTRIES: ContextMenuEntry[] = [
  { kind: 'action', id: 'refresh', label: 'Refresh', enabled: false },
  { kind: 'separator' },
  { kind: 'action', id: 'unsubscribe', label: 'Unsubscribe…', enabled: true },
];

/** A menu that opens "on screen" and lets the test click an item or dismiss it. */
class FakeMenus implements NativeMenuPort {
  template: MenuItemConstructorOptions[] = [];
  private closed: (() => void) | null = null;
  private readonly queued: (() => void)[] = [];

  popup(template: MenuItemConstructorOptions[], onClosed: () => void): void {
    this.template = template;
    this.closed = onClosed;
  }

  later(run: () => void): void {
    this.queued.push(run);
  }

  /** Electron may tell the close before the click: both orders must give the click. */
  clickAfterClosing(label: string): void {
    this.closed?.();
    const item = this.template.find((entry) => entry.label === label);
    (item?.click as (() => void) | undefined)?.();
    this.runQueued();
  }

  dismiss(): void {
    this.closed?.();
    this.runQueued();
  }

  private runQueued(): void {
    for (const run of this.queued.splice(0)) run();
  }
}

describe('buildContextMenuTemplate', () => {
  it('turns entries into menu items, separators and disabled items included', () => {
    const template = buildContextMenuTemplate(ENTRIES, () => undefined);
    expect(template.map(({ label, type, enabled }) => ({ label, type, enabled }))).toEqual([
      { label: 'Refresh', type: 'normal', enabled: false },
      { label: undefined, type: 'separator', enabled: undefined },
      { label: 'Unsubscribe…', type: 'normal', enabled: true },
    ]);
  });

  it('shows an ampersand as itself rather than as a keyboard mnemonic', () => {
    const template = buildContextMenuTemplate(
      [{ kind: 'action', id: 'copy', label: 'Copy Q&A link', enabled: true }],
      () => undefined,
    );
    expect(template[0]?.label).toBe('Copy Q&&A link');
  });
});

describe('createNativeContextMenu', () => {
  it('answers with the entry the user picked, even when the close is told first', async () => {
    const menus = new FakeMenus();
    const show = createNativeContextMenu(menus);
    const answer = show({ entries: ENTRIES });
    menus.clickAfterClosing('Unsubscribe…');
    expect(await answer).toEqual({ ok: true, value: { native: true, chosen: 'unsubscribe' } });
  });

  it('answers null when the menu is dismissed', async () => {
    const menus = new FakeMenus();
    const answer = createNativeContextMenu(menus)({ entries: ENTRIES });
    menus.dismiss();
    expect(await answer).toEqual({ ok: true, value: { native: true, chosen: null } });
  });

  it('lets the window draw the menu when the system one cannot be shown', async () => {
    const show = createNativeContextMenu({
      popup: () => {
        throw new Error('no window to show a menu on');
      },
      later: (run) => run(),
    });
    expect(await show({ entries: ENTRIES })).toEqual({ ok: true, value: { native: false } });
  });
});

describe('withNativeContextMenu', () => {
  it('replaces only the context menu method of the backend', async () => {
    const info = async () => ({
      ok: true as const,
      value: { version: '1', runtime: 'electron' as const, dataDir: '/d' },
    });
    const backend = {
      app: { info, showContextMenu: async () => ({ ok: true, value: { native: false } }) },
    } as unknown as Backend;
    const menus = new FakeMenus();
    const wrapped = withNativeContextMenu(backend, createNativeContextMenu(menus));
    expect(wrapped.app.info).toBe(info);
    const answer = wrapped.app.showContextMenu({ entries: ENTRIES });
    menus.dismiss();
    expect(await answer).toEqual({ ok: true, value: { native: true, chosen: null } });
  });
});
