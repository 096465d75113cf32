import type { SchedulerTimers } from '../feeds/RefreshScheduler';

/** What the scheduler drives (see RetentionMainService.runInBackground). */
export interface BackgroundRetention {
  runInBackground(): Promise<unknown>;
}

/** What {@link RetentionScheduler} works with. */
export interface RetentionSchedulerDependencies {
  retention: BackgroundRetention;
  /** Resolves once the library has loaded every item: the first run waits for it. */
  libraryLoaded: () => Promise<void>;
  /** Default: the global timers, unreferenced so they never keep the process alive. */
  timers?: SchedulerTimers;
  /** Told when a run fails; the next one still happens. Default: logged. */
  onError?: (error: unknown) => void;
}

/** The first run waits this long after the library has loaded, so start-up comes first. */
export const RETENTION_FIRST_RUN_AFTER_MS = 60_000;
/** Then the policy runs once a day. */
export const RETENTION_EVERY_MS = 24 * 60 * 60 * 1000;

const NODE_TIMERS: SchedulerTimers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms).unref(),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/**
 * Runs the retention policy in the background: a minute after the library has loaded, then once
 * a day. The next run is planned only when one has finished, so runs never overlap. How old an
 * item is, is the service's clock's business, not the timers'.
 */
export class RetentionScheduler {
  private readonly retention: BackgroundRetention;
  private readonly libraryLoaded: () => Promise<void>;
  private readonly timers: SchedulerTimers;
  private readonly onError: (error: unknown) => void;
  private timer: unknown = null;
  private running: Promise<void> | null = null;
  private started = false;

  constructor(dependencies: RetentionSchedulerDependencies) {
    this.retention = dependencies.retention;
    this.libraryLoaded = dependencies.libraryLoaded;
    this.timers = dependencies.timers ?? NODE_TIMERS;
    this.onError =
      dependencies.onError ??
      ((error) => console.error('[rounds] the retention policy could not run', error));
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    this.libraryLoaded().then(
      () => {
        if (this.started) this.plan(RETENTION_FIRST_RUN_AFTER_MS);
      },
      // A library that never loaded has nothing to remove; the app reports the failure itself.
      () => undefined,
    );
  }

  /** No further runs; resolves once a run in progress has ended. */
  async stop(): Promise<void> {
    this.started = false;
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  private plan(delayMs: number): void {
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      this.running = this.runOnce().finally(() => {
        this.running = null;
        if (this.started) this.plan(RETENTION_EVERY_MS);
      });
    }, delayMs);
  }

  private async runOnce(): Promise<void> {
    try {
      await this.retention.runInBackground();
    } catch (error) {
      this.onError(error);
    }
  }
}
