/** What the scheduler drives: a refresh of whatever feeds are due (see FeedMainService). */
export interface DueFeedRefresher {
  refreshDue(): Promise<unknown>;
}

/** Timer functions, injectable so tests can move time by hand. */
export interface SchedulerTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** What {@link RefreshScheduler} works with. */
export interface RefreshSchedulerDependencies {
  refresher: DueFeedRefresher;
  /** Default: the global timers, unreferenced so they never keep the process alive. */
  timers?: SchedulerTimers;
  /** Pause between the end of one check and the next. Default one minute. */
  checkEveryMs?: number;
  /** Pause before the first check, so start-up is not slowed down by fetching. Default 10 s. */
  firstCheckAfterMs?: number;
}

const DEFAULT_CHECK_EVERY_MS = 60_000;
const DEFAULT_FIRST_CHECK_AFTER_MS = 10_000;

const NODE_TIMERS: SchedulerTimers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms).unref(),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/**
 * The background refresh: wakes up every minute or so and asks the feeds service to refresh
 * the feeds that are due. The next check is planned only once a run has finished, so runs never
 * overlap and a slow network never piles them up. Which feeds are due (interval, back-off,
 * Retry-After) is the service's decision.
 */
export class RefreshScheduler {
  private readonly refresher: DueFeedRefresher;
  private readonly timers: SchedulerTimers;
  private readonly checkEveryMs: number;
  private readonly firstCheckAfterMs: number;
  private timer: unknown = null;
  private running: Promise<void> | null = null;
  private started = false;

  constructor(dependencies: RefreshSchedulerDependencies) {
    this.refresher = dependencies.refresher;
    this.timers = dependencies.timers ?? NODE_TIMERS;
    this.checkEveryMs = dependencies.checkEveryMs ?? DEFAULT_CHECK_EVERY_MS;
    this.firstCheckAfterMs = dependencies.firstCheckAfterMs ?? DEFAULT_FIRST_CHECK_AFTER_MS;
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    this.plan(this.firstCheckAfterMs);
  }

  /** No further checks; resolves once a run in progress (already being cancelled) has ended. */
  async stop(): Promise<void> {
    this.started = false;
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  private plan(delayMs: number): void {
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      this.running = this.check().finally(() => {
        this.running = null;
        if (this.started) this.plan(this.checkEveryMs);
      });
    }, delayMs);
  }

  private async check(): Promise<void> {
    try {
      await this.refresher.refreshDue();
    } catch (error) {
      // The service turns each feed's trouble into that feed's error; reaching here is a bug,
      // and the next check must still happen.
      console.error('[rounds] the background refresh failed', error);
    }
  }
}
