import { type Transferable, Worker, type WorkerOptions } from 'node:worker_threads';
import type { DeadlineTimers } from '../feeds/HttpFeedFetcher';
import { WorkerJobFailure } from './WorkerJobFailure';
import { fieldsOf, type WorkerJobMessage } from './workerJobProtocol';

/** Tuning and wiring of a {@link WorkerJobRunner}. */
export interface WorkerJobRunnerOptions<Answer extends object> {
  /** How to start a worker, as workerThreadEntry gives it for the worker's entry module. */
  entry: { script: string | URL; options: WorkerOptions };
  /**
   * The words for failures: `worker: 'feed parsing'` gives "The feed parsing worker failed: …",
   * `owner: 'feed parser'` gives "The feed parser has been closed."
   */
  names: { worker: string; owner: string };
  /** Workers running jobs at the same time; further jobs wait their turn. Default 1. */
  workers?: number;
  /** Longest one job may take, counted from when its worker is ready, before the worker is stopped. */
  timeoutMs: number;
  /** Heap of each worker in megabytes; a job needing more fails as `out-of-memory`. */
  maxHeapMb: number;
  /** Schedules the time limit; tests pass their own to fire it on cue. Default: global. */
  timers?: DeadlineTimers;
  /** Stop a worker as soon as no job waits for it (for rare, heavy jobs). Default: keep it. */
  stopWhenIdle?: boolean;
  /**
   * The validation hook: whether a message from the worker (an object with this job's id that is
   * neither `ready` nor `crashed`) is an answer the job can take. One that is not fails the job as
   * `malformed-answer` and costs the worker, which can no longer be trusted to be in step.
   */
  isAnswer(message: object): message is Answer;
}

/** What a job makes of one answer: its result, or a further message to the worker. */
export type WorkerJobStep<Request, Result> = { done: Result } | { ask: Request };

/** One job: its first message, and how it takes the worker's answers. */
export interface WorkerJob<Request extends object, Answer extends object, Result> {
  /** The runner adds the job's id to it, and to every message it asks. */
  request: Request;
  /** Buffers moved to the worker rather than copied; the caller must not touch them again. */
  transfer?: readonly Transferable[];
  /** Throwing means the answer does not fit the conversation: a `malformed-answer`. */
  receive(answer: Answer): WorkerJobStep<Request, Result>;
}

interface QueuedJob<Request extends object, Answer extends object> {
  id: number;
  job: WorkerJob<Request, Answer, unknown>;
  resolve(result: unknown): void;
  reject(error: Error): void;
}

interface Thread<Request extends object, Answer extends object> {
  worker: Worker;
  /** Loaded and listening: a job's time limit starts only then, not during start-up. */
  ready: boolean;
  current: QueuedJob<Request, Answer> | null;
  timer: unknown;
}

const GLOBAL_TIMERS: DeadlineTimers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/**
 * Runs jobs on untrusted input in worker threads, so a huge or hostile input never stalls the
 * thread that starts them. It owns what every such adapter needs: a pool of at most `workers`
 * threads and a queue, request ids that tie answers to jobs, a time limit per job, a heap limit
 * per worker, and retirement: a worker that ran over its time, crashed, exited or answered
 * nonsense is dropped (stopped if still running) and the next job gets a fresh one. Every way a
 * job can fail rejects with a {@link WorkerJobFailure} saying which. An idle worker never keeps
 * the process alive.
 */
export class WorkerJobRunner<Request extends object, Answer extends object> {
  private readonly size: number;
  private readonly timers: DeadlineTimers;
  private readonly threads = new Set<Thread<Request, Answer>>();
  private readonly queue: QueuedJob<Request, Answer>[] = [];
  private readonly stopping = new Set<Promise<number>>();
  private nextId = 1;
  private closed = false;

