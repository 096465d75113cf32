import { afterEach, describe, expect, it } from 'vitest';
import { ManualTimers } from '../pdf/testing/ManualTimers';
import { workerThreadEntry } from '../workerThreadEntry';
import type { TestJobAnswer, TestJobRequest } from './testing/jobTestWorker';
import type { WorkerJobFailure } from './WorkerJobFailure';
import { WorkerJobRunner, type WorkerJobRunnerOptions } from './WorkerJobRunner';

const LIMIT_MS = 5_000;
const ENTRY = workerThreadEntry(import.meta.url, {
  built: './jobTestWorker.js',
  source: './testing/jobTestWorker.ts',
});

type TestRunnerOptions = Partial<WorkerJobRunnerOptions<TestJobAnswer>>;

const runners: WorkerJobRunner<TestJobRequest, TestJobAnswer>[] = [];
function testRunner(options: TestRunnerOptions = {}) {
  const runner = new WorkerJobRunner<TestJobRequest, TestJobAnswer>({
    entry: ENTRY,
    names: { worker: 'test', owner: 'test runner' },
    timeoutMs: LIMIT_MS,
    maxHeapMb: 64,
    isAnswer: isTestAnswer,
    ...options,
  });
  runners.push(runner);
  return runner;
}
afterEach(async () => {
  await Promise.all(runners.splice(0).map((runner) => runner.close()));
});

function isTestAnswer(message: object): message is TestJobAnswer {
  const answer = message as Partial<Record<string, unknown>>;
  return (
    (answer.kind === 'echoed' && typeof answer.text === 'string') ||
    (answer.kind === 'count' && typeof answer.n === 'number')
  );
}

/** What a job fails with: a WorkerJobFailure of this reason and message. */
function failure(reason: WorkerJobFailure['reason'], message: string) {
  return { name: 'WorkerJobFailure', reason, message };
}

/** A job that ends with the worker's first answer. */
function job(request: TestJobRequest) {
  return { request, receive: (answer: TestJobAnswer) => ({ done: answer }) };
}

/** The worker that answered. */
function threadOf(answer: TestJobAnswer): number {
  if (answer.kind !== 'echoed') throw new Error(`Expected an echo, got ${answer.kind}`);
  return answer.threadId;
}

function echo(runner: WorkerJobRunner<TestJobRequest, TestJobAnswer>, text: string) {
  return runner.run(job({ behaviour: 'echo', text }));
}

