import type { DeadlineTimers } from '../HttpFeedFetcher';

interface PendingTimer {
  callback: () => void;
  ms: number;
}

/**
 * Deadline timers that fire only when the test says so. A timeout is then proved by an event (the
 * server has the request, the test fires the deadline) rather than by waiting on a real clock that
 * a loaded machine may run late.
 */
export class ManualDeadlineTimers implements DeadlineTimers {
  private readonly pending = new Map<number, PendingTimer>();
  private nextHandle = 1;

  setTimeout(callback: () => void, ms: number): unknown {
    const handle = this.nextHandle++;
    this.pending.set(handle, { callback, ms });
    return handle;
  }

  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number);
  }

  /** The delays of the timers set and not yet cleared or fired, in the order they were set. */
  pendingDelays(): number[] {
    return [...this.pending.values()].map((timer) => timer.ms);
  }

  /**
   * Fires every pending timer set for `ms`. Throws when there is none, so a test cannot pass
   * because the code under test never armed the deadline it claims to prove.
   */
  fire(ms: number): void {
    const due = [...this.pending].filter(([, timer]) => timer.ms === ms);
    if (due.length === 0) {
      throw new Error(
        `No pending timer of ${ms} ms to fire (pending: ${this.pendingDelays().join(', ') || 'none'}).`,
      );
    }
    for (const [handle, timer] of due) {
      this.pending.delete(handle);
      timer.callback();
    }
  }
}
