import { describe, expect, it } from 'vitest';
import { WriteCoalescer } from './WriteCoalescer';

/** A write whose completion the test controls, recording what each write captured. */
function controlledWrites(source: () => number) {
  const written: number[] = [];
  const pending: { finish: () => void; fail: (error: Error) => void }[] = [];
  const coalescer = new WriteCoalescer(
    () =>
      new Promise<void>((resolve, reject) => {
        const captured = source();
        pending.push({
          finish: () => {
            written.push(captured);
            resolve();
          },
          fail: reject,
        });
      }),
  );
  const nextWrite = async () => {
    for (let turn = 0; turn < 10 && pending.length === 0; turn += 1) await Promise.resolve();
    const write = pending.shift();
    if (!write) throw new Error('no write started');
    return write;
  };
  return { coalescer, written, nextWrite, pending };
}

describe('WriteCoalescer', () => {
  it('turns a synchronous burst of requests into one write', async () => {
    let value = 0;
    const { coalescer, written, nextWrite } = controlledWrites(() => value);
    const requests = Array.from({ length: 50 }, () => {
      value += 1;
      return coalescer.request();
    });
    (await nextWrite()).finish();
    await Promise.all(requests);
    expect(written).toEqual([50]);
  });

  it('makes every request during an in-flight write wait for one following write', async () => {
    let value = 1;
    const { coalescer, written, nextWrite, pending } = controlledWrites(() => value);
    const first = coalescer.request();
    const inFlight = await nextWrite();
    const later = Array.from({ length: 20 }, () => {
      value += 1;
      return coalescer.request();
    });
    let laterSettled = false;
    void Promise.all(later).then(() => (laterSettled = true));
    inFlight.finish();
    await first;
    expect(laterSettled).toBe(false);
    (await nextWrite()).finish();
    await Promise.all(later);
    expect(written).toEqual([1, 21]);
    expect(pending).toHaveLength(0);
  });

  it('rejects exactly the callers a failed write carried, and a later request writes their changes', async () => {
    let value = 1;
    const { coalescer, written, nextWrite } = controlledWrites(() => value);
    const carried = [coalescer.request(), coalescer.request()];
    (await nextWrite()).fail(new Error('disk full'));
    await expect(Promise.all(carried)).rejects.toThrow('disk full');
    expect(coalescer.isIdle).toBe(false);

    value = 2;
    const settled = coalescer.settled();
    (await nextWrite()).finish();
    await settled;
    expect(written).toEqual([2]);
    await coalescer.whenIdle();
    expect(coalescer.isIdle).toBe(true);
  });

  it('settles at once when nothing is unsaved, and waits for a write in flight otherwise', async () => {
    const { coalescer, nextWrite } = controlledWrites(() => 0);
    await coalescer.settled();
    const request = coalescer.request();
    const write = await nextWrite();
    let settled = false;
    const waiting = coalescer.settled().then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    write.finish();
    await Promise.all([request, waiting]);
    expect(settled).toBe(true);
  });
});
