// Test support only: Node 20 has no EventSource, so this reads `text/event-stream` over a real
// loopback connection and dispatches by event name, as a browser's EventSource does.
import { get, type ClientRequest } from 'node:http';
import type {
  EventSourceLike,
  ServerSentMessage,
} from '../../../renderer/src/ipc/createHttpTransport';

export class NodeEventSource implements EventSourceLike {
  private readonly listeners = new Map<string, Set<(message: ServerSentMessage) => void>>();
  private readonly request: ClientRequest;
  private buffered = '';
  /** Resolves once the server answered with the stream's headers. */
  readonly opened: Promise<number>;
  closed = false;

  constructor(url: string) {
    let markOpened: (status: number) => void = () => undefined;
    this.opened = new Promise((resolve) => (markOpened = resolve));
    this.request = get(url, (response) => {
      markOpened(response.statusCode ?? 0);
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => this.receive(chunk));
    });
    this.request.on('error', () => undefined);
  }

  addEventListener(type: string, listener: (message: ServerSentMessage) => void): void {
    const set = this.listeners.get(type) ?? new Set();
    set.add(listener);
    this.listeners.set(type, set);
  }

  removeEventListener(type: string, listener: (message: ServerSentMessage) => void): void {
    this.listeners.get(type)?.delete(listener);
  }

  close(): void {
    this.closed = true;
    this.request.destroy();
  }

  private receive(chunk: string): void {
    this.buffered += chunk;
    let end: number;
    while ((end = this.buffered.indexOf('\n\n')) !== -1) {
      const block = this.buffered.slice(0, end);
      this.buffered = this.buffered.slice(end + 2);
      let type = 'message';
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event: ')) type = line.slice('event: '.length);
        else if (line.startsWith('data: ')) data.push(line.slice('data: '.length));
      }
      if (data.length === 0) continue;
      for (const listener of this.listeners.get(type) ?? []) listener({ data: data.join('\n') });
    }
  }
}
