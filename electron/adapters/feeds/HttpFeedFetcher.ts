import { Agent, buildConnector, fetch, type Headers, type Response } from 'undici';
import type { FeedFailureCode } from '@shared/contract';
import type {
  ConditionalValidators,
  FeedFetcher,
  FeedLinkSource,
  FetchOutcome,
} from '../../services/feeds/ports';
import {
  type AddressGuard,
  BlockedAddressError,
  FeedAddressPolicy,
  type PrivateFeedsSetting,
  type ResolveHost,
} from './FeedAddressPolicy';
import { describeStatus, discardBody, errorCode, seconds } from '../http/httpAnswers';

/** Tuning of {@link HttpFeedFetcher}; only the user agent is required. */
export interface HttpFeedFetcherOptions {
  /** Sent with every request so site owners can tell who is polling them. */
  userAgent: string;
  /** Limit for the whole fetch: every redirect hop and the full body. Default 30 s. */
  timeoutMs?: number;
  /**
   * Limit for a server to start answering one request (name lookup, connection, TLS and the
   * response headers). Default 10 s.
   */
  connectTimeoutMs?: number;
  /** Largest body accepted, counted after decompression. Default 25 MB. */
  maxBodyBytes?: number;
  /** Redirects followed before giving up. Default 5. */
  maxRedirects?: number;
  /** Which private addresses feeds may come from (see PrivateFeedsSetting). Default 'when-typed'. */
  privateFeeds?: PrivateFeedsSetting;
  /** Name resolution. Default: the operating system's (node:dns); tests answer from a table. */
  resolveHost?: ResolveHost;
  /**
   * Opens the socket to an address the policy admitted. Default: undici's own connector; tests
   * route it to loopback.
   */
  openConnection?: buildConnector.connector;
  /** Schedules the two deadlines; tests pass their own to fire a deadline on cue. Default: global. */
  timers?: DeadlineTimers;
}

/** The two timer functions the deadlines need, so tests can fire them without waiting. */
export interface DeadlineTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const GLOBAL_TIMERS: DeadlineTimers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_BODY_BYTES = 25 * 1024 * 1024;
const DEFAULT_MAX_REDIRECTS = 5;

// Feed types first, generic XML next, anything else last: some servers only send the feed when
// asked for it by type, and the parser recognises a feed by its content anyway.
const ACCEPT =
  'application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.1';
// fetch decompresses these itself; br must be asked for explicitly (the default is gzip, deflate).
const ACCEPT_ENCODING = 'gzip, deflate, br';
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
// A server may ask for a long pause, but a feed silenced for days looks dead to the reader.
const MAX_RETRY_AFTER_SECONDS = 24 * 60 * 60;

type Failed = Extract<FetchOutcome, { kind: 'failed' }>;
/** The connections of one fetch: the guard admitting their addresses and the pool using it. */
interface Route {
  guard: AddressGuard;
  dispatcher: Agent;
}

/** Which limit cut a fetch short; used as the abort reason so the cause is never guessed. */
class FetchLimitReached extends Error {
  constructor(
    readonly limit: 'total' | 'answer',
    readonly host: string,
  ) {
    super(`fetch limit reached: ${limit}`);
  }
}

/**
 * Fetches feeds with undici's fetch, with the limits parseURL-style helpers lack: a total
 * deadline that closes the socket, a per-hop answer deadline, a body size cap counted on the
 * decompressed bytes, redirects followed by hand (http and https only, loops refused),
 * conditional requests that echo the validators exactly, and every connection's address
 * admitted by the {@link FeedAddressPolicy} before its socket opens.
 */
export class HttpFeedFetcher implements FeedFetcher {
  private readonly userAgent: string;
  private readonly timeoutMs: number;
  private readonly connectTimeoutMs: number;
  private readonly maxBodyBytes: number;
  private readonly maxRedirects: number;
  private readonly timers: DeadlineTimers;
  private readonly addressPolicy: FeedAddressPolicy;
  private readonly openConnection: buildConnector.connector;

