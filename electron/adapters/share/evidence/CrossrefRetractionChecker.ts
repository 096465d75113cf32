import { constants } from 'node:fs';
import { mkdir, open, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import {
  comparableDoi,
  readCrossrefNotices,
  type RetractionCheck,
  retractionCheckSchema,
} from '@shared/domain/share/evidence/retractionStatus';
import { CROSSREF_API_BASE_URL } from '../../citations/CrossrefClient';
import type { DeadlineTimers } from '../../feeds/HttpFeedFetcher';
import { describeStatus, discardBody, errorCode, seconds } from '../../http/httpAnswers';
import { NO_FOLLOW, OWNER_ONLY_FOLDER_MODE } from '../../storage/ownerOnly';
import { writeFileDurably } from '../../storage/writeFileDurably';

/**
 * Asks Crossref whether papers have been retracted, withdrawn, corrected or given an expression
 * of concern: `GET <base>/works?filter=updates:<doi>&rows=50` lists the notices that name the
 * paper in their `update-to` metadata, the publisher's and (since Crossref took it over)
 * Retraction Watch's alike; `readCrossrefNotices` reads them.
 *
 * Rounds is offline-first and the answer changes rarely, so each answer is kept per DOI in one
 * JSON file (written atomically, readable by the user only) and reused without a request for
 * `maxAgeDays`. Offline, or when Crossref fails, the last answer is given with a sentence saying
 * how old it is, or none with a sentence saying the paper could not be checked: `check` never
 * rejects. A damaged file is renamed aside (`.damaged-<time>`) and the cache starts empty.
 * Requests name Rounds in the User-Agent and, when given, carry the mailto Crossref asks polite
 * clients for; a deadline aborts each one (its timer injectable, so tests fire it).
 */

export interface RetractionCheckerOptions {
  /** Default {@link CROSSREF_API_BASE_URL}: https, or http on loopback for tests. */
  baseUrl?: string;
  /** Where the answers are kept, e.g. `<dataDir>/library/evidence/retraction-checks.json`. */
  cacheFile: string;
  clock: { now(): Date };
  /** Default: the global fetch. */
  fetch?: typeof fetch;
  /** A contact address for Crossref's polite pool; sent as `mailto` and in the User-Agent. */
  mailto?: string | null;
  /** How long an answer is reused without asking again. Default 7. */
  maxAgeDays?: number;
  /** Names Rounds and its version, e.g. `Rounds/0.1.0 (desktop journal club)`. */
  userAgent?: string;
  /** Limit for one request, answer included. Default 15 s. */
  timeoutMs?: number;
  /** Schedules the deadline; tests pass their own to fire it on cue. Default: global timers. */
  timers?: DeadlineTimers;
}

/** `checked`: Crossref answered now; `cached`: an earlier answer; `not-checked`: none at all. */
export type RetractionCheckStatus = 'checked' | 'cached' | 'not-checked';

export interface RetractionCheckOutcome {
  status: RetractionCheckStatus;
  check: RetractionCheck | null;
  /** Why the answer is old or missing, for the user; null for a current answer. */
  message: string | null;
}

export interface RetractionCheckOptions {
  /** False when the app knows it is offline: only the cache answers. Default true. */
  online: boolean;
}

const DEFAULT_MAX_AGE_DAYS = 7;
const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_USER_AGENT = 'Rounds (desktop journal club)';
// Fifty notices about one paper is far beyond any real record; each carries its full metadata.
const ROWS = 50;
const MAX_BODY_BYTES = 8 * 1024 * 1024;
const MAX_IN_FLIGHT = 2;
const DAY_MS = 24 * 60 * 60 * 1000;
const READ_WITHOUT_FOLLOWING = constants.O_RDONLY | NO_FOLLOW;
const GLOBAL_TIMERS: DeadlineTimers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};
const MAILTO = /^[^\s@<>()"',;:]+@[^\s@<>()"',;:]+\.[^\s@<>()"',;:]+$/;
const LOOPBACK_HOST = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;
const NOT_CHECKED = 'Rounds could not check whether this paper has been retracted or corrected;';

const cacheDocument = z.object({
  schemaVersion: z.literal(1),
  checks: z.record(z.string(), z.unknown()),
});

/** The abort reason of the deadline, so a timeout is never mistaken for another failure. */
class DeadlineReached extends Error {}
/** Thrown by the body reader when the answer outgrows the cap. */
class AnswerTooLarge extends Error {}

export class CrossrefRetractionChecker {
  private readonly baseUrl: string;
  private readonly host: string;
  private readonly cacheFile: string;
  private readonly clock: { now(): Date };
  private readonly fetch: typeof fetch;
  private readonly mailto: string | null;
  private readonly maxAgeMs: number;
  private readonly userAgent: string;
  private readonly timeoutMs: number;
  private readonly timers: DeadlineTimers;
  private cache: Promise<Map<string, RetractionCheck>> | null = null;
  /** The write in progress; writes follow one another so the last answer is the one on disk. */
  private writing: Promise<void> = Promise.resolve();

