// The one place IPC handlers are registered: one handler per contract method, each checking the
// sender frame before anything else, then validating and dispatching through `invokeMember`.
// Structural types instead of `electron` imports keep it testable in plain Node.
import type { Backend } from '@shared/contract';
import { invokeMember, listContractMembers, subscribeAllEvents } from './dispatch';

/** The part of an `IpcMainInvokeEvent` the handlers read. */
export interface InvokeEventLike<F> {
  readonly senderFrame: F | null;
}

/** The part of Electron's `ipcMain` used here. */
export interface IpcMainLike<F> {
  handle(
    channel: string,
    listener: (event: InvokeEventLike<F>, ...args: unknown[]) => unknown,
  ): void;
  removeHandler(channel: string): void;
}

/** A window's `webContents`, as far as pushing events to it goes. */
export interface EventRecipient<F> {
  isDestroyed(): boolean;
  readonly mainFrame: F;
  send(channel: string, ...args: unknown[]): void;
}

/** How `registerContract` tells our renderer apart from anything else that could send IPC. */
export interface RegisterContractOptions<F> {
  /** True only for the main frame of one of our windows showing our renderer. */
  isTrustedSender(frame: F): boolean;
  /** Where events go: the web contents of our windows. */
  eventRecipients(): Iterable<EventRecipient<F>>;
}

/**
 * Registers a handler for every contract method and forwards every contract event to our
 * windows. Returns a function that removes the handlers and the event subscriptions.
 */
export function registerContract<F>(
  ipcMain: IpcMainLike<F>,
  backend: Backend,
  options: RegisterContractOptions<F>,
): () => void {
  const members = listContractMembers();
  const methodChannels: string[] = [];
  for (const member of members) {
    if (member.spec.kind !== 'method') continue;
    const { serviceName, memberName, channel } = member;
    ipcMain.handle(channel, async (event, ...args) => {
      const frame = event.senderFrame;
      if (frame === null || !options.isTrustedSender(frame)) {
        // Only a compromised or foreign page gets here; it learns nothing beyond the refusal.
        console.warn(`[rounds] refused ${channel} from an untrusted sender`, describeFrame(frame));
        throw new Error(`Refused ${channel}: the sender is not a Rounds window.`);
      }
      return invokeMember(backend, serviceName, memberName, args);
    });
    methodChannels.push(channel);
  }

  const unsubscribeEvents = subscribeAllEvents(backend, (member, payload) => {
    for (const recipient of options.eventRecipients()) {
      if (recipient.isDestroyed() || !options.isTrustedSender(recipient.mainFrame)) continue;
      recipient.send(member.channel, payload);
    }
  });

  let disposed = false;
  return () => {
    if (disposed) return;
    disposed = true;
    for (const channel of methodChannels) ipcMain.removeHandler(channel);
    unsubscribeEvents();
  };
}

function describeFrame(frame: unknown): string {
  if (frame === null || typeof frame !== 'object') return 'no frame';
  const url = (frame as { url?: unknown }).url;
  return typeof url === 'string' ? url : 'unknown frame';
}
