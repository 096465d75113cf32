import { ManualDeadlineTimers } from '../../feeds/testing/ManualDeadlineTimers';

/**
 * Manual deadline timers that also tell a test when a deadline is armed. `await whenSet(ms)`
 * resumes in a microtask, before any message from a worker can arrive, so firing the deadline
 * right after it cannot race the work it limits.
 */
export class ManualTimers extends ManualDeadlineTimers {
  private readonly waiting: { ms: number; resolve(): void }[] = [];

  override setTimeout(callback: () => void, ms: number): unknown {
    const handle = super.setTimeout(callback, ms);
    for (const waiter of this.waiting.filter((entry) => entry.ms === ms)) {
      this.waiting.splice(this.waiting.indexOf(waiter), 1);
      waiter.resolve();
    }
    return handle;
  }

  /** Resolves once a timer of `ms` is pending (at once when one already is). */
  whenSet(ms: number): Promise<void> {
    if (this.pendingDelays().includes(ms)) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push({ ms, resolve }));
  }
}
