// A worker for WorkerJobRunner's own tests: each request names how the job behaves, so the tests
// can drive every way a real worker answers, fails or falls silent.
import { parentPort, threadId } from 'node:worker_threads';
import { serveWorkerJobs } from '../serveWorkerJobs';

/** What a test asks of the worker. */
export type TestJobRequest =
  | { behaviour: 'echo'; text: string }
  /** Answers `{ kind: 'count', n: 1 }`, then n + 1 for each `next` message of the same job. */
  | { behaviour: 'count' }
  | { behaviour: 'next' }
  | { behaviour: 'never-answer' }
  | { behaviour: 'throw'; text: string }
  | { behaviour: 'uncaught'; text: string }
  | { behaviour: 'exit'; exitCode: number }
  | { behaviour: 'fill-memory' }
  | { behaviour: 'malformed' }
  | { behaviour: 'no-envelope' };

/** The worker's answers; `threadId` tells a test which worker answered. */
export type TestJobAnswer =
  { kind: 'echoed'; text: string; threadId: number } | { kind: 'count'; n: number };

/** How far each counting job has counted. */
const counts = new Map<number, number>();

serveWorkerJobs<TestJobRequest, TestJobAnswer | { kind: 'echoed'; text: number }>(
  'jobTestWorker',
  (message, answer) => {
    switch (message.behaviour) {
      case 'echo':
        answer({ kind: 'echoed', text: message.text, threadId });
        return;
      case 'count':
      case 'next': {
        const n = message.behaviour === 'count' ? 1 : (counts.get(message.id) ?? 0) + 1;
        counts.set(message.id, n);
        answer({ kind: 'count', n });
        return;
      }
      case 'never-answer':
        return;
      case 'throw':
        throw new Error(message.text);
      case 'uncaught':
        setImmediate(() => {
          throw new Error(message.text);
        });
        return;
      case 'exit':
        process.exit(message.exitCode);
        return;
      case 'fill-memory':
        fillMemory();
        return;
      case 'malformed':
        answer({ kind: 'echoed', text: 42 });
        return;
      case 'no-envelope':
        parentPort?.postMessage('not an answer');
        return;
    }
  },
);

function fillMemory(): void {
  const kept: string[][] = [];
  for (;;) kept.push(Array.from({ length: 100_000 }, (_, i) => `${i}-${kept.length}`));
}