  constructor(options: HttpFeedFetcherOptions) {
    this.userAgent = options.userAgent;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.connectTimeoutMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
    this.maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
    this.maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
    this.timers = options.timers ?? GLOBAL_TIMERS;
    this.addressPolicy = new FeedAddressPolicy({
      privateFeeds: options.privateFeeds ?? 'when-typed',
      ...(options.resolveHost ? { resolveHost: options.resolveHost } : {}),
    });
    this.openConnection = options.openConnection ?? buildConnector({});
  }

  /**
   * Resolves with the outcome; expected failures are values. Rejects only with the reason of
   * `signal` when the caller aborts. `linkedFrom` names the page `url` was found on, when the
   * user did not give it.
   */
  async fetch(
    url: string,
    validators: ConditionalValidators,
    signal?: AbortSignal,
    linkedFrom?: FeedLinkSource,
  ): Promise<FetchOutcome> {
    const start = parseWebUrl(url);
    if (!start) return failed('invalid-url', `"${url}" is not a web address Rounds can open.`);

    const deadline = new AbortController();
    const timer = this.timers.setTimeout(
      () => deadline.abort(new FetchLimitReached('total', start.hostname)),
      this.timeoutMs,
    );
    const combined = signal ? AbortSignal.any([signal, deadline.signal]) : deadline.signal;
    // One connection pool per fetch: its connections were admitted for this fetch's hops only.
    const guard = this.addressPolicy.guardFetch(linkedFrom);
    const route = { guard, dispatcher: this.dispatcherFor(guard) };
    let current = start;
    try {
      return await this.follow(start, validators, combined, route, (hop) => (current = hop));
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      return this.describeFailure(combined.aborted ? combined.reason : error, current);
    } finally {
      this.timers.clearTimeout(timer);
      // Closes this fetch's sockets; the outcome is known, so nothing waits for them to go.
      route.dispatcher.destroy().catch(() => undefined);
    }
  }

  /**
   * A connection pool whose every new socket goes to an address the guard admitted: literal or
   * resolved, checked and then dialled as is, so neither a literal (which net.connect never
   * looks up) nor a DNS answer that changes after the check can slip past it.
   */
  private dispatcherFor(guard: AddressGuard): Agent {
    const open = this.openConnection;
    return new Agent({
      connect: (options, callback) => {
        guard.admit(options.hostname).then(
          (admitted) => {
            try {
              open({ ...options, hostname: admitted.address }, callback);
            } catch (error) {
              callback(asError(error), null);
            }
          },
          (error: unknown) => callback(asError(error), null),
        );
      },
    });
  }

  private async follow(
    start: URL,
    validators: ConditionalValidators,
    signal: AbortSignal,
    route: Route,
    onHop: (url: URL) => void,
  ): Promise<FetchOutcome> {
    const visited = new Set([start.href]);
    let current = start;
    for (let redirects = 0; ; redirects++) {
      route.guard.beforeRequest(current);
      const response = await this.request(current, validators, signal, route.dispatcher);
      const network = route.guard.answeredBy(current);

      if (REDIRECT_STATUSES.has(response.status)) {
        await discardBody(response);
        const next = this.redirectTarget(response, current, visited, redirects);
        if (!(next instanceof URL)) return next;
        visited.add(next.href);
        current = next;
        onHop(current);
        continue;
      }

      if (
        response.status === 304 &&
        (validators.etag !== null || validators.lastModified !== null)
      ) {
        await discardBody(response);
        return { kind: 'not-modified' };
      }

      const rateLimited = rateLimitOf(response);
      if (rateLimited) {
        await discardBody(response);
        return rateLimited;
      }

      if (response.status < 200 || response.status > 299) {
        await discardBody(response);
        return failed('http-error', `The server answered ${describeStatus(response)}.`);
      }

      const body = await this.readBody(response, signal);
      if (!body) return this.tooLarge();
      return {
        kind: 'fetched',
        finalUrl: current.href,
        network,
        body,
        contentType: response.headers.get('content-type'),
        etag: response.headers.get('etag'),
        lastModified: response.headers.get('last-modified'),
      };
    }
  }

