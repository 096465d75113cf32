// Test support only: what every jsdom test of the club's pages needs around it.
import { setUpComponentTests } from '../../../testing/jsdomWindow';

/** Call once at the top of a test file: dialogs, a patient `findBy`, and cleanup after each test. */
export function setUpClubTests(): void {
  setUpComponentTests();
}
