// @vitest-environment jsdom
// The window's layout: how many panes fit at a width, the widths the user gives the panes (by
// dragging or with the keyboard) and their memory across starts, the sources column and drawer,
// and which pane shows when only one fits.
import { act, cleanup, render, renderHook, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PaneResizeHandle } from './PaneResizeHandle';
import { PANE_WIDTH_LIMITS, usePaneLayout } from './usePaneLayout';

/** A window whose width the test sets; media queries on `max-width` answer from it. */
class FakeWindowWidth {
  width = 1280;
  private readonly listeners = new Set<() => void>();

  matchMedia = (query: string): MediaQueryList => {
    const limit = Number(/max-width:\s*([\d.]+)px/.exec(query)?.[1] ?? Infinity);
    const listeners = this.listeners;
    return {
      media: query,
      get matches() {
        return fakeWidth.width <= limit;
      },
      addEventListener: (_type: string, listener: () => void) => listeners.add(listener),
      removeEventListener: (_type: string, listener: () => void) => listeners.delete(listener),
    } as unknown as MediaQueryList;
  };

  resizeTo(width: number): void {
    this.width = width;
    for (const listener of [...this.listeners]) listener();
  }
}

const fakeWidth = new FakeWindowWidth();
vi.stubGlobal('matchMedia', fakeWidth.matchMedia);

beforeEach(() => {
  fakeWidth.width = 1280;
  window.localStorage.clear();
});
afterEach(cleanup);
afterAll(() => vi.unstubAllGlobals());

describe('usePaneLayout', () => {
  it('has three panes on a wide window, two below 900 px and one below 600 px', () => {
    const { result } = renderHook(() => usePaneLayout(null));
    expect(result.current.arrangement).toBe('three');

    act(() => fakeWidth.resizeTo(899));
    expect(result.current.arrangement).toBe('two');
    act(() => fakeWidth.resizeTo(900));
    expect(result.current.arrangement).toBe('three');
    act(() => fakeWidth.resizeTo(599));
    expect(result.current.arrangement).toBe('one');
    act(() => fakeWidth.resizeTo(400));
    expect(result.current.arrangement).toBe('one');
  });

  it('keeps widths within limits and remembers them for the next start', () => {
    const first = renderHook(() => usePaneLayout(null));
    expect(first.result.current.widths).toEqual({
      sources: PANE_WIDTH_LIMITS.sources.initial,
      list: PANE_WIDTH_LIMITS.list.initial,
    });

    act(() => first.result.current.resize('list', 455.4));
    act(() => first.result.current.resize('sources', 10));
    expect(first.result.current.widths).toEqual({
      sources: PANE_WIDTH_LIMITS.sources.min,
      list: 455,
    });
    first.unmount();

    const second = renderHook(() => usePaneLayout(null));
    expect(second.result.current.widths).toEqual({
      sources: PANE_WIDTH_LIMITS.sources.min,
      list: 455,
    });
  });

  it('ignores a remembered width it cannot use', () => {
    window.localStorage.setItem('rounds.layout.list-width', 'wide');
    window.localStorage.setItem('rounds.layout.sources-width', '5000');
    const { result } = renderHook(() => usePaneLayout(null));
    expect(result.current.widths).toEqual({
      sources: PANE_WIDTH_LIMITS.sources.max,
      list: PANE_WIDTH_LIMITS.list.initial,
    });
  });

  it('folds the sources column away on a wide window, and remembers it', () => {
    const first = renderHook(() => usePaneLayout(null));
    expect(first.result.current.sourcesShown).toBe(true);
    expect(first.result.current.sourcesIsDrawer).toBe(false);
    act(() => first.result.current.toggleSources());
    expect(first.result.current.sourcesShown).toBe(false);
    first.unmount();

    const second = renderHook(() => usePaneLayout(null));
    expect(second.result.current.sourcesShown).toBe(false);
  });

  it('opens the sources as a drawer on a narrow window, closed until asked for', () => {
    fakeWidth.width = 800;
    const { result } = renderHook(() => usePaneLayout(null));
    expect(result.current.sourcesIsDrawer).toBe(true);
    expect(result.current.sourcesShown).toBe(false);

    act(() => result.current.toggleSources());
    expect(result.current.sourcesShown).toBe(true);
    act(() => result.current.closeSourcesDrawer());
    expect(result.current.sourcesShown).toBe(false);
  });

  it('shows the reader while an item is open where one pane fits, until the user goes back', () => {
    fakeWidth.width = 400;
    const { result, rerender } = renderHook(({ selectedId }) => usePaneLayout(selectedId), {
      initialProps: { selectedId: null as string | null },
    });
    expect(result.current.showing).toBe('list');
    expect(result.current.readerShown).toBe(false);

    rerender({ selectedId: 'item-1' });
    expect(result.current.showing).toBe('reader');
    expect(result.current.readerShown).toBe(true);

    act(() => result.current.showList());
    expect(result.current.showing).toBe('list');
    expect(result.current.readerShown).toBe(false);

    // Choosing the same item again, or another one, shows the reader again.
    act(() => result.current.showReader());
    expect(result.current.showing).toBe('reader');
    act(() => result.current.showList());
    rerender({ selectedId: 'item-2' });
    expect(result.current.showing).toBe('reader');
  });

  it('shows the reader beside the list wherever two panes fit', () => {
    fakeWidth.width = 800;
    const { result } = renderHook(() => usePaneLayout(null));
    expect(result.current.showing).toBe('list');
    expect(result.current.readerShown).toBe(true);
  });
});

