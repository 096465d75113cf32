import type { z } from 'zod';

/**
 * Failure codes every method can return, whatever its own list says: the arguments failed the
 * schema, or the backend hit an unexpected error (logged there with its context).
 */
export const COMMON_FAILURE_CODES = ['invalid-argument', 'internal'] as const;

/** A failure code shared by every method. */
export type CommonFailureCode = (typeof COMMON_FAILURE_CODES)[number];

/** An expected failure, returned as a value because Electron only carries an error's message. */
export interface Failure<C extends string = string> {
  ok: false;
  /** Stable, machine-readable code the UI switches on. */
  code: C | CommonFailureCode;
  /** A sentence a clinician can read. */
  message: string;
}

/** A successful call and its value. */
export interface Success<T> {
  ok: true;
  value: T;
}

/** What every contract method resolves to. */
export type Result<T, C extends string = never> = Success<T> | Failure<C>;

/** Builds a success value. */
export function ok<T>(value: T): Success<T> {
  return { ok: true, value };
}

/** Builds an expected failure. */
export function fail<C extends string>(code: C, message: string): Failure<C> {
  return { ok: false, code, message };
}

/**
 * Largest request a transport accepts for a method that declares no limit of its own: the arguments
 * as JSON, in bytes. Far above any ordinary call, far below a memory problem.
 */
export const DEFAULT_MAX_REQUEST_BYTES = 1024 * 1024;

/**
 * One backend method: a tuple schema for its arguments, the codes of its expected failures, the
 * largest request a transport accepts for it and (as a phantom type only) its result.
 */
export interface MethodSpec<
  A extends z.ZodTuple = z.ZodTuple,
  R = unknown,
  C extends string = string,
> {
  readonly kind: 'method';
  readonly args: A;
  readonly errors: readonly C[];
  /** Largest request accepted for this method: its arguments as JSON, in bytes. */
  readonly maxRequestBytes: number;
  /** Never set: carries the result type for inference. */
  readonly __result?: R;
}

/** One event stream a service pushes to the renderer; the payload schema documents its shape. */
export interface EventSpec<P = unknown> {
  readonly kind: 'event';
  readonly payload: z.ZodType<P>;
}

/**
 * Declares a method. `R` is given explicitly; arguments and codes are inferred. A method whose
 * arguments may be larger than `DEFAULT_MAX_REQUEST_BYTES` says so with `maxRequestBytes`.
 */
export function method<R>() {
  return <A extends z.ZodTuple, const C extends string = never>(spec: {
    args: A;
    errors?: readonly C[];
    maxRequestBytes?: number;
  }): MethodSpec<A, R, C> => ({
    kind: 'method',
    args: spec.args,
    errors: spec.errors ?? [],
    maxRequestBytes: spec.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES,
  });
}

/** Declares an event stream. */
export function event<P>(payload: z.ZodType<P>): EventSpec<P> {
  return { kind: 'event', payload };
}

/** A service: its name (the channel prefix) and its members. */
export interface ServiceSpec<
  N extends string = string,
  M extends Record<string, MethodSpec | EventSpec> = Record<string, MethodSpec | EventSpec>,
> {
  readonly name: N;
  readonly members: M;
}

/** Declares a service. */
export function service<
  const N extends string,
  const M extends Record<string, MethodSpec | EventSpec>,
>(name: N, members: M): ServiceSpec<N, M> {
  return { name, members };
}

/** Argument tuple a caller passes (defaults may be left out). */
export type ArgsOf<S> = S extends MethodSpec<infer A, unknown, string> ? z.input<A> : never;
/** Argument tuple an implementation receives, after validation filled the defaults. */
export type ParsedArgsOf<S> = S extends MethodSpec<infer A, unknown, string> ? z.output<A> : never;
/** Result value type of a method spec. */
export type ValueOf<S> = S extends MethodSpec<z.ZodTuple, infer R, string> ? R : never;
/** Failure codes of a method spec. */
export type CodesOf<S> = S extends MethodSpec<z.ZodTuple, unknown, infer C> ? C : never;
/** Payload of an event spec. */
export type PayloadOf<S> = S extends EventSpec<infer P> ? P : never;

/** Undoes a subscription. */
export type Unsubscribe = () => void;

/**
 * The client-side view of a service, identical over IPC and HTTP: each method returns a promise of
 * its Result, each event is a subscribe function returning an unsubscribe function.
 */
export type ServiceClient<S extends ServiceSpec> = {
  [K in keyof S['members']]: S['members'][K] extends MethodSpec
    ? (
        ...args: ArgsOf<S['members'][K]>
      ) => Promise<Result<ValueOf<S['members'][K]>, CodesOf<S['members'][K]>>>
    : S['members'][K] extends EventSpec
      ? (listener: (payload: PayloadOf<S['members'][K]>) => void) => Unsubscribe
      : never;
};

/**
 * What a backend service must implement for a spec: the client's shape, except that methods
 * receive arguments that already passed the schema (defaults filled). Events are subscribe
 * functions the transports forward.
 */
export type ServiceImplementation<S extends ServiceSpec> = {
  [K in keyof S['members']]: S['members'][K] extends MethodSpec
    ? (
        ...args: ParsedArgsOf<S['members'][K]>
      ) => Promise<Result<ValueOf<S['members'][K]>, CodesOf<S['members'][K]>>>
    : S['members'][K] extends EventSpec
      ? (listener: (payload: PayloadOf<S['members'][K]>) => void) => Unsubscribe
      : never;
};

/** The channel name of a member, `app:<service>.<member>`, used by IPC (and by the HTTP path). */
export function channelOf(serviceName: string, member: string): string {
  return `app:${serviceName}.${member}`;
}

/** Validates raw arguments against a method's schema; the failure message names the bad field. */
export function parseArgs<S extends MethodSpec>(
  spec: S,
  raw: unknown,
): { ok: true; args: ParsedArgsOf<S> } | Failure<never> {
  const parsed = spec.args.safeParse(raw);
  if (parsed.success) return { ok: true, args: parsed.data as ParsedArgsOf<S> };
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
  return fail('invalid-argument', `Invalid argument${where}: ${issue?.message ?? 'rejected'}`);
}
