// The envelope every job worker speaks (see WorkerJobRunner and serveWorkerJobs). A job's own
// messages travel inside it: the runner stamps each message to the worker with the job's `id`, and
// the worker stamps its answers with the same id, so an answer can never be taken for another
// job's.

/** A message to a worker: the job's own fields and the id the runner gave the job. */
export type WorkerJobMessage<Request extends object> = Request & { id: number };

/** Sent once by a worker when it has loaded: a job's time limit starts only then. */
export interface WorkerReady {
  kind: 'ready';
}

/** The job's handler threw; the worker itself is fine and takes the next job. */
export interface WorkerJobCrashed {
  id: number;
  kind: 'crashed';
  message: string;
}

/** A message's fields, for a validation hook to check; null when it is not an object at all. */
export function fieldsOf(value: unknown): Partial<Record<string, unknown>> | null {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
}

/** The fields of the result of a one-answer job's `{ kind: 'read', result }`; else null. */
export function readResultOf(message: object): Partial<Record<string, unknown>> | null {
  const answer = fieldsOf(message);
  return answer?.kind === 'read' ? fieldsOf(answer.result) : null;
}
