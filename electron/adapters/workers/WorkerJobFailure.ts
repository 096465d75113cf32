/** How a job ended without a result; the failure's message names the worker and the cause. */
export type WorkerJobFailureReason =
  | 'timeout'
  | 'out-of-memory'
  /** The worker died of an error it did not catch (or could not start). */
  | 'worker-error'
  | 'exited'
  /** The job's handler threw in the worker, which carries on (the message is the handler's). */
  | 'crashed'
  | 'malformed-answer'
  | 'closed';

/** Why WorkerJobRunner's `run` rejected; adapters turn the expected reasons into results. */
export class WorkerJobFailure extends Error {
  override readonly name = 'WorkerJobFailure';

  constructor(
    readonly reason: WorkerJobFailureReason,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/**
 * Turns the failures a caller expects of its jobs (a time-out, running out of memory) into its
 * own results, each with the caller's message for the user, and rethrows any other.
 */
export function resultOfExpectedFailure<Result>(
  error: unknown,
  results: Partial<Record<WorkerJobFailureReason, () => Result>>,
): Result {
  const result = error instanceof WorkerJobFailure ? results[error.reason] : undefined;
  if (!result) throw error;
  return result();
}

/** A job refused for the limits it ran into, as the feed and PDF adapters report it. */
export interface LimitFailure {
  ok: false;
  code: 'timeout' | 'too-large';
  message: string;
}

/**
 * Turns a time-out into `timeout` and running out of memory into `too-large`, each with the
 * caller's message for the user; rethrows any other failure.
 */
export function limitFailure(
  error: unknown,
  messages: { timeout: string; tooLarge: string },
): LimitFailure {
  return resultOfExpectedFailure<LimitFailure>(error, {
    timeout: () => ({ ok: false, code: 'timeout', message: messages.timeout }),
    'out-of-memory': () => ({ ok: false, code: 'too-large', message: messages.tooLarge }),
  });
}
