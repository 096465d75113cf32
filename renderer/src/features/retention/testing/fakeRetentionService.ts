// Test support only: the retention service in memory, behind the real contract client, so the
// dialog's tests go through the same typed calls and events as the window.
import {
  channelOf,
  fail,
  ok,
  type RetentionPolicy,
  type RetentionRun,
  type RetentionState,
} from '@shared/contract';
import { createClient } from '@shared/contract/createClient';
import { describeRetentionRun } from '@shared/domain/retention/describeRetentionRun';

/** The fake's state and what it was asked. */
export interface FakeRetention {
  state: RetentionState;
  /** Ids of the feeds subscribed: a rule for any other is refused, as the backend does. */
  feedIds: string[];
  /** What the next `applyNow` removes when a rule applies. */
  removes: number;
  calls: { channel: string; args: unknown }[];
}

export function fakeRetention(state: Partial<FakeRetention> = {}): FakeRetention {
  return {
    state: { policy: { olderThanDays: null, feeds: [] }, lastRun: null },
    feedIds: [],
    removes: 0,
    calls: [],
    ...state,
  };
}

/** A background run as the service reports it. */
export function backgroundRun(fields: Partial<RetentionRun> = {}): RetentionRun {
  const run = {
    at: '2026-06-01T03:00:00.000Z',
    trigger: 'background' as const,
    olderThanDays: 90,
    removed: 12,
    feeds: 2,
    kept: { starred: 1, annotated: 2, imported: 0, discussed: 3 },
    acknowledged: false,
    ...fields,
  };
  return { ...run, message: describeRetentionRun(run) };
}

function hasRule(policy: RetentionPolicy): boolean {
  return policy.olderThanDays !== null || policy.feeds.some((feed) => feed.olderThanDays !== null);
}

/** The typed client over `fake`, and a way to fire `retention.onDidExpire`. */
export function createFakeRetentionClient(fake: FakeRetention) {
  const listeners = new Set<(payload: unknown) => void>();
  const handlers: Record<string, (args: Record<string, unknown>) => unknown> = {
    policy: () => ok(fake.state),
    setPolicy: (args) => {
      const policy = args as unknown as RetentionPolicy;
      const unknown = policy.feeds.find((feed) => !fake.feedIds.includes(feed.feedId));
      if (unknown) return fail('not-found', 'That feed is no longer in your library.');
      fake.state = { ...fake.state, policy: structuredClone(policy) };
      return ok(fake.state);
    },
    applyNow: () => {
      const off = !hasRule(fake.state.policy);
      const fields = {
        at: '2026-06-02T10:00:00.000Z',
        trigger: 'manual' as const,
        olderThanDays: fake.state.policy.olderThanDays,
        removed: off ? 0 : fake.removes,
        feeds: off || fake.removes === 0 ? 0 : 1,
        kept: { starred: 2, annotated: 1, imported: 0, discussed: 0 },
        acknowledged: true,
      };
      const run: RetentionRun = { ...fields, message: describeRetentionRun({ ...fields, off }) };
      if (!off) fake.state = { ...fake.state, lastRun: run };
      return ok(run);
    },
    acknowledgeRun: (args) => {
      const lastRun = fake.state.lastRun;
      if (lastRun === null || lastRun.at !== args.at)
        return fail('not-found', 'A later run has replaced that one.');
      fake.state = { ...fake.state, lastRun: { ...lastRun, acknowledged: true } };
      return ok({ at: args.at });
    },
  };
  const api = createClient({
    invoke: async (channel, args) => {
      const first = (args[0] ?? {}) as Record<string, unknown>;
      fake.calls.push({ channel, args: first });
      const method = channel.replace(/^app:retention\./, '');
      const handler = handlers[method];
      if (!channel.startsWith('app:retention.') || !handler) {
        return fail('internal', `The fake retention service has no ${channel}.`);
      }
      return handler(first);
    },
    subscribe: (channel, listener) => {
      if (channel !== channelOf('retention', 'onDidExpire')) return () => undefined;
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  });
  return {
    retention: api.retention,
    /** Fires `retention.onDidExpire` as the backend does after a run removed items. */
    expire(run: RetentionRun) {
      fake.state = { ...fake.state, lastRun: run };
      for (const listener of [...listeners]) listener(run);
    },
  };
}
