import { ManualDeadlineTimers } from '../../feeds/testing/ManualDeadlineTimers';

/**
 * Manual deadline timers that also tell a test when a deadline is armed. `await whenSet(ms)`
 * resumes in a microtask, before any message from a worker can arrive, so firing the deadline
 * right after it cannot race the work it limits.
 */
export class ManualTimers extends ManualDeadlineTimers {
  private readonly waiting: { ms: number; count: number; resolve(): void }[] = [];

  override setTimeout(callback: () => void, ms: number): unknown {
    const handle = super.setTimeout(callback, ms);
    for (const waiter of this.waiting.filter(
      (entry) => this.pendingCount(entry.ms) >= entry.count,
    )) {
      this.waiting.splice(this.waiting.indexOf(waiter), 1);
      waiter.resolve();
    }
    return handle;
  }

  /** Resolves once `count` timers of `ms` are pending (at once when they already are). */
  whenSet(ms: number, count = 1): Promise<void> {
    if (this.pendingCount(ms) >= count) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push({ ms, count, resolve }));
  }

  private pendingCount(ms: number): number {
    return this.pendingDelays().filter((delay) => delay === ms).length;
  }
}
