// @vitest-environment jsdom
import type { ContextMenuAnswer, Result } from '@shared/contract';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { ContextMenu, type ContextMenuAction } from './ContextMenu';
import { useContextMenu, type ShowNativeMenu } from './ContextMenuOpener';

afterEach(cleanup);

/** A feed row whose menu lists what was done, with one action disabled. */
function FeedRow({ showNative }: { showNative?: ShowNativeMenu }) {
  const [done, setDone] = useState<string[]>([]);
  const menu = useContextMenu(showNative);
  const actions: ContextMenuAction[] = [
    { id: 'refresh', label: 'Refresh', run: () => setDone((d) => [...d, 'refresh']) },
    { id: 'settings', label: 'Settings…', enabled: false, run: () => undefined },
    { id: 'move', label: 'Move to folder…', run: () => setDone((d) => [...d, 'move']) },
    {
      id: 'unsubscribe',
      label: 'Unsubscribe…',
      separatorBefore: true,
      run: () => setDone((d) => [...d, 'unsubscribe']),
    },
  ];
  return (
    <>
      <button type="button" {...menu.triggerProps(() => ({ label: 'Actions for NEJM', actions }))}>
        NEJM
      </button>
      <button type="button">Elsewhere</button>
      <output>{done.join(',')}</output>
      {menu.element}
    </>
  );
}

const row = () => screen.getByRole('button', { name: 'NEJM' });
const menu = () => screen.queryByRole('menu', { name: 'Actions for NEJM' });
const done = () => screen.getByRole('status').textContent;

describe('ContextMenu', () => {
  it('opens on Shift+F10 with the first item focused, moves with the arrows past disabled items, and runs the chosen one with Enter', async () => {
    const user = userEvent.setup();
    render(<FeedRow />);
    row().focus();
    await user.keyboard('{Shift>}{F10}{/Shift}');

    expect(menu()).not.toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('menuitem', { name: 'Refresh' }));
    expect(screen.getByRole('menuitem', { name: 'Settings…' }).getAttribute('aria-disabled')).toBe(
      'true',
    );
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(screen.getByRole('menuitem', { name: 'Move to folder…' }));
    await user.keyboard('{ArrowDown}{ArrowDown}');
    // Past the end it wraps to the first item.
    expect(document.activeElement).toBe(screen.getByRole('menuitem', { name: 'Refresh' }));
    await user.keyboard('{ArrowUp}');
    expect(document.activeElement).toBe(screen.getByRole('menuitem', { name: 'Unsubscribe…' }));
    await user.keyboard('{Home}');
    expect(document.activeElement).toBe(screen.getByRole('menuitem', { name: 'Refresh' }));
    await user.keyboard('{End}{Enter}');

    expect(menu()).toBeNull();
    expect(done()).toBe('unsubscribe');
    expect(document.activeElement).toBe(row());
  });

  it('opens with the ContextMenu key and jumps to an item by its first letter', async () => {
    const user = userEvent.setup();
    render(<FeedRow />);
    row().focus();
    await user.keyboard('{ContextMenu}');
    expect(menu()).not.toBeNull();
    await user.keyboard('m');
    expect(document.activeElement).toBe(screen.getByRole('menuitem', { name: 'Move to folder…' }));
    await user.keyboard(' ');
    expect(done()).toBe('move');
  });

  it('closes on Escape and gives the focus back to the row it was opened from', async () => {
    const user = userEvent.setup();
    render(<FeedRow />);
    row().focus();
    await user.keyboard('{Shift>}{F10}{/Shift}');
    await user.keyboard('{Escape}');
    expect(menu()).toBeNull();
    expect(document.activeElement).toBe(row());
    expect(done()).toBe('');
  });

  it('opens on a right click, ignores a click on a disabled item, and closes on a click elsewhere', async () => {
    const user = userEvent.setup();
    render(<FeedRow />);
    fireEvent.contextMenu(row(), { clientX: 40, clientY: 60 });
    expect(menu()).not.toBeNull();
    await user.click(screen.getByRole('menuitem', { name: 'Settings…' }));
    expect(menu()).not.toBeNull();
    await user.click(screen.getByRole('button', { name: 'Elsewhere' }));
    expect(menu()).toBeNull();
    expect(done()).toBe('');
  });

  it('shows the system’s menu when the backend has one, and runs what was picked there', async () => {
    const asked: string[][] = [];
    const showNative: ShowNativeMenu = async ({ entries }) => {
      asked.push(entries.map((entry) => (entry.kind === 'action' ? entry.id : '---')));
      const answer: Result<ContextMenuAnswer, never> = {
        ok: true,
        value: { native: true, chosen: 'refresh' },
      };
      return answer;
    };
    render(<FeedRow showNative={showNative} />);
    fireEvent.contextMenu(row());
    expect(await screen.findByText('refresh')).toBeTruthy();
    expect(menu()).toBeNull();
    expect(asked).toEqual([['refresh', 'settings', 'move', '---', 'unsubscribe']]);
  });

  it('draws its own menu when the backend has none', async () => {
    const showNative: ShowNativeMenu = async () => ({ ok: true, value: { native: false } });
    render(<FeedRow showNative={showNative} />);
    fireEvent.contextMenu(row());
    expect(await screen.findByRole('menu', { name: 'Actions for NEJM' })).toBeTruthy();
  });
});

describe('ContextMenu on its own', () => {
  it('lists separators as separators, not as items', () => {
    render(
      <ContextMenu
        label="Actions"
        actions={[
          { id: 'a', label: 'First', run: () => undefined },
          { id: 'b', label: 'Second', separatorBefore: true, run: () => undefined },
        ]}
        at={{ x: 0, y: 0 }}
        returnFocusTo={null}
        onClose={() => undefined}
      />,
    );
    expect(screen.getAllByRole('menuitem')).toHaveLength(2);
    expect(screen.getAllByRole('separator')).toHaveLength(1);
  });
});