  /** One request, aborted when the server has not answered in time or the whole fetch is over. */
  private async request(
    url: URL,
    validators: ConditionalValidators,
    signal: AbortSignal,
    dispatcher: Agent,
  ): Promise<Response> {
    const answer = new AbortController();
    const timer = this.timers.setTimeout(
      () => answer.abort(new FetchLimitReached('answer', url.hostname)),
      this.connectTimeoutMs,
    );
    const headers: Record<string, string> = {
      'user-agent': this.userAgent,
      accept: ACCEPT,
      'accept-encoding': ACCEPT_ENCODING,
    };
    if (validators.etag !== null) headers['if-none-match'] = validators.etag;
    if (validators.lastModified !== null) headers['if-modified-since'] = validators.lastModified;
    try {
      return await fetch(url, {
        method: 'GET',
        headers,
        redirect: 'manual',
        signal: AbortSignal.any([signal, answer.signal]),
        dispatcher,
      });
    } catch (error) {
      throw answer.signal.aborted ? answer.signal.reason : error;
    } finally {
      this.timers.clearTimeout(timer);
    }
  }

  private redirectTarget(
    response: Response,
    from: URL,
    visited: Set<string>,
    redirects: number,
  ): URL | Failed {
    const location = response.headers.get('location');
    if (!location) {
      return failed(
        'http-error',
        `The server answered ${describeStatus(response)} without saying where the feed moved.`,
      );
    }
    let next: URL;
    try {
      next = new URL(location, from);
    } catch {
      return failed(
        'http-error',
        `The server redirected to an address that is not valid ("${location}").`,
      );
    }
    if (next.protocol !== 'http:' && next.protocol !== 'https:') {
      return failed(
        'invalid-url',
        `The server redirected to a "${next.protocol}" address, which Rounds does not open.`,
      );
    }
    if (visited.has(next.href)) {
      return failed('redirect-loop', `The address redirects in a loop (back to ${next.href}).`);
    }
    if (redirects >= this.maxRedirects) {
      return failed(
        'redirect-loop',
        `The address redirected more than ${this.maxRedirects} times without reaching the feed.`,
      );
    }
    return next;
  }

  /** The whole body, or null when it exceeds the cap (the connection is then dropped). */
  private async readBody(response: Response, signal: AbortSignal): Promise<Uint8Array | null> {
    // An uncompressed body announced as too large is refused before a byte is read.
    const declared = Number(response.headers.get('content-length'));
    if (!response.headers.get('content-encoding') && declared > this.maxBodyBytes) {
      await discardBody(response);
      return null;
    }
    if (!response.body) return new Uint8Array(0);

    // fetch hands over decompressed chunks, so the cap also stops a small "zip bomb".
    const reader = response.body.getReader();
    const chunks: Uint8Array[] = [];
    let received = 0;
    for (;;) {
      signal.throwIfAborted();
      const { done, value } = await reader.read();
      if (done) break;
      received += value.byteLength;
      if (received > this.maxBodyBytes) {
        await reader.cancel();
        return null;
      }
      chunks.push(value);
    }
    return Buffer.concat(chunks, received);
  }

  private tooLarge(): Failed {
    const megabytes = Math.round(this.maxBodyBytes / (1024 * 1024));
    return failed(
      'too-large',
      `The feed is larger than ${megabytes} MB, the most Rounds downloads.`,
    );
  }

