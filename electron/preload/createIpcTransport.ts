// The preload's half of the IPC transport, over a structural `ipcRenderer` so it can be tested
// without Electron. Only the contract's channels can be reached, whatever the caller asks for.
import { channelOf, contract, fail } from '@shared/contract';
import type { ClientTransport } from '@shared/contract/createClient';

/** The part of Electron's `ipcRenderer` the transport uses. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

function channelsOfKind(kind: 'method' | 'event'): ReadonlySet<string> {
  const channels = new Set<string>();
  for (const [serviceName, service] of Object.entries(contract)) {
    for (const [memberName, spec] of Object.entries(service.members)) {
      if (spec.kind === kind) channels.add(channelOf(serviceName, memberName));
    }
  }
  return channels;
}

/** Builds the transport `createClient` needs on top of `ipcRenderer`. */
export function createIpcTransport(ipcRenderer: IpcRendererLike): ClientTransport {
  const methodChannels = channelsOfKind('method');
  const eventChannels = channelsOfKind('event');
  return {
    async invoke(channel, args) {
      if (!methodChannels.has(channel))
        throw new Error(`${channel} is not a method of the Rounds contract.`);
      try {
        return await ipcRenderer.invoke(channel, ...args);
      } catch {
        // Main answers every call with a Result; a rejection means the call never reached a
        // handler (main is shutting down, or refused this window).
        return fail('internal', 'Rounds could not reach its backend. Please restart Rounds.');
      }
    },
    subscribe(channel, listener) {
      if (!eventChannels.has(channel))
        throw new Error(`${channel} is not an event of the Rounds contract.`);
      // The IPC event object is dropped: it carries `sender`, which must not reach the page.
      const forward = (_event: unknown, payload: unknown) => listener(payload);
      ipcRenderer.on(channel, forward);
      return () => {
        ipcRenderer.removeListener(channel, forward);
      };
    },
  };
}
