import type { Schedule } from '../scheduleWithTimer';

interface ScheduledRun {
  run: () => void;
  delayMs: number;
  cancelled: boolean;
}

/**
 * A scheduler a test drives by hand: nothing runs until the test says the pause is over, so no
 * test waits on a real timer.
 */
export class ManualScheduler {
  private runs: ScheduledRun[] = [];

  readonly schedule: Schedule = (run, delayMs) => {
    const scheduled = { run, delayMs, cancelled: false };
    this.runs.push(scheduled);
    return () => {
      scheduled.cancelled = true;
    };
  };

  /** The delays of the runs still waiting, in the order they were scheduled. */
  get waitingDelays(): number[] {
    return this.runs.filter((scheduled) => !scheduled.cancelled).map(({ delayMs }) => delayMs);
  }

  /** Runs everything waiting now (as if every delay had passed); returns how many ran. */
  runWaiting(): number {
    const due = this.runs.filter((scheduled) => !scheduled.cancelled);
    this.runs = [];
    for (const scheduled of due) scheduled.run();
    return due.length;
  }
}
