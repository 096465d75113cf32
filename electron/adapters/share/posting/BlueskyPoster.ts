import { blueskyFacets } from '@shared/domain/share/posting/blueskyFacets';
import {
  checkPostingServer,
  type BlueskyCredentials,
  type PostedPost,
  type ThreadPostRequest,
  type ThreadPostResult,
} from '@shared/domain/share/posting/threadPosting';
import {
  sendPostingRequest,
  unexpectedAnswer,
  type PostingAnswer,
  type PostingRequestContext,
} from './postingHttp';
import { firstPostToSend, threadStops, pngDimensions } from './threadResume';

/**
 * Posts a thread to Bluesky through the AT Protocol's XRPC procedures on the account's PDS:
 * `com.atproto.server.createSession` with an app password, `com.atproto.repo.uploadBlob` for the
 * image, then one `com.atproto.repo.createRecord` per `app.bsky.feed.post`. Every post after the
 * first replies to the first (root) and to the one before (parent), so Bluesky shows them as one
 * thread; links and hashtags are marked as facets, since Bluesky does not find them itself.
 *
 * Stopping part-way is expected (rate limits, a lost connection): the result lists every post
 * that is out, and passing that list back as `alreadyPosted` continues the thread where it
 * stopped, replying to the right posts. The app password is only sent to an https address (or
 * loopback http, for tests) and never appears in a message. Never rejects.
 */

export interface BlueskyPosterDeps {
  /** Defaults to the platform's fetch; tests may pass their own. */
  fetch?: typeof fetch;
  /** The clock for `createdAt` and for reading rate-limit reset times. */
  now?: () => Date;
  /** Limit for one request, answer included. Default 60 s (an image upload on a slow line). */
  timeoutMs?: number;
}

interface StrongRef {
  uri: string;
  cid: string;
}

interface Session {
  accessJwt: string;
  did: string;
  /** The handle for web links, or the DID when the handle does not resolve. */
  profile: string;
}

const DEFAULT_TIMEOUT_MS = 60_000;
const POST_COLLECTION = 'app.bsky.feed.post';

export class BlueskyPoster {
  private readonly fetch: typeof fetch;
  private readonly now: () => Date;
  private readonly timeoutMs: number;