  /** Throws when an option is a mistake in the calling code (an address, a mailto, an age). */
  constructor(options: RetractionCheckerOptions) {
    const base = validBaseUrl(options.baseUrl ?? CROSSREF_API_BASE_URL);
    this.baseUrl = base.href.replace(/\/+$/, '');
    this.host = base.hostname;
    const mailto = options.mailto?.trim() || null;
    if (mailto !== null && !MAILTO.test(mailto)) {
      throw new Error(`The contact address for Crossref is not an e-mail address: ${mailto}`);
    }
    this.mailto = mailto;
    const maxAgeDays = options.maxAgeDays ?? DEFAULT_MAX_AGE_DAYS;
    if (!Number.isFinite(maxAgeDays) || maxAgeDays < 0) {
      throw new RangeError(`Crossref answers cannot be kept for ${maxAgeDays} days.`);
    }
    this.maxAgeMs = maxAgeDays * DAY_MS;
    this.cacheFile = options.cacheFile;
    this.clock = options.clock;
    this.fetch = options.fetch ?? fetch;
    const userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
    this.userAgent =
      mailto === null ? userAgent : `${userAgent.replace(/\)$/, '')}; mailto:${mailto})`;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.timers = options.timers ?? GLOBAL_TIMERS;
  }

  /** The notices about one paper: current, cached or none, with a sentence saying which. Never rejects. */
  async check(
    doi: string,
    options: RetractionCheckOptions = { online: true },
  ): Promise<RetractionCheckOutcome> {
    const key = comparableDoi(doi);
    if (key === null) {
      return {
        status: 'not-checked',
        check: null,
        message: `“${doi.trim()}” is not a DOI, so Rounds cannot ask Crossref about it.`,
      };
    }
    const cached = (await this.loadedCache()).get(key) ?? null;
    if (cached !== null && this.isRecent(cached)) {
      return { status: 'cached', check: cached, message: null };
    }
    if (!options.online) {
      return cached === null
        ? {
            status: 'not-checked',
            check: null,
            message:
              'Rounds is offline, so it could not ask Crossref whether this paper has been retracted or corrected.',
          }
        : { status: 'cached', check: cached, message: `Rounds is offline. ${reportedOn(cached)}` };
    }
    const answer = await this.ask(key);
    if (!answer.ok) {
      return cached === null
        ? {
            status: 'not-checked',
            check: null,
            message: `${answer.reason} ${NOT_CHECKED} try again later.`,
          }
        : { status: 'cached', check: cached, message: `${answer.reason} ${reportedOn(cached)}` };
    }
    const check: RetractionCheck = {
      doi: key,
      notices: answer.notices,
      checkedAt: this.clock.now().toISOString(),
    };
    await this.remember(check);
    return { status: 'checked', check, message: null };
  }

