// Test support only: stand-ins for ipcMain, a window and ipcRenderer (Electron cannot run here).
// Values cross through structuredClone, as they do over real IPC, so a non-cloneable Result or
// payload fails the tests the way it would fail in the app.
import type { EventRecipient, IpcMainLike, InvokeEventLike } from '../registerContract';
import type { SenderFrame } from '../senderPolicy';
import type { IpcRendererLike } from '../../../preload/createIpcTransport';

type Handler = (event: InvokeEventLike<SenderFrame>, ...args: unknown[]) => unknown;

/** Records the handlers registered on it and lets a test invoke them from a chosen frame. */
export class RecordingIpcMain implements IpcMainLike<SenderFrame> {
  readonly handlers = new Map<string, Handler>();

  handle(channel: string, listener: Handler): void {
    // Electron throws on a second handler for a channel; so does this stand-in.
    if (this.handlers.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  async invokeFrom(
    frame: SenderFrame | null,
    channel: string,
    ...args: unknown[]
  ): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    const answer = await handler({ senderFrame: frame }, ...structuredClone(args));
    return structuredClone(answer);
  }
}

/** A window's web contents: its main frame and the messages main sent to it. */
export class RecordingWindow implements EventRecipient<SenderFrame> {
  readonly sent: { channel: string; args: unknown[] }[] = [];
  readonly mainFrame: SenderFrame;
  private readonly rendererListeners = new Map<
    string,
    Set<(event: unknown, ...args: unknown[]) => void>
  >();
  destroyed = false;

  constructor(url: string) {
    this.mainFrame = { url, parent: null };
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  send(channel: string, ...args: unknown[]): void {
    const cloned = structuredClone(args);
    this.sent.push({ channel, args: cloned });
    for (const listener of this.rendererListeners.get(channel) ?? [])
      listener({ sender: 'ipcRenderer' }, ...cloned);
  }

  /** The `ipcRenderer` of the page in this window, wired to `ipcMain`. */
  ipcRenderer(
    ipcMain: RecordingIpcMain,
  ): IpcRendererLike & { listenerCount(channel: string): number } {
    return {
      invoke: (channel, ...args) => ipcMain.invokeFrom(this.mainFrame, channel, ...args),
      on: (channel, listener) => {
        const listeners = this.rendererListeners.get(channel) ?? new Set();
        listeners.add(listener);
        this.rendererListeners.set(channel, listeners);
      },
      removeListener: (channel, listener) => {
        this.rendererListeners.get(channel)?.delete(listener);
      },
      listenerCount: (channel) => this.rendererListeners.get(channel)?.size ?? 0,
    };
  }
}