  constructor(private readonly options: WorkerJobRunnerOptions<Answer>) {
    this.size = Math.max(1, options.workers ?? 1);
    this.timers = options.timers ?? GLOBAL_TIMERS;
  }

  /** Resolves with what the job's `receive` made of the answers; rejects with a WorkerJobFailure. */
  run<Result>(job: WorkerJob<Request, Answer, Result>): Promise<Result> {
    if (this.closed) return Promise.reject(this.closedFailure());
    return new Promise<Result>((resolve, reject) => {
      this.queue.push({
        id: this.nextId++,
        job,
        resolve: resolve as (result: unknown) => void,
        reject,
      });
      this.dispatch();
    });
  }

  /** Throws the failure {@link run} would reject with once closed; for work before a job. */
  throwIfClosed(): void {
    if (this.closed) throw this.closedFailure();
  }

  /** Stops every worker; jobs running or waiting fail as `closed`, and so does any later job. */
  async close(): Promise<void> {
    this.closed = true;
    const closed = this.closedFailure();
    for (const queued of this.queue.splice(0)) queued.reject(closed);
    for (const thread of [...this.threads]) {
      this.settle(thread, (queued) => queued.reject(closed));
      this.stop(thread);
    }
    await Promise.all(this.stopping);
  }

  private dispatch(): void {
    while (!this.closed && this.queue.length > 0) {
      const thread = this.idleThread();
      if (!thread) return;
      const queued = this.queue.shift();
      if (!queued) return;
      thread.current = queued;
      thread.worker.ref();
      if (thread.ready) this.startClock(thread);
      this.post(thread, queued.job.request, queued.job.transfer);
    }
  }

  private idleThread(): Thread<Request, Answer> | undefined {
    for (const thread of this.threads) if (thread.current === null) return thread;
    if (this.threads.size >= this.size) return undefined;
    try {
      return this.spawn();
    } catch (error) {
      // Starting a worker failed outright (not through its 'error' event): the job waiting
      // first is told, and the queue is not left to wait on a worker that will never come.
      this.queue.shift()?.reject(this.failedWorker(error));
      return undefined;
    }
  }

  private spawn(): Thread<Request, Answer> {
    const { entry, maxHeapMb } = this.options;
    const worker = new Worker(entry.script, {
      ...entry.options,
      resourceLimits: {
        maxOldGenerationSizeMb: maxHeapMb,
        maxYoungGenerationSizeMb: Math.min(64, Math.ceil(maxHeapMb / 8)),
      },
    });
    const thread: Thread<Request, Answer> = {
      worker,
      ready: false,
      current: null,
      timer: undefined,
    };
    // An idle worker must not keep the process alive; it is referenced while it works.
    worker.unref();
    worker.on('message', (message: unknown) => this.receive(thread, message));
    worker.on('messageerror', () => this.fail(thread, this.malformedAnswer()));
    worker.on('error', (error: Error & { code?: string }) =>
      this.fail(
        thread,
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new WorkerJobFailure(
              'out-of-memory',
              `The ${this.options.names.worker} worker needed more than ${maxHeapMb} MB of memory and was stopped.`,
            )
          : this.failedWorker(error),
      ),
    );
    worker.on('exit', (exitCode) =>
      this.fail(
        thread,
        new WorkerJobFailure(
          'exited',
          `The ${this.options.names.worker} worker stopped unexpectedly (exit ${exitCode}).`,
        ),
      ),
    );
    this.threads.add(thread);
    return thread;
  }

  private receive(thread: Thread<Request, Answer>, message: unknown): void {
    if (!this.threads.has(thread)) return;
    const fields = fieldsOf(message);
    if (fields?.kind === 'ready') {
      thread.ready = true;
      if (thread.current) this.startClock(thread);
      return;
    }
    const current = thread.current;
    // A late answer to a job that has already ended (or a worker speaking out of turn).
    if (!current || (typeof fields?.id === 'number' && fields.id !== current.id)) return;
    if (fields?.id !== current.id) {
      this.fail(thread, this.malformedAnswer());
    } else if (fields.kind === 'crashed' && typeof fields.message === 'string') {
      const crashed = new WorkerJobFailure('crashed', fields.message);
      this.settle(thread, (job) => job.reject(crashed));
      this.afterJob(thread);
    } else if (!this.options.isAnswer(fields)) {
      this.fail(thread, this.malformedAnswer());
    } else {
      this.take(thread, current, fields);
    }
  }

