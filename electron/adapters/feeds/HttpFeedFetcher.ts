import { STATUS_CODES } from 'node:http';
import type { FeedFailureCode } from '@shared/contract';
import type { ConditionalValidators, FeedFetcher, FetchOutcome } from '../../services/feeds/ports';

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
}

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
 * Fetches feeds with Node's own fetch, with the limits parseURL-style helpers lack: a total
 * deadline that closes the socket, a per-hop answer deadline, a body size cap counted on the
 * decompressed bytes, redirects followed by hand (http and https only, loops refused) and
 * conditional requests that echo the validators exactly.
 */
export class HttpFeedFetcher implements FeedFetcher {
  private readonly userAgent: string;
  private readonly timeoutMs: number;
  private readonly connectTimeoutMs: number;
  private readonly maxBodyBytes: number;
  private readonly maxRedirects: number;

  constructor(options: HttpFeedFetcherOptions) {
    this.userAgent = options.userAgent;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.connectTimeoutMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
    this.maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
    this.maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  }

  /**
   * Resolves with the outcome; expected failures are values. Rejects only with the reason of
   * `signal` when the caller aborts.
   */
  async fetch(
    url: string,
    validators: ConditionalValidators,
    signal?: AbortSignal,
  ): Promise<FetchOutcome> {
    const start = parseWebUrl(url);
    if (!start) return failed('invalid-url', `"${url}" is not a web address Rounds can open.`);

    const deadline = new AbortController();
    const timer = setTimeout(
      () => deadline.abort(new FetchLimitReached('total', start.hostname)),
      this.timeoutMs,
    );
    const combined = signal ? AbortSignal.any([signal, deadline.signal]) : deadline.signal;
    let current = start;
    try {
      return await this.follow(start, validators, combined, (hop) => (current = hop));
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      return this.describeFailure(combined.aborted ? combined.reason : error, current);
    } finally {
      clearTimeout(timer);
    }
  }

  private async follow(
    start: URL,
    validators: ConditionalValidators,
    signal: AbortSignal,
    onHop: (url: URL) => void,
  ): Promise<FetchOutcome> {
    const visited = new Set([start.href]);
    let current = start;
    for (let redirects = 0; ; redirects++) {
      const response = await this.request(current, validators, signal);

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
  ): Promise<Response> {
    const answer = new AbortController();
    const timer = setTimeout(
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
      });
    } catch (error) {
      throw answer.signal.aborted ? answer.signal.reason : error;
    } finally {
      clearTimeout(timer);
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

/** "404 Not Found"; HTTP/2 responses carry no reason phrase, so Node's table fills it in. */
function describeStatus(response: Response): string {
  const reason = response.statusText || STATUS_CODES[response.status] || '';
  return reason ? `${response.status} ${reason}` : String(response.status);
}

function seconds(ms: number): string {
  const value = Math.round(ms / 100) / 10;
  return value === 1 ? '1 second' : `${value} seconds`;
}

/** Lets the connection go back to the pool (or close) without reading a body nobody needs. */
async function discardBody(response: Response): Promise<void> {
  try {
    await response.body?.cancel();
  } catch {
    // The body is being thrown away: a failure to cancel it changes nothing for the caller.
  }
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

function errorCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; depth++) {
    const code = (current as Error & { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = current.cause;
  }
  return undefined;
}
