import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  MastodonCredentials,
  ThreadPostRequest,
} from '@shared/domain/share/posting/threadPosting';
import { startFakeMastodonServer, type FakeMastodonServer } from '../testing/fakeMastodonServer';
import { pngOfSize } from '../testing/pngOfSize';
import { MastodonPoster } from './MastodonPoster';

let mastodon: FakeMastodonServer;
let credentials: MastodonCredentials;

beforeEach(async () => {
  mastodon = await startFakeMastodonServer();
  credentials = { instance: mastodon.url, accessToken: mastodon.accessToken };
});

afterEach(async () => {
  await mastodon.close();
});

function thread(posts: string[], overrides: Partial<ThreadPostRequest> = {}): ThreadPostRequest {
  return {
    posts,
    image: null,
    contentWarning: null,
    language: 'en-GB',
    alreadyPosted: [],
    ...overrides,
  };
}

/** A poster whose waits between media checks return at once, counting them. */
function poster(waits: number[] = []): MastodonPoster {
  return new MastodonPoster({
    wait: async (attempt) => {
      waits.push(attempt);
    },
  });
}

describe('MastodonPoster', () => {
  it('posts a 3-post thread, each post replying to the one before, all behind the warning', async () => {
    const result = await poster().post(
      credentials,
      thread(['1/3 Sepsis', '2/3 Methods', '3/3 Verdict'], { contentWarning: 'Trial spoilers' }),
    );

    const statuses = mastodon.statuses();
    expect(statuses.map((status) => status.status)).toEqual([
      '1/3 Sepsis',
      '2/3 Methods',
      '3/3 Verdict',
    ]);
    expect(statuses.map((status) => status.inReplyToId)).toEqual([
      null,
      statuses[0]?.id,
      statuses[1]?.id,
    ]);
    expect(statuses.map((status) => status.spoilerText)).toEqual([
      'Trial spoilers',
      'Trial spoilers',
      'Trial spoilers',
    ]);
    expect(statuses.map((status) => status.language)).toEqual(['en', 'en', 'en']);
    expect(result).toEqual({
      ok: true,
      posted: statuses.map((status, index) => ({
        index,
        id: status.id,
        url: status.url,
        uri: status.uri,
      })),
    });
  });

  it('attaches the image with its description to the first post only', async () => {
    const png = pngOfSize(1200, 630);
    const result = await poster().post(
      credentials,
      thread(['With a card', 'And more'], { image: { png, altText: 'Visual abstract' } }),
    );

    expect(result.ok).toBe(true);
    const [first, second] = mastodon.statuses();
    expect(
      first?.media.map(({ description, mimeType, bytes }) => ({ description, mimeType, bytes })),
    ).toEqual([{ description: 'Visual abstract', mimeType: 'image/png', bytes: Buffer.from(png) }]);
    expect(second?.media).toEqual([]);
  });

  it('waits for Mastodon to finish processing the image before posting', async () => {
    await mastodon.close();
    mastodon = await startFakeMastodonServer({ mediaProcessingPolls: 3 });
    credentials = { instance: mastodon.url, accessToken: mastodon.accessToken };
    const waits: number[] = [];

    const result = await poster(waits).post(
      credentials,
      thread(['With a card'], { image: { png: pngOfSize(4, 4), altText: 'card' } }),
    );

    expect(result.ok).toBe(true);
    expect(waits).toEqual([1, 2, 3]);
    expect(mastodon.requestCounts()['GET /api/v1/media/:id']).toBe(3);
    expect(mastodon.statuses()[0]?.media).toHaveLength(1);
  });

  it('stops after a bounded number of checks when the image is never ready', async () => {
    await mastodon.close();
    mastodon = await startFakeMastodonServer({ mediaProcessingPolls: 1_000 });
    credentials = { instance: mastodon.url, accessToken: mastodon.accessToken };
    const waits: number[] = [];

    const result = await poster(waits).post(
      credentials,
      thread(['With a card', 'two'], { image: { png: pngOfSize(4, 4), altText: 'card' } }),
    );

    expect(waits).toHaveLength(10);
    expect(result).toEqual({
      ok: false,
      posted: [],
      failedIndex: 0,
      reason: 'server-error',
      message:
        'None of the 2 posts is on Mastodon yet: Mastodon is still processing the image. Try again later.',
    });
    expect(mastodon.statuses()).toEqual([]);
  });

  it('reports the posts that are out when post 2 of 4 fails, and resumes from there', async () => {
    mastodon.failStatus(2, { status: 503, error: 'Service Unavailable' });
    const texts = ['one', 'two', 'three', 'four'];
    const request = thread(texts, { contentWarning: 'CW' });

    const failed = await poster().post(credentials, request);

    expect(failed.ok).toBe(false);
    if (failed.ok) return;
    expect(failed.reason).toBe('server-error');
    expect(failed.failedIndex).toBe(1);
    expect(failed.posted.map((post) => post.index)).toEqual([0]);
    expect(failed.message).toBe(
      'Post 1 of 4 is on Mastodon; post 2 was not posted: Mastodon had a problem at 127.0.0.1 (503 Service Unavailable). Resume later to post the rest.',
    );

    const resumed = await poster().post(credentials, { ...request, alreadyPosted: failed.posted });

    expect(resumed.ok).toBe(true);
    expect(resumed.posted.map((post) => post.index)).toEqual([0, 1, 2, 3]);
    const statuses = mastodon.statuses();
    expect(statuses.map((status) => status.status)).toEqual(texts);
    expect(statuses.map((status) => status.inReplyToId)).toEqual([
      null,
      statuses[0]?.id,
      statuses[1]?.id,
      statuses[2]?.id,
    ]);
    expect(statuses.every((status) => status.spoilerText === 'CW')).toBe(true);
  });

  it('does not post twice when a post went out but its answer was lost', async () => {
    mastodon.failStatus(2, { dropConnection: true, afterStoring: true });
    const request = thread(['one', 'two', 'three']);

    const failed = await poster().post(credentials, request);
    expect(failed).toMatchObject({ ok: false, reason: 'unreachable', failedIndex: 1 });
    expect(mastodon.statuses()).toHaveLength(2);

    const resumed = await poster().post(credentials, { ...request, alreadyPosted: failed.posted });

    expect(resumed.ok).toBe(true);
    const statuses = mastodon.statuses();
    expect(statuses.map((status) => status.status)).toEqual(['one', 'two', 'three']);
    expect(resumed.posted.map((post) => post.id)).toEqual(statuses.map((status) => status.id));
    expect(new Set(statuses.map((status) => status.idempotencyKey)).size).toBe(3);
    // Post 2 was sent twice, with the same key, and Mastodon answered with the status it had.
    expect(mastodon.requestCounts()['POST /api/v1/statuses']).toBe(4);
  });

  it('reports a wrong access token without posting and without repeating it', async () => {
    const result = await poster().post(
      { ...credentials, accessToken: 'not-the-token' },
      thread(['one', 'two']),
    );
    expect(result).toEqual({
      ok: false,
      posted: [],
      failedIndex: 0,
      reason: 'credentials',
      message:
        'None of the 2 posts is on Mastodon yet: Mastodon did not accept the access token (The access token is invalid). Check the account details, then try again.',
    });
    expect(result.ok || result.message.includes('not-the-token')).toBe(false);
  });

  it('gives Mastodon’s own words when it refuses a post', async () => {
    mastodon.failStatus(1, {
      status: 422,
      error: 'Validation failed: Text character limit of 500 exceeded',
    });
    const result = await poster().post(credentials, thread(['one']));
    expect(result).toMatchObject({ ok: false, reason: 'rejected', failedIndex: 0 });
    if (result.ok) return;
    expect(result.message).toBe(
      'The post was not put on Mastodon: Mastodon refused it (Validation failed: Text character limit of 500 exceeded). Change what Mastodon refused, then try again.',
    );
  });

  it('says how long to wait when Mastodon limits the rate', async () => {
    mastodon.failStatus(1, {
      status: 429,
      error: 'Too many requests',
      headers: { 'retry-after': '30' },
    });
    const result = await poster().post(credentials, thread(['one']));
    expect(result).toMatchObject({ ok: false, reason: 'rate-limited' });
    if (result.ok) return;
    expect(result.message).toContain('asks to wait 30 seconds');
  });

  it('does not follow a redirect, so the token never reaches another address', async () => {
    const requested: { url: string; redirect: RequestInit['redirect'] }[] = [];
    const redirecting: typeof fetch = async (input, init) => {
      requested.push({ url: String(input), redirect: init?.redirect });
      return new Response(null, {
        status: 302,
        headers: { location: 'https://elsewhere.example/api/v1/statuses' },
      });
    };
    const result = await new MastodonPoster({ fetch: redirecting }).post(
      { ...credentials, instance: 'https://med.example' },
      thread(['one']),
    );
    expect(requested).toEqual([{ url: 'https://med.example/api/v1/statuses', redirect: 'manual' }]);
    expect(result).toMatchObject({ ok: false, reason: 'credentials' });
    if (result.ok) return;
    expect(result.message).toBe(
      'The post was not put on Mastodon: med.example sent Rounds to another address (https://elsewhere.example/api/v1/statuses) instead of answering, so the server address may be wrong. Check the account details, then try again.',
    );
  });

  it('refuses a plain-http instance that is not this computer before sending anything', async () => {
    const requested: string[] = [];
    const spy: typeof fetch = async (input) => {
      requested.push(String(input));
      return new Response('{}');
    };
    const result = await new MastodonPoster({ fetch: spy }).post(
      { ...credentials, instance: 'http://mastodon.example' },
      thread(['one']),
    );
    expect(requested).toEqual([]);
    expect(result).toMatchObject({ ok: false, reason: 'credentials', posted: [], failedIndex: 0 });
    if (result.ok) return;
    expect(result.message).toBe(
      'Rounds sends your Mastodon access token only over a secure connection: use https://mastodon.example instead of http://. The post was not sent.',
    );
  });
});