describe('PaneResizeHandle', () => {
  function ResizableList() {
    const layout = usePaneLayout(null);
    return (
      <PaneResizeHandle
        pane="list"
        label="Resize the list"
        width={layout.widths.list}
        onResize={layout.resize}
      />
    );
  }

  it('resizes with the arrow keys, Page Up and Down, Home and End', async () => {
    const user = userEvent.setup();
    render(<ResizableList />);
    const handle = screen.getByRole('separator', { name: 'Resize the list' });
    const width = () => Number(handle.getAttribute('aria-valuenow'));
    expect(width()).toBe(PANE_WIDTH_LIMITS.list.initial);

    handle.focus();
    await user.keyboard('{ArrowRight}{ArrowRight}');
    expect(width()).toBe(PANE_WIDTH_LIMITS.list.initial + 32);
    await user.keyboard('{ArrowLeft}{PageDown}');
    expect(width()).toBe(PANE_WIDTH_LIMITS.list.initial + 16 - 64);
    await user.keyboard('{Home}');
    expect(width()).toBe(PANE_WIDTH_LIMITS.list.min);
    await user.keyboard('{ArrowLeft}');
    expect(width()).toBe(PANE_WIDTH_LIMITS.list.min);
    await user.keyboard('{End}');
    expect(width()).toBe(PANE_WIDTH_LIMITS.list.max);
    expect(window.localStorage.getItem('rounds.layout.list-width')).toBe(
      String(PANE_WIDTH_LIMITS.list.max),
    );
  });

  it('follows a drag', async () => {
    render(<ResizableList />);
    const handle = screen.getByRole('separator', { name: 'Resize the list' });
    // jsdom has no pointer capture; the handle only asks for it.
    handle.setPointerCapture = () => undefined;
    const user = userEvent.setup();
    await user.pointer([
      { keys: '[MouseLeft>]', target: handle, coords: { clientX: 600 } },
      { target: handle, coords: { clientX: 650 } },
      { keys: '[/MouseLeft]', target: handle, coords: { clientX: 650 } },
    ]);
    expect(handle.getAttribute('aria-valuenow')).toBe(String(PANE_WIDTH_LIMITS.list.initial + 50));
  });
});
