import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/** Serves one path; runs in the server's worker thread. */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * What a routes module passed to {@link LoopbackServerThread.start} exports. It is loaded inside
 * the worker, so payloads it builds (a compressed bomb, a megabyte title) are built there once.
 */
export interface LoopbackRoutesModule {
  createRoutes(options: unknown, origin: () => string): Record<string, RouteHandler>;
}

/** workerData of the server's thread. */
export interface ServerThreadData {
  routesModule: string;
  options: unknown;
}

interface Waiter {
  resolve(): void;
  reject(error: Error): void;
}

/** Reports from the server's thread. */
export type ServerThreadMessage =
  | { kind: 'listening'; origin: string }
  | { kind: 'request'; path: string }
  | { kind: 'synced' }
  | { kind: 'failed'; message: string };

/**
 * A loopback HTTP server in a worker thread of its own, so the code under test cannot starve it,
 * that reports every request it receives: a test waits for that event instead of sleeping.
 */
export class LoopbackServerThread {
  /** Every path requested so far, in order. */
  readonly requested: string[] = [];
  private readonly waiters = new Map<string, Waiter[]>();
  private readonly synced: Waiter[] = [];
  /** Why the thread stopped before it was closed; every wait then fails with it. */
  private failure: Error | null = null;

  private listeningOrigin = '';

  private constructor(private readonly worker: Worker) {}

  /** `http://127.0.0.1:<port>` */
  get origin(): string {
    return this.listeningOrigin;
  }

  /** Starts the server with the routes `routesModule` creates from `options`. */
  static async start(routesModule: URL, options: unknown): Promise<LoopbackServerThread> {
    const worker = new Worker(bootstrap(), {
      eval: true,
      workerData: { routesModule: routesModule.href, options } satisfies ServerThreadData,
    });
    const thread = new LoopbackServerThread(worker);
    // One listener for the thread's whole life: taking a Worker's message listeners off and on
    // again left its messages undelivered.
    await new Promise<void>((resolve, reject) => {
      worker.on('message', (message: ServerThreadMessage) => {
        if (message.kind === 'listening') {
          thread.listeningOrigin = message.origin;
          resolve();
        } else if (message.kind === 'failed') {
          reject(new Error(`The server thread did not start: ${message.message}`));
        } else if (message.kind === 'synced') {
          thread.synced.shift()?.resolve();
        } else {
          thread.receive(message.path);
        }
      });
      // Later failures reject the waits in progress, so a crashed server fails the test at once.
      worker.on('error', (error) => {
        thread.fail(error);
        reject(error);
      });
      worker.on('exit', (code) => {
        const exited = new Error(`The server thread exited (${code}).`);
        thread.fail(exited);
        reject(exited);
      });
    });
    return thread;
  }

  /** Resolves once `path` has been requested (at once if it already was). */
  waitForRequest(path: string): Promise<void> {
    if (this.requested.includes(path)) return Promise.resolve();
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.waiters.set(path, [...(this.waiters.get(path) ?? []), { resolve, reject }]);
    });
  }

  /**
   * Resolves once {@link requested} holds every request the server has received so far: the
   * thread's reports arrive in order, so its answer to this question comes after all of them.
   */
  allRequestsReported(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.synced.push({ resolve, reject });
      this.worker.postMessage('sync');
    });
  }

  /** Stops the thread; its server and every connection it held go with it. */
  async close(): Promise<void> {
    await this.worker.terminate();
  }

  private receive(path: string): void {
    this.requested.push(path);
    for (const waiter of this.waiters.get(path) ?? []) waiter.resolve();
    this.waiters.delete(path);
  }

  private fail(error: Error): void {
    this.failure ??= error;
    const waiting = [...this.waiters.values()].flat().concat(this.synced.splice(0));
    this.waiters.clear();
    for (const waiter of waiting) waiter.reject(error);
  }
}

/** Loads the TypeScript entry through tsx, as WorkerFeedParser does for its worker in tests. */
function bootstrap(): string {
  const entry = new URL('./loopbackServerThreadEntry.ts', import.meta.url).href;
  const tsconfig = fileURLToPath(new URL('../../../../tsconfig.node.json', import.meta.url));
  const tsx = import.meta.resolve('tsx/esm/api');
  return `import(${JSON.stringify(tsx)}).then(({ tsImport }) => tsImport(${JSON.stringify(entry)}, { parentURL: ${JSON.stringify(entry)}, tsconfig: ${JSON.stringify(tsconfig)} }));`;
}
