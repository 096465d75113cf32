import { channelOf, type Unsubscribe } from './define';
import { contract, type Api } from './index';

/**
 * How a client reaches the backend. The preload implements it over `ipcRenderer`, the browser
 * build over HTTP and Server-Sent Events; `createClient` turns either into the typed `Api`.
 */
export interface ClientTransport {
  /** Calls one method by its channel (`app:<service>.<method>`) and resolves to its Result. */
  invoke(channel: string, args: unknown[]): Promise<unknown>;
  /** Listens to one event by its channel; the returned function stops listening. */
  subscribe(channel: string, listener: (payload: unknown) => void): Unsubscribe;
}

/**
 * Builds the typed client from the contract: each method becomes a call over `transport.invoke`,
 * each event a subscribe function over `transport.subscribe`. Nothing is written by hand per
 * method, so a method added to the contract reaches the renderer without touching this file.
 */
export function createClient(transport: ClientTransport): Api {
  const api: Record<string, Readonly<Record<string, unknown>>> = {};
  for (const [serviceName, service] of Object.entries(contract)) {
    const client: Record<string, unknown> = {};
    for (const [memberName, member] of Object.entries(service.members)) {
      const channel = channelOf(serviceName, memberName);
      client[memberName] =
        member.kind === 'method'
          ? (...args: unknown[]) => transport.invoke(channel, withoutTrailingUndefined(args))
          : (listener: (payload: unknown) => void) => transport.subscribe(channel, listener);
    }
    api[serviceName] = Object.freeze(client);
  }
  return Object.freeze(api) as unknown as Api;
}

/**
 * JSON turns `undefined` array slots into `null`, which an optional argument's schema rejects;
 * trimming them makes a call mean the same over HTTP as over IPC.
 */
function withoutTrailingUndefined(args: unknown[]): unknown[] {
  let length = args.length;
  while (length > 0 && args[length - 1] === undefined) length -= 1;
  return args.slice(0, length);
}