describe('WorkerJobRunner', () => {
  it('runs jobs in a worker and answers each with its own result', async () => {
    const runner = testRunner();

    const [first, second] = await Promise.all([echo(runner, 'first'), echo(runner, 'second')]);

    expect(first).toMatchObject({ kind: 'echoed', text: 'first' });
    expect(second).toMatchObject({ kind: 'echoed', text: 'second' });
    expect(threadOf(second)).toBe(threadOf(first));
  });

  it('carries on a conversation: asks again until the job is done', async () => {
    const runner = testRunner();
    const counted: number[] = [];

    const result = await runner.run({
      request: { behaviour: 'count' },
      receive: (answer) => {
        if (answer.kind !== 'count') throw new Error('not a count');
        counted.push(answer.n);
        return answer.n < 3 ? { ask: { behaviour: 'next' } } : { done: counted };
      },
    });

    expect(result).toEqual([1, 2, 3]);
  });

  it('stops a job that runs over its time limit and runs the next on a fresh worker', async () => {
    const timers = new ManualTimers();
    const runner = testRunner({ timers });
    const before = await echo(runner, 'before');

    const silent = runner.run(job({ behaviour: 'never-answer' }));
    await timers.whenSet(LIMIT_MS);
    timers.fire(LIMIT_MS);

    await expect(silent).rejects.toMatchObject(
      failure('timeout', 'The test worker took longer than 5 seconds and was stopped.'),
    );
    const after = await echo(runner, 'after');
    expect(after).toMatchObject({ text: 'after' });
    expect(threadOf(after)).not.toBe(threadOf(before));
    expect(timers.pendingDelays()).toEqual([]);
  });

  it('runs at most `workers` jobs at once; the others wait for a free worker', async () => {
    const runner = testRunner({ workers: 2 });

    const answers = await Promise.all(['a', 'b', 'c', 'd'].map((text) => echo(runner, text)));

    expect(answers.map((answer) => answer.kind === 'echoed' && answer.text)).toEqual([
      'a',
      'b',
      'c',
      'd',
    ]);
    expect(new Set(answers.map(threadOf)).size).toBe(2);
  });

  it('fails only the job whose handler threw; the worker carries on', async () => {
    const runner = testRunner();
    const before = await echo(runner, 'before');

    await expect(
      runner.run(job({ behaviour: 'throw', text: 'No entries found' })),
    ).rejects.toMatchObject(failure('crashed', 'No entries found'));
    expect(threadOf(await echo(runner, 'after'))).toBe(threadOf(before));
  });

  it('fails the job of a worker that died of an uncaught error, and replaces the worker', async () => {
    const runner = testRunner();

    await expect(runner.run(job({ behaviour: 'uncaught', text: 'boom' }))).rejects.toMatchObject(
      failure('worker-error', 'The test worker failed: boom'),
    );
    expect(await echo(runner, 'after')).toMatchObject({ text: 'after' });
  });

  it('fails the job of a worker that exited, naming the exit code', async () => {
    const runner = testRunner();

    await expect(runner.run(job({ behaviour: 'exit', exitCode: 7 }))).rejects.toMatchObject(
      failure('exited', 'The test worker stopped unexpectedly (exit 7).'),
    );
    expect(await echo(runner, 'after')).toMatchObject({ text: 'after' });
  });

  it('fails a job that needs more memory than a worker may have, and runs the next', async () => {
    const runner = testRunner({ maxHeapMb: 32 });

    await expect(runner.run(job({ behaviour: 'fill-memory' }))).rejects.toMatchObject(
      failure('out-of-memory', 'The test worker needed more than 32 MB of memory and was stopped.'),
    );
    expect(await echo(runner, 'after')).toMatchObject({ text: 'after' });
  }, 60_000);

  it('fails a job whose answer is malformed, and runs the next on a fresh worker', async () => {
    const runner = testRunner();
    const malformed = failure(
      'malformed-answer',
      'The test worker sent an answer Rounds could not read.',
    );
    const before = await echo(runner, 'before');

    await expect(runner.run(job({ behaviour: 'malformed' }))).rejects.toMatchObject(malformed);
    await expect(runner.run(job({ behaviour: 'no-envelope' }))).rejects.toMatchObject(malformed);
    const after = await echo(runner, 'after');
    expect(after).toMatchObject({ text: 'after' });
    expect(threadOf(after)).not.toBe(threadOf(before));
  });

  it('fails a job whose answers do not fit its conversation, keeping the cause', async () => {
    const runner = testRunner();

    const outOfStep = runner.run({
      request: { behaviour: 'count' },
      receive: (answer) => {
        if (answer.kind === 'count' && answer.n === 2) throw new Error('Two came before one.');
        return { ask: { behaviour: 'next' } };
      },
    });

    await expect(outOfStep).rejects.toMatchObject({
      ...failure('malformed-answer', 'The test worker sent an answer Rounds could not read.'),
      cause: new Error('Two came before one.'),
    });
    expect(await echo(runner, 'after')).toMatchObject({ text: 'after' });
  });

  it('on close, fails the running and the waiting jobs and refuses new ones', async () => {
    const timers = new ManualTimers();
    const runner = testRunner({ timers });
    const closed = failure('closed', 'The test runner has been closed.');

    const running = runner.run(job({ behaviour: 'never-answer' }));
    const waiting = echo(runner, 'waiting');
    const outcomes = Promise.allSettled([running, waiting]);
    await timers.whenSet(LIMIT_MS);
    await runner.close();

    expect(await outcomes).toMatchObject([
      { status: 'rejected', reason: closed },
      { status: 'rejected', reason: closed },
    ]);
    await expect(echo(runner, 'late')).rejects.toMatchObject(closed);
    expect(() => runner.throwIfClosed()).toThrow(closed.message);
    expect(timers.pendingDelays()).toEqual([]);
  });

  it('with stopWhenIdle, keeps a worker only while jobs are waiting for it', async () => {
    const runner = testRunner({ stopWhenIdle: true });

    const [first, queued] = await Promise.all([echo(runner, 'first'), echo(runner, 'queued')]);
    const later = await echo(runner, 'later');

    expect(threadOf(queued)).toBe(threadOf(first));
    expect(threadOf(later)).not.toBe(threadOf(first));
  });
});
