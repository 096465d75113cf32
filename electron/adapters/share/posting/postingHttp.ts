import { STATUS_CODES } from 'node:http';
import type { PostingFailureReason } from '@shared/domain/share/posting/threadPosting';
import { errorCode } from '../../http/httpAnswers';

// One request to a posting API and what its answer means for the thread, in the same words for
// Bluesky and Mastodon. The posters only say what a success looks like.

/** An answer worth reading, or why the post cannot go out. */
export type PostingAnswer =
  | { ok: true; status: number; body: unknown }
  | { ok: false; reason: PostingFailureReason; detail: string };

/** Who is asked, for the words of a failure, and what must never appear in them. */
export interface PostingRequestContext {
  fetch: typeof fetch;
  /** `Bluesky` or `Mastodon`. */
  platformName: string;
  /** The clause for a 401/403: "Mastodon did not accept the access token". */
  credentialsRefused: string;
  /** The password or token of this account: replaced by dots in any server text repeated. */
  secret: string;
  now: () => Date;
  timeoutMs: number;
}

/** Longest piece of a server's error text repeated to the user. */
const MAX_SERVER_TEXT = 300;

/**
 * Sends one request and sorts the answer: 2xx is read as JSON; 401/403 are the credentials,
 * 429 a rate limit (with the wait the server asks for), other 4xx a refusal in the server's own
 * words, 5xx a server problem, no answer at all an unreachable server. Redirects are never
 * followed, so the token cannot be carried to an address the user did not enter; one is reported
 * as a problem with the account's server address.
 */
export async function sendPostingRequest(
  context: PostingRequestContext,
  url: string,
  init: RequestInit,
): Promise<PostingAnswer> {
  const host = new URL(url).hostname;
  let response: Response;
  let text: string;
  try {
    response = await context.fetch(url, {
      ...init,
      redirect: 'manual',
      signal: AbortSignal.timeout(context.timeoutMs),
    });
    text = await response.text();
  } catch (error) {
    return {
      ok: false,
      reason: 'unreachable',
      detail: `Rounds could not reach ${host} (${describeNetworkError(error, context.timeoutMs)})`,
    };
  }
  const body = parseJson(text);
  const { status } = response;
  if (status >= 200 && status < 300) return { ok: true, status, body };
  const serverText = scrub(serverErrorText(body, status), context.secret);
  const said = serverText ? ` (${serverText})` : '';
  if (status >= 300 && status < 400) {
    // Most often the account's address names a web page, not the server the API lives on: that
    // is for the user to correct in the account details, like a refused password.
    const location = response.headers.get('location');
    return {
      ok: false,
      reason: 'credentials',
      detail: `${host} sent Rounds to another address${location ? ` (${scrub(location, context.secret)})` : ''} instead of answering, so the server address may be wrong`,
    };
  }
  if (status === 401 || status === 403) {
    return { ok: false, reason: 'credentials', detail: `${context.credentialsRefused}${said}` };
  }
  if (status === 429) {
    const wait = waitAsked(response.headers, context.now());
    return {
      ok: false,
      reason: 'rate-limited',
      detail: `${context.platformName} is limiting how many posts can be sent${wait === null ? '' : `, and asks to wait ${describeWait(wait)}`}`,
    };
  }
  if (status >= 400 && status < 500) {
    return {
      ok: false,
      reason: 'rejected',
      detail: `${context.platformName} refused it (${serverText || describeStatus(status)})`,
    };
  }
  return {
    ok: false,
    reason: 'server-error',
    detail: `${context.platformName} had a problem at ${host} (${describeStatus(status)}${serverText ? `: ${serverText}` : ''})`,
  };
}

/** The failure for a success whose body is not what the API promises. */
export function unexpectedAnswer(platformName: string, url: string): PostingAnswer & { ok: false } {
  return {
    ok: false,
    reason: 'server-error',
    detail: `${platformName} at ${new URL(url).hostname} answered in a way Rounds does not understand`,
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Bluesky puts the sentence in `message` (and a code in `error`); Mastodon puts it in `error`. */
function serverErrorText(body: unknown, status: number): string {
  if (typeof body !== 'object' || body === null) return '';
  const phrase = (STATUS_CODES[status] ?? '').toLowerCase();
  const fields = body as Record<string, unknown>;
  for (const key of ['message', 'error_description', 'error']) {
    const value = fields[key];
    // Text that only repeats the status ("Service Unavailable") adds nothing to it.
    if (typeof value === 'string' && value.trim() !== '' && value.trim().toLowerCase() !== phrase) {
      const oneLine = value.replace(/\s+/g, ' ').trim();
      return oneLine.length > MAX_SERVER_TEXT ? `${oneLine.slice(0, MAX_SERVER_TEXT)}…` : oneLine;
    }
  }
  return '';
}

/** A server that repeats what it was sent must not make Rounds show the secret. */
function scrub(text: string, secret: string): string {
  return secret.length >= 4 ? text.split(secret).join('••••') : text;
}

function describeStatus(status: number): string {
  const phrase = STATUS_CODES[status];
  return phrase ? `${status} ${phrase}` : String(status);
}

/**
 * Seconds the server asks to wait: `Retry-After` (seconds or a date), else the reset time of the
 * rate-limit headers both platforms send (Bluesky: Unix seconds; Mastodon: an ISO date).
 */
function waitAsked(headers: Headers, now: Date): number | null {
  const retryAfter = headers.get('retry-after')?.trim();
  if (retryAfter) {
    if (/^\d+$/.test(retryAfter)) return Number(retryAfter);
    const at = Date.parse(retryAfter);
    if (!Number.isNaN(at)) return secondsUntil(at, now);
  }
  const reset = (headers.get('ratelimit-reset') ?? headers.get('x-ratelimit-reset'))?.trim();
  if (reset) {
    if (/^\d+$/.test(reset)) return secondsUntil(Number(reset) * 1000, now);
    const at = Date.parse(reset);
    if (!Number.isNaN(at)) return secondsUntil(at, now);
  }
  return null;
}

function secondsUntil(epochMs: number, now: Date): number | null {
  const seconds = Math.ceil((epochMs - now.getTime()) / 1000);
  return seconds > 0 ? seconds : null;
}

/** "45 seconds", "2 minutes", "3 hours". */
export function describeWait(seconds: number): string {
  if (seconds < 90) return seconds === 1 ? '1 second' : `${seconds} seconds`;
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} minutes`;
  const hours = Math.round(seconds / 3600);
  return hours === 1 ? '1 hour' : `${hours} hours`;
}

function describeNetworkError(error: unknown, timeoutMs: number): string {
  if (error instanceof DOMException && error.name === 'TimeoutError') {
    return `no answer within ${Math.round(timeoutMs / 1000)} seconds`;
  }
  switch (errorCode(error)) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'the name could not be looked up';
    case 'ECONNREFUSED':
      return 'the connection was refused';
    case 'ECONNRESET':
    case 'EPIPE':
    case 'UND_ERR_SOCKET':
      return 'the connection was interrupted';
    case 'UND_ERR_CONNECT_TIMEOUT':
      return 'the connection timed out';
    default:
      return 'no connection';
  }
}
