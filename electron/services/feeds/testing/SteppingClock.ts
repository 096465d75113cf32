import type { Clock } from '../ports';

/** When every stepping clock starts, so tests can write the times they expect in full. */
export const STEPPING_CLOCK_START = '2026-02-01T08:00:00.000Z';

/** A clock that stands still until the test moves it on. */
export class SteppingClock implements Clock {
  private current = new Date(STEPPING_CLOCK_START);

  now(): Date {
    return new Date(this.current);
  }

  advanceMinutes(minutes: number): void {
    this.current = new Date(this.current.getTime() + minutes * 60_000);
  }
}
