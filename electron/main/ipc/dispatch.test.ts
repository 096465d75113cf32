import { afterEach, describe, expect, it, vi } from 'vitest';
import { contract, type Backend } from '@shared/contract';
import {
  findContractMember,
  invokeMember,
  listContractMembers,
  subscribeAllEvents,
} from './dispatch';
import { createRecordingBackend, sampleRefreshEvent } from './testing/recordingBackend';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('listContractMembers', () => {
  it('lists every member of every service with its channel', () => {
    const expected = Object.entries(contract).flatMap(([serviceName, service]) =>
      Object.keys(service.members).map((memberName) => `app:${serviceName}.${memberName}`),
    );
    expect(listContractMembers().map((member) => member.channel)).toEqual(expected);
  });
});

describe('findContractMember', () => {
  it('ignores inherited names a hostile page might send', () => {
    expect(findContractMember('feeds', 'constructor')).toBeUndefined();
    expect(findContractMember('__proto__', 'toString')).toBeUndefined();
    expect(findContractMember('feeds', 'hasOwnProperty')).toBeUndefined();
    expect(findContractMember('feeds', 'add')?.kind).toBe('method');
  });
});

describe('invokeMember', () => {
  it('calls the implementation with validated arguments, defaults filled', async () => {
    const { backend, calls } = createRecordingBackend();
    const result = await invokeMember(backend, 'library', 'list', [{ filter: 'starred' }]);
    expect(result).toEqual({ ok: true, value: { answeredBy: 'library.list' } });
    expect(calls).toEqual([
      { member: 'library.list', args: [{ filter: 'starred', offset: 0, limit: 100 }] },
    ]);
  });

  it('rejects an unknown service or method without calling anything', async () => {
    const { backend, calls } = createRecordingBackend();
    expect(await invokeMember(backend, 'shell', 'exec', [])).toMatchObject({
      ok: false,
      code: 'invalid-argument',
    });
    expect(await invokeMember(backend, 'feeds', 'nope', [])).toMatchObject({
      ok: false,
      code: 'invalid-argument',
    });
    expect(calls).toEqual([]);
  });

  it('refuses to call an event as if it were a method', async () => {
    const { backend } = createRecordingBackend();
    const result = await invokeMember(backend, 'feeds', 'onDidRefresh', [() => undefined]);
    expect(result).toMatchObject({ ok: false, code: 'invalid-argument' });
  });

  it('names the offending field when arguments fail the schema', async () => {
    const { backend, calls } = createRecordingBackend();
    const result = await invokeMember(backend, 'library', 'setRead', [
      { id: 'item-1', read: 'yes' },
    ]);
    expect(result).toMatchObject({ ok: false, code: 'invalid-argument' });
    expect(result.ok ? '' : result.message).toContain('0.read');
    expect(calls).toEqual([]);
  });

  it('rejects arguments that are not an array', async () => {
    const { backend } = createRecordingBackend();
    expect(await invokeMember(backend, 'feeds', 'list', { length: 0 })).toMatchObject({
      ok: false,
      code: 'invalid-argument',
    });
  });

  it('returns an expected failure from the service unchanged', async () => {
    const failure = {
      ok: false,
      code: 'not-found',
      message: 'That feed is no longer in your library.',
    };
    const { backend } = createRecordingBackend({ 'feeds.remove': () => failure });
    expect(await invokeMember(backend, 'feeds', 'remove', [{ id: 'feed-9' }])).toEqual(failure);
  });

  it('turns an unexpected throw into an internal failure and logs it once with the method name', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const crash = new Error('disk on fire');
    const { backend } = createRecordingBackend({
      'feeds.list': () => {
        throw crash;
      },
    });
    const result = await invokeMember(backend, 'feeds', 'list', []);
    expect(result).toMatchObject({ ok: false, code: 'internal' });
    expect(result.ok ? '' : result.message).toContain('feeds.list');
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0]?.[0]).toContain('feeds.list');
    expect(log.mock.calls[0]?.[1]).toBe(crash);
  });

  it('keeps `this` bound so class-based services work', async () => {
    class CountingFeeds {
      private count = 0;
      async list() {
        this.count += 1;
        return { ok: true as const, value: this.count };
      }
    }
    const { backend } = createRecordingBackend();
    const withClass = { ...backend, feeds: new CountingFeeds() as unknown as Backend['feeds'] };
    expect(await invokeMember(withClass, 'feeds', 'list', [])).toEqual({ ok: true, value: 1 });
  });
});

describe('subscribeAllEvents', () => {
  it('forwards every event with its member and stops after unsubscribing', () => {
    const recording = createRecordingBackend();
    const received: unknown[] = [];
    const unsubscribe = subscribeAllEvents(recording.backend, (member, payload) =>
      received.push([member.channel, payload]),
    );
    recording.emit('feeds.onDidRefresh', sampleRefreshEvent);
    unsubscribe();
    recording.emit('feeds.onDidRefresh', sampleRefreshEvent);
    expect(received).toEqual([['app:feeds.onDidRefresh', sampleRefreshEvent]]);
    expect(recording.listenerCount('feeds.onDidRefresh')).toBe(0);
  });
});