  private describeFailure(error: unknown, url: URL): Failed {
    const blocked = causeOfType(error, BlockedAddressError);
    if (blocked) return failed('blocked-address', blocked.message);
    if (error instanceof FetchLimitReached) {
      return error.limit === 'total'
        ? failed(
            'timeout',
            `${error.host} took longer than ${seconds(this.timeoutMs)} to send the feed.`,
          )
        : failed(
            'timeout',
            `${error.host} did not answer within ${seconds(this.connectTimeoutMs)}.`,
          );
    }
    return failed('unreachable', describeNetworkError(error, url.hostname));
  }
}

/**
 * 429 always, and 503 when it says when to come back (a 503 without Retry-After is an ordinary
 * outage). Retry-After is either seconds or an HTTP date; a date is measured against the server's
 * own Date header when there is one, so a wrong clock on either side does not stretch the wait.
 */
function rateLimitOf(response: Response): Failed | null {
  const header = response.headers.get('retry-after');
  if (response.status !== 429 && !(response.status === 503 && header !== null)) return null;
  const waitSeconds = header === null ? null : retryAfterSeconds(header, response.headers);
  if (waitSeconds === null) {
    return failed(
      'rate-limited',
      `The server answered ${describeStatus(response)}: it is receiving too many requests. Rounds will try again later.`,
    );
  }
  return {
    ...failed(
      'rate-limited',
      `The server answered ${describeStatus(response)} and asked Rounds to wait ${describeWait(waitSeconds)} before asking again.`,
    ),
    retryAfterSeconds: waitSeconds,
  };
}

function retryAfterSeconds(value: string, headers: Headers): number | null {
  const text = value.trim();
  let seconds: number;
  if (/^\d+$/.test(text)) {
    seconds = Number(text);
  } else {
    const until = Date.parse(text);
    if (Number.isNaN(until)) return null;
    const serverNow = Date.parse(headers.get('date') ?? '');
    seconds = Math.ceil((until - (Number.isNaN(serverNow) ? Date.now() : serverNow)) / 1000);
  }
  return Math.min(Math.max(seconds, 0), MAX_RETRY_AFTER_SECONDS);
}

function describeWait(seconds: number): string {
  if (seconds < 120) return seconds === 1 ? '1 second' : `${seconds} seconds`;
  if (seconds < 2 * 60 * 60) return `${Math.round(seconds / 60)} minutes`;
  return `${Math.round(seconds / 3600)} hours`;
}

function parseWebUrl(text: string): URL | null {
  try {
    const url = new URL(text);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    // fetch refuses addresses with credentials; say so as an invalid address, not a network error.
    if (url.username !== '' || url.password !== '') return null;
    return url;
  } catch {
    return null;
  }
}

function failed(code: FeedFailureCode, message: string): Failed {
  return { kind: 'failed', code, message };
}

/** A sentence naming the host, from the low-level error fetch wraps in `cause`. */
function describeNetworkError(error: unknown, host: string): string {
  const code = errorCode(error);
  switch (code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `Could not find the server ${host}. Check the address and your internet connection.`;
    case 'ECONNREFUSED':
      return `${host} refused the connection.`;
    case 'ECONNRESET':
    case 'EPIPE':
    case 'UND_ERR_SOCKET':
      return `The connection to ${host} was interrupted.`;
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
      return `Could not connect to ${host} in time.`;
    case 'ENETUNREACH':
    case 'EHOSTUNREACH':
      return `${host} cannot be reached from this network.`;
    default:
      if (code?.startsWith('ERR_TLS') || code?.includes('CERT')) {
        return `Could not open a secure connection to ${host}: its certificate was not accepted.`;
      }
      return `Could not reach ${host}.`;
  }
}

/** The error of the given class that `error` is or wraps (fetch wraps connection errors). */
function causeOfType<T extends Error>(
  error: unknown,
  type: abstract new (...args: never[]) => T,
): T | undefined {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; depth++) {
    if (current instanceof type) return current;
    current = current.cause;
  }
  return undefined;
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
