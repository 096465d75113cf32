import { createHash } from 'node:crypto';
import {
  checkPostingServer,
  type MastodonCredentials,
  type ThreadPostRequest,
  type ThreadPostResult,
} from '@shared/domain/share/posting/threadPosting';
import { sendPostingRequest, unexpectedAnswer, type PostingRequestContext } from './postingHttp';
import { firstPostToSend, threadStops } from './threadResume';

/**
 * Posts a thread to a Mastodon instance with an access token: the image (if any) through
 * `POST /api/v2/media` with its description (alt text), waiting while the instance processes it
 * (a 202 answer; then `GET /api/v1/media/:id` until it is ready, a bounded number of times),
 * then one `POST /api/v1/statuses` per post, each replying to the one before, each behind the
 * content warning, the image on the first.
 *
 * Every status carries an `Idempotency-Key` made from the thread, the post's position and the
 * post it replies to: when a post went out but its answer was lost, resuming sends the same key
 * and Mastodon answers with the status it already made instead of posting it twice. The result
 * lists every post that is out; passing it back as `alreadyPosted` continues the thread. The token
 * is only sent to an https address (or loopback http, for tests) and never appears in a message.
 * Never rejects.
 */

export interface MastodonPosterDeps {
  /** Defaults to the platform's fetch; tests may pass their own. */
  fetch?: typeof fetch;
  /**
   * Waits before the `attempt`-th check (from 1) of an image still being processed. Default: a
   * short real delay growing with the attempt; tests pass one that returns at once.
   */
  wait?: (attempt: number) => Promise<void>;
  /** The clock for reading rate-limit reset times. */
  now?: () => Date;
  /** Limit for one request, answer included. Default 60 s (an image upload on a slow line). */
  timeoutMs?: number;
}

/** Checks of an image still being processed before giving up (about 20 s with the default wait). */
const MAX_MEDIA_CHECKS = 10;
const DEFAULT_TIMEOUT_MS = 60_000;

function defaultWait(attempt: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.min(500 * attempt, 3_000)));
}

export class MastodonPoster {
  private readonly fetch: typeof fetch;
  private readonly wait: (attempt: number) => Promise<void>;
  private readonly now: () => Date;
  private readonly timeoutMs: number;

  constructor(deps: MastodonPosterDeps = {}) {
    this.fetch = deps.fetch ?? ((input, init) => fetch(input, init));
    this.wait = deps.wait ?? defaultWait;
    this.now = deps.now ?? (() => new Date());
    this.timeoutMs = deps.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  async post(
    credentials: MastodonCredentials,
    request: ThreadPostRequest,
  ): Promise<ThreadPostResult> {
    const total = request.posts.length;
    const start = firstPostToSend(request, 'mastodon', (post) => post.id !== '');
    if (!start.ok) return start.result;
    const posted = [...start.posted];
    if (start.next >= total) return { ok: true, posted };

    const stops = threadStops('mastodon', total, posted);
    const fail = stops.failed;

    const server = checkPostingServer(credentials.instance, 'mastodon');
    if (!server.ok) return stops.serverRefused(server.message);
    const context: PostingRequestContext = {
      fetch: this.fetch,
      platformName: 'Mastodon',
      credentialsRefused: 'Mastodon did not accept the access token',
      secret: credentials.accessToken,
      now: this.now,
      timeoutMs: this.timeoutMs,
    };
    const authorized = { authorization: `Bearer ${credentials.accessToken.trim()}` };

    let mediaId: string | null = null;
    if (request.image && start.next === 0) {
      const form = new FormData();
      form.append('file', new Blob([request.image.png], { type: 'image/png' }), 'image.png');
      form.append('description', request.image.altText);
      const uploadUrl = `${server.origin}/api/v2/media`;
      const upload = await sendPostingRequest(context, uploadUrl, {
        method: 'POST',
        headers: authorized,
        body: form,
      });
      if (!upload.ok)
        return fail(upload.reason, `the image could not be uploaded: ${upload.detail}`);
      const attachment = attachmentOf(upload.body);
      if (!attachment) {
        const odd = unexpectedAnswer('Mastodon', uploadUrl);
        return fail(odd.reason, odd.detail);
      }
      mediaId = attachment.id;
      // 202: the instance keeps processing the file, and refuses a status that attaches it until
      // it is done, so its state is checked (206 while processing) before the first post.
      let ready = upload.status === 200 && attachment.ready;
      const checkUrl = `${server.origin}/api/v1/media/${encodeURIComponent(mediaId)}`;
      for (let attempt = 1; !ready && attempt <= MAX_MEDIA_CHECKS; attempt++) {
        await this.wait(attempt);
        const check = await sendPostingRequest(context, checkUrl, {
          method: 'GET',
          headers: authorized,
        });
        if (!check.ok) return fail(check.reason, `the image could not be checked: ${check.detail}`);
        ready = check.status === 200;
      }
      if (!ready) return fail('server-error', 'Mastodon is still processing the image');
    }

    const language = primaryLanguage(request.language);
    const statusUrl = `${server.origin}/api/v1/statuses`;
    for (let index = start.next; index < total; index++) {
      const inReplyToId = posted.at(-1)?.id ?? null;
      const params: Record<string, unknown> = {
        status: request.posts[index] ?? '',
        ...(inReplyToId ? { in_reply_to_id: inReplyToId } : {}),
        ...(request.contentWarning ? { spoiler_text: request.contentWarning } : {}),
        ...(index === 0 && mediaId ? { media_ids: [mediaId] } : {}),
        ...(language ? { language } : {}),
      };
      const created = await sendPostingRequest(context, statusUrl, {
        method: 'POST',
        headers: {
          ...authorized,
          'content-type': 'application/json',
          'idempotency-key': idempotencyKey(server.origin, request, index, inReplyToId),
        },
        body: JSON.stringify(params),
      });
      if (!created.ok) return fail(created.reason, created.detail);
      const status = statusOf(created.body);
      if (!status) {
        const odd = unexpectedAnswer('Mastodon', statusUrl);
        return fail(odd.reason, odd.detail);
      }
      posted.push({ index, ...status });
    }
    return { ok: true, posted };
  }
}

/**
 * The same for the same post of the same thread replying to the same status, so a resumed try
 * repeats the key of the one whose answer was lost; different as soon as anything differs.
 */
function idempotencyKey(
  origin: string,
  request: ThreadPostRequest,
  index: number,
  inReplyToId: string | null,
): string {
  const identity = JSON.stringify([
    origin,
    request.posts,
    request.contentWarning,
    request.language,
    request.image === null ? null : request.image.altText,
    index,
    inReplyToId,
  ]);
  return `rounds-${createHash('sha256').update(identity).digest('hex')}`;
}

/** Mastodon takes an ISO 639 code: `en-GB` is sent as `en`. */
function primaryLanguage(language: string | null): string | null {
  const primary = language?.trim().split(/[-_]/)[0]?.toLowerCase() ?? '';
  return /^[a-z]{2,3}$/.test(primary) ? primary : null;
}

function fieldsOf(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

function attachmentOf(body: unknown): { id: string; ready: boolean } | null {
  const { id, url } = fieldsOf(body);
  if (typeof id !== 'string' && typeof id !== 'number') return null;
  return { id: String(id), ready: typeof url === 'string' && url !== '' };
}

function statusOf(body: unknown): { id: string; url: string | null; uri?: string } | null {
  const { id, url, uri } = fieldsOf(body);
  if (typeof id !== 'string' || id === '') return null;
  return {
    id,
    url: typeof url === 'string' ? url : null,
    ...(typeof uri === 'string' ? { uri } : {}),
  };
}
