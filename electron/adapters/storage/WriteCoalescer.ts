interface Waiters {
  promise: Promise<void>;
  resolve: () => void;
  reject: (error: unknown) => void;
}

function newWaiters(): Waiters {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((onResolve, onReject) => {
    resolve = onResolve;
    reject = onReject;
  });
  return { promise, resolve, reject };
}

/**
 * Turns many write requests for one file into few writes. At most one write runs at a time; every
 * request made while it runs waits for the single write that follows, which captures all of their
 * changes because it serialises the data only when it starts. A request resolves once a write that
 * started after it has succeeded, and is rejected with that write's error if it fails.
 */
export class WriteCoalescer {
  private next: Waiters | null = null;
  private inFlight: Waiters | null = null;
  private draining: Promise<void> | null = null;
  /** Changes exist that no successful write has captured yet (set again when a write fails). */
  private unsaved = false;

  constructor(
    private readonly writeOnce: () => Promise<void>,
    /** Runs after a successful write has resolved its callers, before the next write starts. */
    private readonly afterWrite: () => Promise<void> = async () => {},
  ) {}

  /** Call after changing the data; resolves once the change is on disk. */
  request(): Promise<void> {
    this.unsaved = true;
    return this.joinNextWrite();
  }

  /**
   * Resolves once every change requested so far is on disk, without writing again unless a failed
   * write left changes unsaved.
   */
  settled(): Promise<void> {
    if (this.next) return this.next.promise;
    if (this.unsaved) return this.joinNextWrite();
    return this.inFlight?.promise ?? Promise.resolve();
  }

  /** True when nothing is being written or waiting to be written. */
  get isIdle(): boolean {
    return this.draining === null && !this.unsaved;
  }

  /** Resolves when the write loop has stopped (including any `afterWrite` work); never rejects. */
  whenIdle(): Promise<void> {
    return this.draining ?? Promise.resolve();
  }

  private joinNextWrite(): Promise<void> {
    if (!this.next) {
      this.next = newWaiters();
      this.draining ??= this.drain();
    }
    return this.next.promise;
  }

  private async drain(): Promise<void> {
    // Yield once so a synchronous burst of changes (a loop of calls) joins this first write.
    await Promise.resolve();
    while (this.next) {
      const batch = this.next;
      this.next = null;
      this.inFlight = batch;
      this.unsaved = false;
      try {
        await this.writeOnce();
      } catch (error) {
        this.unsaved = true;
        this.inFlight = null;
        batch.reject(error);
        continue;
      }
      this.inFlight = null;
      batch.resolve();
      try {
        await this.afterWrite();
      } catch (error) {
        console.error('[rounds] work after a write failed', error);
      }
    }
    this.draining = null;
  }
}
