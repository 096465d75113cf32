import { Agent, fetch, type Response } from 'undici';
import { normalizeDoi } from '@shared/domain/feeds/paperIdentity';
import type { DeadlineTimers } from '../feeds/HttpFeedFetcher';
import { readCrossrefWork } from './crossrefWork';
import type { ImportedReference } from './ImportedReference';
import { describeStatus, discardBody, errorCode, seconds } from '../http/httpAnswers';

/**
 * Looks a DOI up in Crossref's REST API (`GET <base>/works/<doi>`), which registers the DOIs of
 * most journal articles and of bioRxiv/medRxiv preprints, so a clinician can add a paper by its
 * DOI alone. It accepts a DOI in any spelling people paste (`https://doi.org/…`, `doi:…`).
 *
 * Rounds is offline-first: a lookup that cannot reach Crossref (no network, a name that does not
 * resolve, a refused connection, no answer in time) is `offline`, so the caller keeps the DOI and
 * tries again later, while `not-found`, `refused` and `bad-answer` say Crossref itself answered.
 * Requests name Rounds in the User-Agent, as Crossref asks of API clients. An answer is read only
 * up to a size cap, redirects are not followed, and the one deadline closes the socket; its timer
 * is injectable so tests fire it instead of waiting.
 */

export const CROSSREF_API_BASE_URL = 'https://api.crossref.org';

export interface CrossrefClientOptions {
  /** Names Rounds and its version, e.g. `Rounds/0.1.0 (desktop journal club)`. */
  userAgent: string;
  /** Default {@link CROSSREF_API_BASE_URL}; tests point it at a loopback server. */
  baseUrl?: string;
  /** Limit for the whole lookup: connection, answer and body. Default 15 s. */
  timeoutMs?: number;
  /** Largest answer read. Default 2 MB (a work with a long reference list is a few hundred KB). */
  maxBodyBytes?: number;
  /** Schedules the deadline; tests pass their own to fire it on cue. Default: global timers. */
  timers?: DeadlineTimers;
}

export type DoiLookupFailure = 'not-found' | 'offline' | 'bad-answer' | 'refused';

export type DoiLookup =
  | { ok: true; reference: ImportedReference }
  | { ok: false; reason: DoiLookupFailure; message: string };

const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_MAX_BODY_BYTES = 2 * 1024 * 1024;
const GLOBAL_TIMERS: DeadlineTimers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};
const LATER = 'Rounds can look the DOI up later.';

/** The abort reason of the deadline, so a timeout is never mistaken for another failure. */
class DeadlineReached extends Error {}
/** Thrown by the body reader when the answer outgrows the cap. */
class AnswerTooLarge extends Error {}

export class CrossrefClient {
  private readonly userAgent: string;
  private readonly baseUrl: string;
  private readonly host: string;
  private readonly timeoutMs: number;
  private readonly maxBodyBytes: number;
  private readonly timers: DeadlineTimers;

  constructor(options: CrossrefClientOptions) {
    this.userAgent = options.userAgent;
    this.baseUrl = (options.baseUrl ?? CROSSREF_API_BASE_URL).replace(/\/+$/, '');
    // An invalid base is a mistake in the caller's code: say so at once, not on every lookup.
    this.host = new URL(this.baseUrl).hostname;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
    this.timers = options.timers ?? GLOBAL_TIMERS;
  }

