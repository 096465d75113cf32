import { describe, expect, it } from 'vitest';
import { createClient, type ClientTransport } from './createClient';
import { channelOf, contract } from './index';

type Call =
  { kind: 'invoke'; channel: string; args: unknown[] } | { kind: 'subscribe'; channel: string };

function recordingTransport() {
  const calls: Call[] = [];
  const listeners = new Map<string, (payload: unknown) => void>();
  const unsubscribed: string[] = [];
  const transport: ClientTransport = {
    invoke: async (channel, args) => {
      calls.push({ kind: 'invoke', channel, args });
      return { ok: true, value: channel };
    },
    subscribe: (channel, listener) => {
      calls.push({ kind: 'subscribe', channel });
      listeners.set(channel, listener);
      return () => unsubscribed.push(channel);
    },
  };
  return { transport, calls, listeners, unsubscribed };
}

const members = Object.entries(contract).flatMap(([serviceName, service]) =>
  Object.entries(service.members).map(([memberName, spec]) => ({
    serviceName,
    memberName,
    kind: spec.kind,
  })),
);

function memberOf(
  api: object,
  serviceName: string,
  memberName: string,
): (...args: unknown[]) => unknown {
  const client = (api as Record<string, Record<string, unknown>>)[serviceName];
  const member = client?.[memberName];
  if (typeof member !== 'function')
    throw new Error(`${serviceName}.${memberName} is missing from the client`);
  return member as (...args: unknown[]) => unknown;
}

describe('createClient', () => {
  it('exposes exactly the services of the contract', () => {
    const api = createClient(recordingTransport().transport);
    expect(Object.keys(api).sort()).toEqual(Object.keys(contract).sort());
    for (const [serviceName, service] of Object.entries(contract)) {
      expect(Object.keys(api[serviceName as keyof typeof api]).sort()).toEqual(
        Object.keys(service.members).sort(),
      );
    }
  });

  it.each(members.filter((m) => m.kind === 'method'))(
    'sends $serviceName.$memberName to its channel with its arguments',
    async ({ serviceName, memberName }) => {
      const { transport, calls } = recordingTransport();
      const api = createClient(transport);
      const answer = await memberOf(api, serviceName, memberName)({ probe: 1 }, 'second');
      const channel = channelOf(serviceName, memberName);
      expect(calls).toEqual([{ kind: 'invoke', channel, args: [{ probe: 1 }, 'second'] }]);
      expect(answer).toEqual({ ok: true, value: channel });
    },
  );

  it.each(members.filter((m) => m.kind === 'event'))(
    'subscribes $serviceName.$memberName on its channel and can unsubscribe',
    ({ serviceName, memberName }) => {
      const { transport, listeners, unsubscribed } = recordingTransport();
      const api = createClient(transport);
      const received: unknown[] = [];
      const channel = channelOf(serviceName, memberName);
      const unsubscribe = memberOf(
        api,
        serviceName,
        memberName,
      )((payload: unknown) => received.push(payload));
      listeners.get(channel)?.({ done: 1 });
      expect(received).toEqual([{ done: 1 }]);
      (unsubscribe as () => void)();
      expect(unsubscribed).toEqual([channel]);
    },
  );

  it('drops trailing undefined arguments so JSON and IPC carry the same call', async () => {
    const { transport, calls } = recordingTransport();
    const api = createClient(transport);
    await memberOf(api, 'feeds', 'refresh')({}, undefined, undefined);
    expect(calls).toEqual([{ kind: 'invoke', channel: channelOf('feeds', 'refresh'), args: [{}] }]);
  });

  it('returns a frozen object so a page script cannot swap a method', () => {
    const api = createClient(recordingTransport().transport);
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.isFrozen(api.feeds)).toBe(true);
  });
});
