// The figures every bench reports from its runs.
import { performance } from 'node:perf_hooks';

/** The middle value (the mean of the two middle ones for an even count); NaN for none. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** The 95th percentile by nearest rank: the value 95% of runs are at or below; NaN for none. */
export function percentile95(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil(sorted.length * 0.95) - 1] ?? Number.NaN;
}

/**
 * Times `work` `runs` times after `warmUp` untimed runs (to let the JIT settle), in milliseconds
 * to the microsecond.
 */
export function timeRuns(warmUp: number, runs: number, work: () => void): number[] {
  const times: number[] = [];
  for (let run = 0; run < warmUp + runs; run += 1) {
    const started = performance.now();
    work();
    const elapsed = performance.now() - started;
    if (run >= warmUp) times.push(Math.round(elapsed * 1000) / 1000);
  }
  return times;
}
