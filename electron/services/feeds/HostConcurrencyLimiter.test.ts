import { describe, expect, it } from 'vitest';
import { HostConcurrencyLimiter } from './HostConcurrencyLimiter';

/** A task that stays in flight until the test lets it finish, recording the peak concurrency. */
function tracker() {
  let running = 0;
  let peak = 0;
  const byHost = new Map<string, number>();
  const peakByHost = new Map<string, number>();
  const releases: (() => void)[] = [];
  const started: string[] = [];
  const task = (host: string, label: string) => () =>
    new Promise<string>((resolve) => {
      running++;
      peak = Math.max(peak, running);
      byHost.set(host, (byHost.get(host) ?? 0) + 1);
      peakByHost.set(host, Math.max(peakByHost.get(host) ?? 0, byHost.get(host) ?? 0));
      started.push(label);
      releases.push(() => {
        running--;
        byHost.set(host, (byHost.get(host) ?? 1) - 1);
        resolve(label);
      });
    });
  const releaseAll = async () => {
    while (releases.length > 0) {
      releases.splice(0).forEach((release) => release());
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  };
  return { task, releaseAll, started, peak: () => peak, peakByHost };
}

describe('HostConcurrencyLimiter', () => {
  it('never runs more than the overall and per-host limits, and finishes everything', async () => {
    const limiter = new HostConcurrencyLimiter(4, 2);
    const t = tracker();
    const hosts = ['a', 'a', 'a', 'a', 'b', 'b', 'c', 'd', 'e'];

    const all = Promise.all(hosts.map((host, i) => limiter.run(host, t.task(host, `${host}${i}`))));
    await new Promise((resolve) => setTimeout(resolve, 0));
    // The two later "a" tasks wait; "b" and the rest fill the free slots in order.
    expect(t.started).toEqual(['a0', 'a1', 'b4', 'b5']);
    await t.releaseAll();

    expect(await all).toEqual(hosts.map((host, i) => `${host}${i}`));
    expect(t.peak()).toBe(4);
    expect(Math.max(...t.peakByHost.values())).toBe(2);
  });

  it('passes a task’s rejection to its caller and keeps running the others', async () => {
    const limiter = new HostConcurrencyLimiter(1, 1);
    const failing = limiter.run('a', () => Promise.reject(new Error('boom')));
    const next = limiter.run('a', async () => 'still runs');

    await expect(failing).rejects.toThrow('boom');
    await expect(next).resolves.toBe('still runs');
  });
});
