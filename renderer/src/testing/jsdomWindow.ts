// Test support only: the parts of a browser window that jsdom lacks, emulated as far as the
// window's components need them, in one place for every component test.
import { cleanup, configure } from '@testing-library/react';
import { afterEach, vi } from 'vitest';

/** jsdom has no modal dialogs: `showModal` and `close` toggle the attribute, as a browser would. */
export function emulateModalDialogs(): void {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    this.removeAttribute('open');
  };
}

/** jsdom lays nothing out and has no ResizeObserver: one that never reports, as before layout. */
export function stubUnobservedResizeObserver(): void {
  class UnobservedResizeObserver {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  vi.stubGlobal('ResizeObserver', UnobservedResizeObserver);
}

/**
 * Call once at the top of a component test file: modal dialogs, a patient `findBy` (a loaded
 * machine can take seconds to render; waits end on what appears, not on a clock) and cleanup
 * after each test.
 */
export function setUpComponentTests(): void {
  configure({ asyncUtilTimeout: 15_000 });
  emulateModalDialogs();
  afterEach(cleanup);
}
