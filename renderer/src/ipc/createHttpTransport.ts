// The browser's transport: methods as `POST /api/<service>.<method>`, events from one shared
// EventSource on `/api/events`. Only structural types are used, so the same file type-checks in
// the renderer and in the Node tests that drive it against a real host.
import { channelOf, contract, fail, type Result } from '@shared/contract';
import type { ClientTransport } from '@shared/contract/createClient';

/** The part of a fetch Response the transport reads. */
export interface HttpResponseLike {
  readonly status: number;
  json(): Promise<unknown>;
}

/** `window.fetch`, narrowed to the call the transport makes. */
export type FetchLike = (
  url: string,
  init: {
    method: 'POST';
    headers: Record<string, string>;
    body: string;
    credentials: 'same-origin';
  },
) => Promise<HttpResponseLike>;

/** A message of an EventSource. */
export interface ServerSentMessage {
  readonly data: string;
}

/** The part of `EventSource` the transport uses. */
export interface EventSourceLike {
  addEventListener(type: string, listener: (message: ServerSentMessage) => void): void;
  removeEventListener(type: string, listener: (message: ServerSentMessage) => void): void;
  close(): void;
}

export interface HttpTransportOptions {
  /** Origin of the host, or '' for the page's own origin. */
  baseUrl: string;
  fetch: FetchLike;
  openEventSource(url: string): EventSourceLike;
}

/** What a call resolves to when the host cannot be reached or answers something unreadable. */
export const BACKEND_UNREACHABLE_MESSAGE =
  'Rounds could not reach its backend. Check that Rounds is still running, then try again.';

function isResult(body: unknown): body is Result<unknown, string> {
  if (typeof body !== 'object' || body === null) return false;
  const candidate = body as Record<string, unknown>;
  if (candidate.ok === true) return 'value' in candidate;
  return (
    candidate.ok === false &&
    typeof candidate.code === 'string' &&
    typeof candidate.message === 'string'
  );
}

/** Builds the transport `createClient` needs in a plain browser. */
export function createHttpTransport(options: HttpTransportOptions): ClientTransport {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  // The HTTP name of a member is its channel without the `app:` prefix: derived, not re-typed.
  const routes = new Map<string, string>();
  for (const [serviceName, service] of Object.entries(contract)) {
    for (const memberName of Object.keys(service.members)) {
      routes.set(channelOf(serviceName, memberName), `${serviceName}.${memberName}`);
    }
  }
  const routeOf = (channel: string): string => {
    const route = routes.get(channel);
    if (route === undefined) throw new Error(`${channel} is not part of the Rounds contract.`);
    return route;
  };

  let source: EventSourceLike | null = null;
  const listenersByEvent = new Map<string, Set<(payload: unknown) => void>>();
  const dispatchers = new Map<string, (message: ServerSentMessage) => void>();

  function dispatcherFor(eventName: string) {
    return (message: ServerSentMessage) => {
      let payload: unknown;
      try {
        payload = JSON.parse(message.data);
      } catch {
        console.warn(`[rounds] ignored an unreadable ${eventName} event`);
        return;
      }
      for (const listener of [...(listenersByEvent.get(eventName) ?? [])]) {
        try {
          listener(payload);
        } catch (error) {
          console.error(`[rounds] a ${eventName} listener failed`, error);
        }
      }
    };
  }

  return {
    async invoke(channel, args) {
      const route = routeOf(channel);
      let response: HttpResponseLike;
      try {
        response = await options.fetch(`${baseUrl}/api/${route}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(args),
          credentials: 'same-origin',
        });
      } catch {
        return fail('internal', BACKEND_UNREACHABLE_MESSAGE);
      }
      const body: unknown = await response.json().catch(() => undefined);
      // The host answers refusals (400, 401, 404…) with a Result too; pass those through.
      return isResult(body) ? body : fail('internal', BACKEND_UNREACHABLE_MESSAGE);
    },

    subscribe(channel, listener) {
      const eventName = routeOf(channel);
      source ??= options.openEventSource(`${baseUrl}/api/events`);
      let listeners = listenersByEvent.get(eventName);
      if (!listeners) {
        listeners = new Set();
        listenersByEvent.set(eventName, listeners);
        const dispatcher = dispatcherFor(eventName);
        dispatchers.set(eventName, dispatcher);
        source.addEventListener(eventName, dispatcher);
      }
      // A wrapper per subscription, so subscribing the same function twice needs two unsubscribes.
      const subscription = (payload: unknown) => listener(payload);
      listeners.add(subscription);

      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        listeners.delete(subscription);
        if (listeners.size > 0) return;
        listenersByEvent.delete(eventName);
        const dispatcher = dispatchers.get(eventName);
        dispatchers.delete(eventName);
        if (dispatcher) source?.removeEventListener(eventName, dispatcher);
        if (listenersByEvent.size === 0) {
          // Nothing listens any more: release the connection instead of holding it open.
          source?.close();
          source = null;
        }
      };
    },
  };
}
