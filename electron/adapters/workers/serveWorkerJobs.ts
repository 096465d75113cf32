import { parentPort, type Transferable } from 'node:worker_threads';
import type { WorkerJobCrashed, WorkerJobMessage, WorkerReady } from './workerJobProtocol';

/** Sends one answer to the message being handled; its id is added. */
export type AnswerWorkerJob<Answer extends object> = (
  answer: Answer,
  transfer?: readonly Transferable[],
) => void;

/**
 * The worker's side of WorkerJobRunner, called once by a worker's entry module: hands every
 * message from the runner to `handle` with a way to answer it, turns anything `handle` throws
 * into a `crashed` answer to that message, and then says the worker is ready. Called at the
 * entry's top level, after its imports have loaded, so the runner's time limit never counts
 * loading.
 */
export function serveWorkerJobs<Request extends object, Answer extends object>(
  entryName: string,
  handle: (message: WorkerJobMessage<Request>, answer: AnswerWorkerJob<Answer>) => unknown,
): void {
  const port = parentPort;
  if (!port) throw new Error(`${entryName} must run in a worker thread.`);
  port.on('message', (message: WorkerJobMessage<Request>) => {
    const { id } = message;
    const answer: AnswerWorkerJob<Answer> = (reply, transfer) =>
      port.postMessage({ ...reply, id }, transfer);
    // Through a promise, so a throw and a rejection are answered alike.
    Promise.resolve()
      .then(() => handle(message, answer))
      .catch((error: unknown) => {
        const crashed: WorkerJobCrashed = {
          id,
          kind: 'crashed',
          message: error instanceof Error ? error.message : String(error),
        };
        port.postMessage(crashed);
      });
  });
  const ready: WorkerReady = { kind: 'ready' };
  port.postMessage(ready);
}
