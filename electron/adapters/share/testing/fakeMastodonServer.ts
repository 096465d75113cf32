import {
  fieldsOf,
  jsonBody,
  startLoopbackServer,
  type FakeAnswer,
  type FakeRequest,
} from './loopbackServer';

// A Mastodon instance in miniature: media upload (v2, with background processing), media status
// and status creation, answered as Mastodon does (`{ error }` bodies, 202/206 while processing,
// Idempotency-Key replays), keeping what it was sent so tests can read the thread back.

export interface FakeMastodonOptions {
  accessToken?: string;
  /** The account's username, used in status URLs. */
  username?: string;
  /**
   * How many times GET /api/v1/media/:id answers 206 (still processing) before 200. 0 (the
   * default) makes the upload itself answer 200 with the processed attachment.
   */
  mediaProcessingPolls?: number;
}

/** An uploaded media attachment. */
export interface FakeMastodonMedia {
  id: string;
  description: string | null;
  mimeType: string;
  fileName: string;
  bytes: Buffer;
  processed: boolean;
}

/** A status the server accepted. */
export interface FakeMastodonStatus {
  id: string;
  url: string;
  uri: string;
  status: string;
  inReplyToId: string | null;
  spoilerText: string;
  language: string | null;
  media: FakeMastodonMedia[];
  idempotencyKey: string | null;
}

/** How one request should fail instead of being answered normally. */
export type FakeMastodonFailure =
  | { status: number; error?: string; headers?: Record<string, string> }
  /** Closes the connection without an answer; with `afterStoring`, once the status is kept. */
  | { dropConnection: true; afterStoring?: boolean };

export interface FakeMastodonServer {
  url: string;
  accessToken: string;
  close(): Promise<void>;
  /** Every status created, in order (a replayed Idempotency-Key creates none). */
  statuses(): FakeMastodonStatus[];
  /** Every attachment uploaded. */
  media(): FakeMastodonMedia[];
  /** Makes the `attempt`-th POST /api/v1/statuses (counted from 1 since start) fail once. */
  failStatus(attempt: number, failure: FakeMastodonFailure): void;
  /** How many requests each route received (`POST /api/v1/statuses`, …). */
  requestCounts(): Record<string, number>;
}

const STATUS_ID_BASE = 113_000_000_000_000_000n;