  constructor(deps: BlueskyPosterDeps = {}) {
    this.fetch = deps.fetch ?? ((input, init) => fetch(input, init));
    this.now = deps.now ?? (() => new Date());
    this.timeoutMs = deps.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  async post(
    credentials: BlueskyCredentials,
    request: ThreadPostRequest,
  ): Promise<ThreadPostResult> {
    const total = request.posts.length;
    const start = firstPostToSend(request, 'bluesky', (post) => Boolean(post.uri && post.cid));
    if (!start.ok) return start.result;
    const posted = [...start.posted];
    if (start.next >= total) return { ok: true, posted };

    const stops = threadStops('bluesky', total, posted);
    const fail = stops.failed;

    const server = checkPostingServer(credentials.service, 'bluesky');
    if (!server.ok) return stops.serverRefused(server.message);
    // People copy their handle as shown in the app, with its '@'.
    const identifier = credentials.identifier.trim().replace(/^@/, '');
    const context: PostingRequestContext = {
      fetch: this.fetch,
      platformName: 'Bluesky',
      credentialsRefused: `Bluesky did not accept the handle and app password for ${identifier}`,
      secret: credentials.appPassword,
      now: this.now,
      timeoutMs: this.timeoutMs,
    };
    const xrpc = (method: string): string => `${server.origin}/xrpc/${method}`;

    const sessionUrl = xrpc('com.atproto.server.createSession');
    const login = await sendPostingRequest(context, sessionUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        identifier,
        password: credentials.appPassword.trim(),
      }),
    });
    if (!login.ok) return fail(login.reason, login.detail);
    const session = sessionOf(login.body);
    if (!session) {
      const odd = unexpectedAnswer('Bluesky', sessionUrl);
      return fail(odd.reason, odd.detail);
    }
    context.credentialsRefused = 'Bluesky no longer accepted the login it had just given';
    const authorized = { authorization: `Bearer ${session.accessJwt}` };

    let embed: Record<string, unknown> | undefined;
    if (request.image && start.next === 0) {
      const uploadUrl = xrpc('com.atproto.repo.uploadBlob');
      const upload = await sendPostingRequest(context, uploadUrl, {
        method: 'POST',
        headers: { ...authorized, 'content-type': 'image/png' },
        body: request.image.png,
      });
      if (!upload.ok)
        return fail(upload.reason, `the image could not be uploaded: ${upload.detail}`);
      const blob = blobOf(upload);
      if (!blob) {
        const odd = unexpectedAnswer('Bluesky', uploadUrl);
        return fail(odd.reason, odd.detail);
      }
      const shape = pngDimensions(request.image.png);
      embed = {
        $type: 'app.bsky.embed.images',
        images: [
          {
            alt: request.image.altText,
            image: blob,
            ...(shape ? { aspectRatio: shape } : {}),
          },
        ],
      };
    }

    let root: StrongRef | null = refOf(posted[0]);
    let parent: StrongRef | null = refOf(posted.at(-1));
    const createUrl = xrpc('com.atproto.repo.createRecord');
    for (let index = start.next; index < total; index++) {
      const text = request.posts[index] ?? '';
      const facets = blueskyFacets(text);
      const record: Record<string, unknown> = {
        $type: POST_COLLECTION,
        text,
        createdAt: this.now().toISOString(),
        ...(request.language ? { langs: [request.language] } : {}),
        ...(facets.length > 0 ? { facets } : {}),
        ...(root && parent ? { reply: { root, parent } } : {}),
        ...(index === 0 && embed ? { embed } : {}),
      };
      const created = await sendPostingRequest(context, createUrl, {
        method: 'POST',
        headers: { ...authorized, 'content-type': 'application/json' },
        body: JSON.stringify({ repo: session.did, collection: POST_COLLECTION, record }),
      });
      if (!created.ok) return fail(created.reason, created.detail);
      const ref = strongRefOf(created.body);
      if (!ref) {
        const odd = unexpectedAnswer('Bluesky', createUrl);
        return fail(odd.reason, odd.detail);
      }
      const rkey = ref.uri.split('/').pop() ?? '';
      posted.push({
        index,
        id: ref.uri,
        uri: ref.uri,
        cid: ref.cid,
        url: `https://bsky.app/profile/${session.profile}/post/${encodeURIComponent(rkey)}`,
      });
      root ??= ref;
      parent = ref;
    }
    return { ok: true, posted };
  }
}

function fieldsOf(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

function sessionOf(body: unknown): Session | null {
  const { accessJwt, did, handle } = fieldsOf(body);
  if (typeof accessJwt !== 'string' || typeof did !== 'string' || !did.startsWith('did:')) {
    return null;
  }
  // A handle whose DNS or well-known check fails is reported as handle.invalid; links use the DID.
  const usableHandle = typeof handle === 'string' && handle !== '' && handle !== 'handle.invalid';
  return { accessJwt, did, profile: usableHandle ? handle : did };
}

/** The blob reference exactly as the PDS gave it: the record must carry it unchanged. */
function blobOf(answer: PostingAnswer & { ok: true }): Record<string, unknown> | null {
  const blob = fieldsOf(answer.body).blob;
  const ref = fieldsOf(fieldsOf(blob).ref);
  return typeof ref.$link === 'string' ? fieldsOf(blob) : null;
}

function strongRefOf(body: unknown): StrongRef | null {
  const { uri, cid } = fieldsOf(body);
  return typeof uri === 'string' && uri.startsWith('at://') && typeof cid === 'string'
    ? { uri, cid }
    : null;
}

function refOf(post: PostedPost | undefined): StrongRef | null {
  return post?.uri && post.cid ? { uri: post.uri, cid: post.cid } : null;
}
