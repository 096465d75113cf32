import { createHash, randomUUID } from 'node:crypto';
import {
  fieldsOf,
  jsonBody,
  startLoopbackServer,
  type FakeAnswer,
  type FakeRequest,
} from './loopbackServer';

// A Bluesky PDS in miniature, answering the three XRPC procedures Rounds posts a thread with as
// the real one does (shapes, status codes, `{ error, message }` bodies), and keeping what it was
// sent so tests can read the thread back.

export interface FakeBlueskyOptions {
  /** The account's handle; the identifier that logs in (the DID works too). */
  handle?: string;
  did?: string;
  appPassword?: string;
}

/** An image of a post, as the server stored it. */
export interface FakeBlueskyImage {
  alt: string;
  mimeType: string;
  bytes: Buffer;
  aspectRatio: { width: number; height: number } | null;
}

/** A strong reference (`com.atproto.repo.strongRef`). */
export interface FakeStrongRef {
  uri: string;
  cid: string;
}

/** A post record the server accepted. */
export interface FakeBlueskyPost {
  uri: string;
  cid: string;
  rkey: string;
  text: string;
  createdAt: string;
  langs: string[] | null;
  facets: unknown[] | null;
  reply: { root: FakeStrongRef; parent: FakeStrongRef } | null;
  images: FakeBlueskyImage[];
}

/** How one request should fail instead of being answered normally. */
export type FakeFailure =
  | { status: number; error?: string; message?: string; headers?: Record<string, string> }
  /** Closes the connection without an answer; with `afterStoring`, once the post is kept. */
  | { dropConnection: true; afterStoring?: boolean };

export interface FakeBlueskyServer {
  url: string;
  handle: string;
  did: string;
  close(): Promise<void>;
  /** Every post accepted, in the order they arrived. */
  posts(): FakeBlueskyPost[];
  /** Makes the `attempt`-th createRecord request (counted from 1 since start) fail once. */
  failPost(attempt: number, failure: FakeFailure): void;
  /** Makes the next login fail once. */
  failSession(failure: FakeFailure): void;
  /** How many requests each procedure received, answered or not. */
  requestCounts(): Record<string, number>;
}

const DEFAULTS = {
  handle: 'clinician.test',
  did: 'did:plc:roundsclinician0000000001',
  appPassword: 'abcd-efgh-ijkl-mnop',
};