/** Starts a fake Mastodon instance on 127.0.0.1; close it when the test ends. */
export async function startFakeMastodonServer(
  options: FakeMastodonOptions = {},
): Promise<FakeMastodonServer> {
  const accessToken = options.accessToken ?? 'rounds-test-token';
  const username = options.username ?? 'clinician';
  const pollsNeeded = options.mediaProcessingPolls ?? 0;
  const statuses: FakeMastodonStatus[] = [];
  const media: FakeMastodonMedia[] = [];
  const pollsSoFar = new Map<string, number>();
  const byIdempotencyKey = new Map<string, FakeMastodonStatus>();
  const failures = new Map<number, FakeMastodonFailure>();
  const counts: Record<string, number> = {};
  let statusAttempts = 0;
  let origin = '';

  async function uploadMedia(request: FakeRequest): Promise<FakeAnswer> {
    const form = await formOf(request);
    const file = form?.get('file');
    if (!form || !(file instanceof Blob) || file.size === 0) {
      return mastodonError(422, 'Validation failed: File must be given');
    }
    const description = form.get('description');
    const attachment: FakeMastodonMedia = {
      id: String(media.length + 1),
      description: typeof description === 'string' ? description : null,
      mimeType: file.type,
      fileName: file instanceof File ? file.name : 'blob',
      bytes: Buffer.from(await file.arrayBuffer()),
      processed: pollsNeeded === 0,
    };
    media.push(attachment);
    return { status: attachment.processed ? 200 : 202, json: mediaJson(attachment) };
  }

  function mediaStatus(id: string): FakeAnswer {
    const attachment = media.find((candidate) => candidate.id === id);
    if (!attachment) return mastodonError(404, 'Record not found');
    const polls = (pollsSoFar.get(id) ?? 0) + 1;
    pollsSoFar.set(id, polls);
    if (polls >= pollsNeeded) attachment.processed = true;
    return { status: attachment.processed ? 200 : 206, json: mediaJson(attachment) };
  }

  async function createStatus(request: FakeRequest): Promise<FakeAnswer> {
    statusAttempts += 1;
    const failure = failures.get(statusAttempts);
    failures.delete(statusAttempts);
    if (failure && !('dropConnection' in failure && failure.afterStoring)) return failed(failure);
    const keyHeader = request.headers['idempotency-key'];
    const idempotencyKey = typeof keyHeader === 'string' ? keyHeader : null;
    const replayed = idempotencyKey ? byIdempotencyKey.get(idempotencyKey) : undefined;
    if (replayed) return { status: 200, json: statusJson(replayed) };
    const params = await statusParams(request);
    if (!params) return mastodonError(422, 'Validation failed: Text can’t be blank');
    const attached = params.mediaIds.map((id) => media.find((candidate) => candidate.id === id));
    if (attached.some((attachment) => attachment === undefined)) {
      return mastodonError(422, 'Validation failed: Media attachments are invalid');
    }
    const attachments = attached.filter((a): a is FakeMastodonMedia => a !== undefined);
    if (attachments.some((attachment) => !attachment.processed)) {
      return mastodonError(
        422,
        'Cannot attach files that have not finished processing. Try again in a moment!',
      );
    }
    if (params.status.trim() === '' && attachments.length === 0) {
      return mastodonError(422, 'Validation failed: Text can’t be blank');
    }
    if (params.inReplyToId && !statuses.some((status) => status.id === params.inReplyToId)) {
      return mastodonError(404, 'Record not found');
    }
    const id = String(STATUS_ID_BASE + BigInt(statuses.length + 1));
    const status: FakeMastodonStatus = {
      id,
      url: `${origin}/@${username}/${id}`,
      uri: `${origin}/users/${username}/statuses/${id}`,
      status: params.status,
      inReplyToId: params.inReplyToId,
      spoilerText: params.spoilerText,
      language: params.language,
      media: attachments,
      idempotencyKey,
    };
    statuses.push(status);
    if (idempotencyKey) byIdempotencyKey.set(idempotencyKey, status);
    if (failure) return { drop: true };
    return { status: 200, json: statusJson(status) };
  }

  function statusJson(status: FakeMastodonStatus): unknown {
    return {
      id: status.id,
      url: status.url,
      uri: status.uri,
      content: `<p>${status.status}</p>`,
      in_reply_to_id: status.inReplyToId,
      spoiler_text: status.spoilerText,
      sensitive: status.spoilerText !== '',
      language: status.language,
      media_attachments: status.media.map(mediaJson),
    };
  }

  function mediaJson(attachment: FakeMastodonMedia): unknown {
    return {
      id: attachment.id,
      type: 'image',
      url: attachment.processed ? `${origin}/media/${attachment.id}.png` : null,
      preview_url: `${origin}/media/${attachment.id}-small.png`,
      description: attachment.description,
    };
  }

  const server = await startLoopbackServer(async (request) => {
    const route = `${request.method} ${request.path.replace(/\/\d+$/, '/:id')}`;
    counts[route] = (counts[route] ?? 0) + 1;
    if (request.bearer !== accessToken) return mastodonError(401, 'The access token is invalid');
    if (route === 'POST /api/v2/media') return uploadMedia(request);
    if (route === 'GET /api/v1/media/:id') return mediaStatus(request.path.split('/').pop() ?? '');
    if (route === 'POST /api/v1/statuses') return createStatus(request);
    return mastodonError(404, 'Not Found');
  });
  origin = server.url;

  return {
    url: server.url,
    accessToken,
    close: () => server.close(),
    statuses: () => statuses.map((status) => ({ ...status })),
    media: () => media.map((attachment) => ({ ...attachment })),
    failStatus: (attempt, failure) => failures.set(attempt, failure),
    requestCounts: () => ({ ...counts }),
  };
}

interface StatusParams {
  status: string;
  inReplyToId: string | null;
  spoilerText: string;
  language: string | null;
  mediaIds: string[];
}

/** Reads the status parameters as Mastodon does, from JSON or from a form. */
async function statusParams(request: FakeRequest): Promise<StatusParams | null> {
  const type = request.headers['content-type'] ?? '';
  if (type.startsWith('application/json')) {
    const body = fieldsOf(jsonBody(request));
    return {
      status: typeof body.status === 'string' ? body.status : '',
      inReplyToId: typeof body.in_reply_to_id === 'string' ? body.in_reply_to_id : null,
      spoilerText: typeof body.spoiler_text === 'string' ? body.spoiler_text : '',
      language: typeof body.language === 'string' ? body.language : null,
      mediaIds: Array.isArray(body.media_ids) ? body.media_ids.map(String) : [],
    };
  }
  const form = await formOf(request);
  if (!form) return null;
  const text = (name: string): string | null => {
    const value = form.get(name);
    return typeof value === 'string' ? value : null;
  };
  return {
    status: text('status') ?? '',
    inReplyToId: text('in_reply_to_id'),
    spoilerText: text('spoiler_text') ?? '',
    language: text('language'),
    mediaIds: form.getAll('media_ids[]').map(String),
  };
}

/** Parses a multipart or URL-encoded body with the platform's own form parser. */
async function formOf(request: FakeRequest): Promise<FormData | null> {
  try {
    return await new Request('http://fake.invalid/', {
      method: 'POST',
      headers: { 'content-type': request.headers['content-type'] ?? '' },
      body: request.body,
    }).formData();
  } catch {
    return null;
  }
}

function mastodonError(status: number, error: string): FakeAnswer {
  return { status, json: { error } };
}

function failed(failure: FakeMastodonFailure): FakeAnswer {
  if ('dropConnection' in failure) return { drop: true };
  return {
    status: failure.status,
    json: { error: failure.error ?? 'Failure' },
    ...(failure.headers ? { headers: failure.headers } : {}),
  };
}
