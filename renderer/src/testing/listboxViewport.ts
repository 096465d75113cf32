import { afterAll, beforeAll, vi } from 'vitest';

/**
 * jsdom lays nothing out, so a windowed list would see a viewport of 0 px. For the tests of the
 * calling file, every listbox reports `height` px, and a ResizeObserver tells it so at once, as a
 * browser's does after the first layout.
 */
export function giveListboxesHeight(height: number): void {
  class ImmediateResizeObserver {
    constructor(private readonly notify: () => void) {}
    observe(): void {
      this.notify();
    }
    unobserve(): void {}
    disconnect(): void {}
  }
  let original: PropertyDescriptor | undefined;
  beforeAll(() => {
    vi.stubGlobal('ResizeObserver', ImmediateResizeObserver);
    original = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
    Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
      configurable: true,
      get(this: HTMLElement) {
        return this.getAttribute('role') === 'listbox' ? height : 0;
      },
    });
  });
  afterAll(() => {
    vi.unstubAllGlobals();
    if (original) Object.defineProperty(HTMLElement.prototype, 'clientHeight', original);
  });
}