  /**
   * {@link check} for each DOI, in the same order, with at most two requests to Crossref at a
   * time (its etiquette for a client without a token); a DOI listed twice is asked once.
   */
  async checkMany(
    dois: readonly string[],
    options: RetractionCheckOptions = { online: true },
  ): Promise<RetractionCheckOutcome[]> {
    const keyOf = (doi: string): string => comparableDoi(doi) ?? `invalid:${doi}`;
    const unique = [...new Map(dois.map((doi) => [keyOf(doi), doi])).entries()];
    const outcomes = new Map<string, RetractionCheckOutcome>();
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < unique.length) {
        const [key, doi] = unique[next++] ?? [];
        if (key === undefined || doi === undefined) continue;
        outcomes.set(key, await this.check(doi, options));
      }
    };
    await Promise.all(Array.from({ length: Math.min(MAX_IN_FLIGHT, unique.length) }, worker));
    return dois.map(
      (doi) =>
        outcomes.get(keyOf(doi)) ?? {
          status: 'not-checked',
          check: null,
          message: `${NOT_CHECKED} try again later.`,
        },
    );
  }

  private isRecent(check: RetractionCheck): boolean {
    const age = this.clock.now().getTime() - Date.parse(check.checkedAt);
    // An answer "from the future" means the clock was changed: ask again rather than trust it.
    return age >= 0 && age < this.maxAgeMs;
  }

  private async ask(
    doi: string,
  ): Promise<{ ok: true; notices: RetractionCheck['notices'] } | { ok: false; reason: string }> {
    const query = new URLSearchParams({ filter: `updates:${doi}`, rows: String(ROWS) });
    if (this.mailto !== null) query.set('mailto', this.mailto);
    const deadline = new AbortController();
    const timer = this.timers.setTimeout(
      () => deadline.abort(new DeadlineReached()),
      this.timeoutMs,
    );
    try {
      const response = await this.fetch(`${this.baseUrl}/works?${query.toString()}`, {
        headers: { 'user-agent': this.userAgent, accept: 'application/json' },
        redirect: 'manual',
        signal: deadline.signal,
      });
      if (response.status < 200 || response.status > 299) {
        await discardBody(response);
        return { ok: false, reason: `Crossref answered ${describeStatus(response)}.` };
      }
      const notices = readCrossrefNotices(doi, parseJson(await this.readBody(response)));
      return notices === null
        ? { ok: false, reason: 'Crossref sent an answer Rounds could not read.' }
        : { ok: true, notices };
    } catch (error) {
      if (deadline.signal.aborted) {
        return { ok: false, reason: `Crossref did not answer within ${seconds(this.timeoutMs)}.` };
      }
      if (error instanceof AnswerTooLarge) {
        return { ok: false, reason: 'Crossref sent more than Rounds reads for one paper.' };
      }
      return {
        ok: false,
        reason: `Could not reach Crossref (${this.describeNetworkError(error)}).`,
      };
    } finally {
      this.timers.clearTimeout(timer);
    }
  }

  /** The body as text; throws AnswerTooLarge past the cap. */
  private async readBody(response: Response): Promise<string> {
    if (!response.body) return '';
    const reader = response.body.getReader();
    const chunks: Uint8Array[] = [];
    let received = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      received += value.byteLength;
      if (received > MAX_BODY_BYTES) {
        await reader.cancel().catch(() => undefined);
        throw new AnswerTooLarge();
      }
      chunks.push(value);
    }
    return Buffer.concat(chunks, received).toString('utf8');
  }

  private describeNetworkError(error: unknown): string {
    switch (errorCode(error)) {
      case 'ENOTFOUND':
      case 'EAI_AGAIN':
        return `the name ${this.host} could not be looked up`;
      case 'ECONNREFUSED':
        return `${this.host} refused the connection`;
      case 'ECONNRESET':
      case 'EPIPE':
      case 'UND_ERR_SOCKET':
        return `the connection to ${this.host} was interrupted`;
      case 'ENETUNREACH':
      case 'EHOSTUNREACH':
        return `${this.host} cannot be reached from this network`;
      default:
        return `no connection to ${this.host}`;
    }
  }

  private loadedCache(): Promise<Map<string, RetractionCheck>> {
    this.cache ??= this.readCache();
    return this.cache;
  }

  private async readCache(): Promise<Map<string, RetractionCheck>> {
    let text: string;
    try {
      const handle = await open(this.cacheFile, READ_WITHOUT_FOLLOWING);
      try {
        text = await handle.readFile('utf8');
      } finally {
        await handle.close();
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
      return this.setCacheAside();
    }
    const document = cacheDocument.safeParse(parseJson(text));
    if (!document.success) return this.setCacheAside();
    const checks = new Map<string, RetractionCheck>();
    // One odd entry costs that paper a new request, not the whole cache.
    for (const [key, entry] of Object.entries(document.data.checks)) {
      const check = retractionCheckSchema.safeParse(entry);
      if (check.success && comparableDoi(key) === key && check.data.doi === key) {
        checks.set(key, check.data);
      }
    }
    return checks;
  }

  /** Keeps the damaged file for whoever wants to look at it, and starts with nothing cached. */
  private async setCacheAside(): Promise<Map<string, RetractionCheck>> {
    const stamp = this.clock.now().toISOString().replace(/[:.]/g, '-');
    await rename(this.cacheFile, `${this.cacheFile}.damaged-${stamp}`).catch(() => undefined);
    return new Map();
  }

  private async remember(check: RetractionCheck): Promise<void> {
    const checks = await this.loadedCache();
    checks.set(check.doi, check);
    const write = this.writing.then(async () => {
      await mkdir(dirname(this.cacheFile), { recursive: true, mode: OWNER_ONLY_FOLDER_MODE });
      const document = { schemaVersion: 1, checks: Object.fromEntries(checks) };
      await writeFileDurably(this.cacheFile, `${JSON.stringify(document, null, 2)}\n`);
    });
    // A cache that cannot be written (a full disk) costs a request next time, never the answer.
    this.writing = write.catch(() => undefined);
    await this.writing;
  }
}

function validBaseUrl(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`The Crossref address is not a web address: ${value}`);
  }
  const secure = url.protocol === 'https:';
  const loopback = url.protocol === 'http:' && LOOPBACK_HOST.test(url.hostname);
  if ((!secure && !loopback) || url.username !== '' || url.password !== '') {
    throw new Error(
      `The Crossref address must use https (plain http only on this computer), without a password: ${value}`,
    );
  }
  if (url.search !== '' || url.hash !== '') {
    throw new Error(`The Crossref address must not carry a query or fragment: ${value}`);
  }
  return url;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function reportedOn(check: RetractionCheck): string {
  return `This is what Crossref reported on ${check.checkedAt.slice(0, 10)}.`;
}