  private take(
    thread: Thread<Request, Answer>,
    current: QueuedJob<Request, Answer>,
    answer: Answer,
  ): void {
    let step: WorkerJobStep<Request, unknown>;
    try {
      step = current.job.receive(answer);
    } catch (error) {
      this.fail(thread, this.malformedAnswer({ cause: error }));
      return;
    }
    if ('ask' in step) {
      this.post(thread, step.ask);
      return;
    }
    this.settle(thread, (job) => job.resolve(step.done));
    this.afterJob(thread);
  }

  private post(
    thread: Thread<Request, Answer>,
    message: Request,
    transfer?: readonly Transferable[],
  ): void {
    const id = thread.current?.id;
    if (id === undefined) return;
    const stamped: WorkerJobMessage<Request> = { ...message, id };
    thread.worker.postMessage(stamped, transfer);
  }

  private startClock(thread: Thread<Request, Answer>): void {
    const { timeoutMs, names } = this.options;
    thread.timer = this.timers.setTimeout(
      () =>
        this.fail(
          thread,
          new WorkerJobFailure(
            'timeout',
            `The ${names.worker} worker took longer than ${Math.round(timeoutMs / 1000)} seconds and was stopped.`,
          ),
        ),
      timeoutMs,
    );
  }

  /** The worker is done with a job: the next one, or, with nothing waiting, maybe none at all. */
  private afterJob(thread: Thread<Request, Answer>): void {
    if (this.options.stopWhenIdle && this.queue.length === 0) this.stop(thread);
    this.dispatch();
  }

  /**
   * Retires a worker that cannot be trusted with another job (or is gone already): its job, if
   * any, fails with `failure`, and the queue moves on with a fresh worker.
   */
  private fail(thread: Thread<Request, Answer>, failure: Error): void {
    if (!this.threads.has(thread)) return;
    this.stop(thread);
    this.settle(thread, (job) => job.reject(failure));
    this.dispatch();
  }

  /** Ends the thread's current job, if any, and frees the thread for the next one. */
  private settle(
    thread: Thread<Request, Answer>,
    finish: (job: QueuedJob<Request, Answer>) => void,
  ): void {
    const current = thread.current;
    if (thread.timer !== undefined) this.timers.clearTimeout(thread.timer);
    thread.current = null;
    thread.timer = undefined;
    if (this.threads.has(thread)) thread.worker.unref();
    if (current) finish(current);
  }

  /** Forgets a worker and stops it; stopping one that has already exited does no harm. */
  private stop(thread: Thread<Request, Answer>): void {
    if (!this.threads.delete(thread)) return;
    const stopped = thread.worker.terminate();
    this.stopping.add(stopped);
    void stopped.finally(() => this.stopping.delete(stopped));
  }

  private closedFailure(): WorkerJobFailure {
    return new WorkerJobFailure('closed', `The ${this.options.names.owner} has been closed.`);
  }

  private failedWorker(error: unknown): WorkerJobFailure {
    const message = error instanceof Error ? error.message : String(error);
    return new WorkerJobFailure(
      'worker-error',
      `The ${this.options.names.worker} worker failed: ${message}`,
    );
  }

  private malformedAnswer(options?: ErrorOptions): WorkerJobFailure {
    return new WorkerJobFailure(
      'malformed-answer',
      `The ${this.options.names.worker} worker sent an answer Rounds could not read.`,
      options,
    );
  }
}