  /** Resolves with the paper or with why there is none; never rejects. */
  async lookUpDoi(doi: string): Promise<DoiLookup> {
    const normalized = normalizeDoi(doi);
    // A "." or ".." segment would be resolved away by the URL parser, asking for another route.
    if (normalized === null || normalized.split('/').some((segment) => /^\.+$/.test(segment))) {
      return failure(
        'not-found',
        `“${doi.trim()}” is not a DOI (a DOI looks like 10.1056/NEJMoa2312345).`,
      );
    }
    const url = `${this.baseUrl}/works/${normalized.split('/').map(encodeURIComponent).join('/')}`;
    const deadline = new AbortController();
    const timer = this.timers.setTimeout(
      () => deadline.abort(new DeadlineReached()),
      this.timeoutMs,
    );
    // A pool of its own, closed afterwards, so no socket outlives the lookup (or its deadline).
    const dispatcher = new Agent();
    try {
      const response = await fetch(url, {
        headers: { 'user-agent': this.userAgent, accept: 'application/json' },
        redirect: 'manual',
        signal: deadline.signal,
        dispatcher,
      });
      return await this.answerOf(response, normalized, deadline.signal);
    } catch (error) {
      if (deadline.signal.aborted) {
        return failure(
          'offline',
          `Crossref did not answer within ${seconds(this.timeoutMs)}. ${LATER}`,
        );
      }
      return failure(
        'offline',
        `Could not reach Crossref (${describeNetworkError(error, this.host)}). ${LATER}`,
      );
    } finally {
      this.timers.clearTimeout(timer);
      dispatcher.destroy().catch(() => undefined);
    }
  }

  private async answerOf(response: Response, doi: string, signal: AbortSignal): Promise<DoiLookup> {
    if (response.status === 404 || response.status === 410) {
      await discardBody(response);
      return failure('not-found', `Crossref has no paper with the DOI ${doi}.`);
    }
    if (response.status >= 300 && response.status < 400) {
      await discardBody(response);
      return failure(
        'bad-answer',
        `Crossref answered ${describeStatus(response)} instead of the paper.`,
      );
    }
    if (response.status < 200 || response.status > 299) {
      await discardBody(response);
      return failure('refused', `Crossref answered ${describeStatus(response)}. Try again later.`);
    }
    let body: string;
    try {
      body = await this.readBody(response, signal);
    } catch (error) {
      if (!(error instanceof AnswerTooLarge)) throw error;
      return failure(
        'bad-answer',
        `Crossref sent more than ${describeSize(this.maxBodyBytes)} for one paper, more than Rounds reads.`,
      );
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return failure('bad-answer', 'Crossref sent an answer that is not valid JSON.');
    }
    const work = readCrossrefWork(parsed, doi);
    return work.ok ? work : failure('bad-answer', work.message);
  }

  /** The body as text; throws AnswerTooLarge past the cap, before reading it when it says so. */
  private async readBody(response: Response, signal: AbortSignal): Promise<string> {
    const declared = Number(response.headers.get('content-length'));
    if (!response.headers.get('content-encoding') && declared > this.maxBodyBytes) {
      await discardBody(response);
      throw new AnswerTooLarge();
    }
    if (!response.body) return '';
    // Counted on the decompressed chunks, so a small compressed body cannot expand past the cap.
    const reader = response.body.getReader();
    const chunks: Uint8Array[] = [];
    let received = 0;
    for (;;) {
      signal.throwIfAborted();
      const { done, value } = await reader.read();
      if (done) break;
      received += value.byteLength;
      if (received > this.maxBodyBytes) {
        await reader.cancel().catch(() => undefined);
        throw new AnswerTooLarge();
      }
      chunks.push(value);
    }
    return Buffer.concat(chunks, received).toString('utf8');
  }
}

function failure(reason: DoiLookupFailure, message: string): DoiLookup {
  return { ok: false, reason, message };
}

function describeSize(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${Math.round(bytes / (1024 * 1024))} MB`
    : `${Math.round(bytes / 1024)} KB`;
}

/** A phrase for the low-level error fetch wraps in `cause`. */
function describeNetworkError(error: unknown, host: string): string {
  switch (errorCode(error)) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `the name ${host} could not be looked up`;
    case 'ECONNREFUSED':
      return `${host} refused the connection`;
    case 'ECONNRESET':
    case 'EPIPE':
    case 'UND_ERR_SOCKET':
      return `the connection to ${host} was interrupted`;
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
      return `could not connect to ${host} in time`;
    case 'ENETUNREACH':
    case 'EHOSTUNREACH':
      return `${host} cannot be reached from this network`;
    default:
      return `no connection to ${host}`;
  }
}
