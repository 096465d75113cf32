interface Waiting {
  host: string;
  start: () => void;
}

/**
 * Runs tasks with at most `overall` in flight, and at most `perHost` against one host, so a
 * refresh of many feeds is fast without hammering any single server. Tasks start in the order
 * they were queued, except that a task whose host is busy lets later tasks for idle hosts pass.
 */
export class HostConcurrencyLimiter {
  private readonly waiting: Waiting[] = [];
  private readonly runningByHost = new Map<string, number>();
  private running = 0;

  constructor(
    private readonly overall: number,
    private readonly perHost: number,
  ) {}

  run<T>(host: string, task: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.waiting.push({
        host,
        start: () => {
          // Through a promise so that a task throwing synchronously still frees its slot.
          Promise.resolve()
            .then(task)
            .then(resolve, reject)
            .finally(() => this.finish(host));
        },
      });
      this.startWhatCan();
    });
  }

  private finish(host: string): void {
    this.running--;
    const left = (this.runningByHost.get(host) ?? 1) - 1;
    if (left === 0) this.runningByHost.delete(host);
    else this.runningByHost.set(host, left);
    this.startWhatCan();
  }

  private startWhatCan(): void {
    for (let index = 0; index < this.waiting.length && this.running < this.overall;) {
      const next = this.waiting[index];
      if (next === undefined || (this.runningByHost.get(next.host) ?? 0) >= this.perHost) {
        index++;
        continue;
      }
      this.waiting.splice(index, 1);
      this.running++;
      this.runningByHost.set(next.host, (this.runningByHost.get(next.host) ?? 0) + 1);
      next.start();
    }
  }
}