/** Starts a fake Bluesky PDS on 127.0.0.1; close it when the test ends. */
export async function startFakeBlueskyServer(
  options: FakeBlueskyOptions = {},
): Promise<FakeBlueskyServer> {
  const account = { ...DEFAULTS, ...options };
  const sessions = new Set<string>();
  const blobs = new Map<string, { mimeType: string; bytes: Buffer }>();
  const posts: FakeBlueskyPost[] = [];
  const postFailures = new Map<number, FakeFailure>();
  let sessionFailure: FakeFailure | null = null;
  const counts: Record<string, number> = {};
  let postAttempts = 0;

  function createSession(request: FakeRequest): FakeAnswer {
    const body = fieldsOf(jsonBody(request));
    if (sessionFailure) {
      const failure = sessionFailure;
      sessionFailure = null;
      return failed(failure);
    }
    const knownIdentifier = body.identifier === account.handle || body.identifier === account.did;
    if (!knownIdentifier || body.password !== account.appPassword) {
      return xrpcError(401, 'AuthenticationRequired', 'Invalid identifier or password');
    }
    const accessJwt = `fake-access-${randomUUID()}`;
    sessions.add(accessJwt);
    return {
      status: 200,
      json: {
        accessJwt,
        refreshJwt: `fake-refresh-${randomUUID()}`,
        handle: account.handle,
        did: account.did,
        active: true,
      },
    };
  }

  function uploadBlob(request: FakeRequest): FakeAnswer {
    const mimeType = request.headers['content-type'] ?? '*/*';
    if (request.body.length === 0) return xrpcError(400, 'InvalidRequest', 'Blob is empty');
    const cid = contentId('bafkrei', request.body);
    blobs.set(cid, { mimeType, bytes: request.body });
    return {
      status: 200,
      json: { blob: { $type: 'blob', ref: { $link: cid }, mimeType, size: request.body.length } },
    };
  }

  function createRecord(request: FakeRequest): FakeAnswer {
    postAttempts += 1;
    const failure = postFailures.get(postAttempts);
    postFailures.delete(postAttempts);
    if (failure && !('dropConnection' in failure && failure.afterStoring)) return failed(failure);
    const body = fieldsOf(jsonBody(request));
    if (body.repo !== account.did && body.repo !== account.handle) {
      return xrpcError(403, 'InvalidRequest', 'Not your repository');
    }
    if (body.collection !== 'app.bsky.feed.post') {
      return xrpcError(400, 'InvalidRequest', 'Unsupported collection');
    }
    const record = fieldsOf(body.record);
    const problem = problemWithPost(record);
    if (problem) return xrpcError(400, 'InvalidRecord', problem);
    const rkey = `3lfake${String(posts.length + 1).padStart(7, '0')}`;
    const uri = `at://${account.did}/app.bsky.feed.post/${rkey}`;
    const cid = contentId('bafyrei', Buffer.from(JSON.stringify(record)));
    posts.push({
      uri,
      cid,
      rkey,
      text: record.text as string,
      createdAt: record.createdAt as string,
      langs: Array.isArray(record.langs) ? (record.langs as string[]) : null,
      facets: Array.isArray(record.facets) ? (record.facets as unknown[]) : null,
      reply: record.reply ? (record.reply as FakeBlueskyPost['reply']) : null,
      images: imagesOf(record),
    });
    if (failure) return { drop: true };
    return {
      status: 200,
      json: { uri, cid, commit: { cid: contentId('bafyrei', Buffer.from(uri)), rev: rkey } },
    };
  }

  /** What the real PDS would refuse in a post record, or null. */
  function problemWithPost(record: Record<string, unknown>): string | null {
    if (record.$type !== 'app.bsky.feed.post') return 'Record/$type must be app.bsky.feed.post';
    if (typeof record.text !== 'string') return 'Record/text must be a string';
    if (Buffer.byteLength(record.text) > 3000)
      return 'Record/text must not be longer than 3000 bytes';
    if (typeof record.createdAt !== 'string' || Number.isNaN(Date.parse(record.createdAt))) {
      return 'Record/createdAt must be a valid datetime';
    }
    if (record.reply !== undefined) {
      const reply = fieldsOf(record.reply);
      for (const part of ['root', 'parent'] as const) {
        const ref = fieldsOf(reply[part]);
        if (!posts.some((post) => post.uri === ref.uri && post.cid === ref.cid)) {
          return `Record/reply/${part} must refer to an existing post`;
        }
      }
    }
    if (record.embed !== undefined) {
      const embed = fieldsOf(record.embed);
      if (embed.$type !== 'app.bsky.embed.images' || !Array.isArray(embed.images)) {
        return 'Record/embed must be app.bsky.embed.images';
      }
      for (const image of embed.images) {
        const fields = fieldsOf(image);
        if (typeof fields.alt !== 'string') return 'Record/embed/images/alt must be a string';
        const link = fieldsOf(fieldsOf(fields.image).ref).$link;
        if (typeof link !== 'string' || !blobs.has(link)) {
          return 'Record/embed/images/image must be an uploaded blob';
        }
      }
    }
    return null;
  }

  function imagesOf(record: Record<string, unknown>): FakeBlueskyImage[] {
    const images = fieldsOf(record.embed).images;
    if (!Array.isArray(images)) return [];
    return images.map((image) => {
      const fields = fieldsOf(image);
      const blob = blobs.get(fieldsOf(fieldsOf(fields.image).ref).$link as string);
      const ratio = fieldsOf(fields.aspectRatio);
      return {
        alt: fields.alt as string,
        mimeType: blob?.mimeType ?? '',
        bytes: blob?.bytes ?? Buffer.alloc(0),
        aspectRatio:
          typeof ratio.width === 'number' && typeof ratio.height === 'number'
            ? { width: ratio.width, height: ratio.height }
            : null,
      };
    });
  }

  const server = await startLoopbackServer((request) => {
    const method = request.path.replace(/^\/xrpc\//, '');
    counts[method] = (counts[method] ?? 0) + 1;
    if (request.method !== 'POST') return xrpcError(405, 'InvalidRequest', 'Use POST');
    if (method === 'com.atproto.server.createSession') return createSession(request);
    if (request.bearer === null || !sessions.has(request.bearer)) {
      return xrpcError(401, 'InvalidToken', 'Token could not be verified');
    }
    if (method === 'com.atproto.repo.uploadBlob') return uploadBlob(request);
    if (method === 'com.atproto.repo.createRecord') return createRecord(request);
    return xrpcError(404, 'MethodNotImplemented', 'Method Not Implemented');
  });

  return {
    url: server.url,
    handle: account.handle,
    did: account.did,
    close: () => server.close(),
    posts: () => posts.map((post) => ({ ...post })),
    failPost: (attempt, failure) => postFailures.set(attempt, failure),
    failSession: (failure) => {
      sessionFailure = failure;
    },
    requestCounts: () => ({ ...counts }),
  };
}

function xrpcError(status: number, error: string, message: string): FakeAnswer {
  return { status, json: { error, message } };
}

function failed(failure: FakeFailure): FakeAnswer {
  if ('dropConnection' in failure) return { drop: true };
  return {
    status: failure.status,
    json: { error: failure.error ?? 'Failure', message: failure.message ?? 'Failure' },
    ...(failure.headers ? { headers: failure.headers } : {}),
  };
}

/** A stand-in for a CID: stable for the same content, shaped like the real ones. */
function contentId(prefix: string, content: Buffer): string {
  return prefix + createHash('sha256').update(content).digest('hex').slice(0, 52);
}
