// Test support only: what every jsdom test of the club's pages needs around it. jsdom has no
// modal dialogs, so showModal and close only set the attribute the page's queries look at.
import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';

/** Call once at the top of a test file: dialogs, a patient `findBy`, and cleanup after each test. */
export function setUpClubTests(): void {
  configure({ asyncUtilTimeout: 15_000 });
  beforeEach(() => {
    HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
      this.setAttribute('open', '');
    };
    HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
      this.removeAttribute('open');
    };
  });
  afterEach(cleanup);
}
