import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  BlueskyCredentials,
  ThreadPostRequest,
} from '@shared/domain/share/posting/threadPosting';
import { startFakeBlueskyServer, type FakeBlueskyServer } from '../testing/fakeBlueskyServer';
import { BlueskyPoster } from './BlueskyPoster';
import { pngOfSize } from '../testing/pngOfSize';

const NOW = new Date('2026-03-04T09:30:00.000Z');
let bluesky: FakeBlueskyServer;
let credentials: BlueskyCredentials;

beforeEach(async () => {
  bluesky = await startFakeBlueskyServer();
  credentials = {
    service: bluesky.url,
    identifier: 'clinician.test',
    appPassword: 'abcd-efgh-ijkl-mnop',
  };
});

afterEach(async () => {
  await bluesky.close();
});

function thread(posts: string[], overrides: Partial<ThreadPostRequest> = {}): ThreadPostRequest {
  return {
    posts,
    image: null,
    contentWarning: null,
    language: 'en',
    alreadyPosted: [],
    ...overrides,
  };
}

function poster(): BlueskyPoster {
  return new BlueskyPoster({ now: () => NOW });
}

describe('BlueskyPoster', () => {
  it('posts a 3-post thread, each post replying to the first and to the one before', async () => {
    const result = await poster().post(
      credentials,
      thread(['1/3 Sepsis trial #EBM', '2/3 See doi.org/10.1/x.', '3/3 Thanks!']),
    );

    const posts = bluesky.posts();
    expect(posts.map((post) => post.text)).toEqual([
      '1/3 Sepsis trial #EBM',
      '2/3 See doi.org/10.1/x.',
      '3/3 Thanks!',
    ]);
    const [first, second, third] = posts;
    const ref = (post: typeof first) => ({ uri: post?.uri, cid: post?.cid });
    expect(first?.reply).toBeNull();
    expect(second?.reply).toEqual({ root: ref(first), parent: ref(first) });
    expect(third?.reply).toEqual({ root: ref(first), parent: ref(second) });
    expect(posts.every((post) => post.createdAt === NOW.toISOString())).toBe(true);
    expect(posts.every((post) => post.langs?.[0] === 'en')).toBe(true);
    expect(first?.facets).toEqual([
      {
        index: { byteStart: 17, byteEnd: 21 },
        features: [{ $type: 'app.bsky.richtext.facet#tag', tag: 'EBM' }],
      },
    ]);
    expect(second?.facets).toEqual([
      {
        index: { byteStart: 8, byteEnd: 22 },
        features: [{ $type: 'app.bsky.richtext.facet#link', uri: 'https://doi.org/10.1/x' }],
      },
    ]);
    expect(third?.facets).toBeNull();
    expect(result).toEqual({
      ok: true,
      posted: posts.map((post, index) => ({
        index,
        id: post.uri,
        uri: post.uri,
        cid: post.cid,
        url: `https://bsky.app/profile/clinician.test/post/${post.rkey}`,
      })),
    });
  });

  it('attaches the image with its alt text and shape to the first post only', async () => {
    const png = pngOfSize(1200, 630);
    const result = await poster().post(
      credentials,
      thread(['With a card', 'And more'], {
        image: { png, altText: 'Visual abstract: mortality 21% vs 24%' },
      }),
    );

    expect(result.ok).toBe(true);
    const [first, second] = bluesky.posts();
    expect(first?.images).toEqual([
      {
        alt: 'Visual abstract: mortality 21% vs 24%',
        mimeType: 'image/png',
        bytes: Buffer.from(png),
        aspectRatio: { width: 1200, height: 630 },
      },
    ]);
    expect(second?.images).toEqual([]);
  });

  it('reports the posts that are out when post 2 of 4 fails, and resumes from there', async () => {
    bluesky.failPost(2, { status: 502, error: 'UpstreamFailure', message: 'Upstream Failure' });
    const texts = ['one', 'two', 'three', 'four'];

    const failed = await poster().post(credentials, thread(texts));

    expect(failed.ok).toBe(false);
    if (failed.ok) return;
    expect(failed.reason).toBe('server-error');
    expect(failed.failedIndex).toBe(1);
    expect(failed.posted.map((post) => post.index)).toEqual([0]);
    expect(failed.message).toBe(
      `Post 1 of 4 is on Bluesky; post 2 was not posted: Bluesky had a problem at 127.0.0.1 (502 Bad Gateway: Upstream Failure). Resume later to post the rest.`,
    );
    expect(bluesky.posts().map((post) => post.text)).toEqual(['one']);

    const resumed = await poster().post(
      credentials,
      thread(texts, { alreadyPosted: failed.posted }),
    );

    expect(resumed.ok).toBe(true);
    expect(resumed.posted.map((post) => post.index)).toEqual([0, 1, 2, 3]);
    const posts = bluesky.posts();
    expect(posts.map((post) => post.text)).toEqual(texts);
    const root = { uri: posts[0]?.uri, cid: posts[0]?.cid };
    expect(posts.slice(1).map((post) => post.reply)).toEqual([
      { root, parent: root },
      { root, parent: { uri: posts[1]?.uri, cid: posts[1]?.cid } },
      { root, parent: { uri: posts[2]?.uri, cid: posts[2]?.cid } },
    ]);
  });

  it('does not upload the image again when the first post is already out', async () => {
    const first = await poster().post(credentials, thread(['one']));
    const resumed = await poster().post(
      credentials,
      thread(['one', 'two'], {
        image: { png: pngOfSize(10, 10), altText: 'card' },
        alreadyPosted: first.posted,
      }),
    );
    expect(resumed.ok).toBe(true);
    expect(bluesky.requestCounts()['com.atproto.repo.uploadBlob']).toBeUndefined();
  });

  it('refuses to resume from a record of earlier posts with a gap, rather than chain wrongly', async () => {
    const first = await poster().post(credentials, thread(['one', 'two']));
    const second = first.posted[1];
    if (!second) throw new Error('the first try should have posted two posts');

    const result = await poster().post(
      credentials,
      thread(['one', 'two', 'three'], { alreadyPosted: [second] }),
    );

    expect(result).toEqual({
      ok: false,
      posted: [second],
      failedIndex: 0,
      reason: 'rejected',
      message:
        'Rounds cannot tell which Bluesky posts of this thread are already out, so it did not post the rest. Delete the posts that went out, then post the thread again.',
    });
    expect(bluesky.posts()).toHaveLength(2);
  });

  it('answers that everything is out when there is nothing left to post', async () => {
    const first = await poster().post(credentials, thread(['one']));
    const again = await poster().post(
      credentials,
      thread(['one'], { alreadyPosted: first.posted }),
    );
    expect(again).toEqual(first);
    expect(bluesky.posts()).toHaveLength(1);
  });

  it('logs in with a handle copied with its @ and spaces around the app password', async () => {
    const result = await poster().post(
      { ...credentials, identifier: ' @clinician.test', appPassword: ' abcd-efgh-ijkl-mnop ' },
      thread(['one']),
    );
    expect(result.ok).toBe(true);
  });

  it('reports wrong credentials without posting and without repeating the password', async () => {
    const result = await poster().post(
      { ...credentials, appPassword: 'wrong-pass-word-1234' },
      thread(['one', 'two']),
    );

    expect(result).toEqual({
      ok: false,
      posted: [],
      failedIndex: 0,
      reason: 'credentials',
      message:
        'None of the 2 posts is on Bluesky yet: Bluesky did not accept the handle and app password for clinician.test (Invalid identifier or password). Check the account details, then try again.',
    });
    expect(bluesky.posts()).toEqual([]);
  });

  it('never repeats the app password, even when the server echoes it', async () => {
    bluesky.failSession({
      status: 400,
      error: 'InvalidRequest',
      message: `Bad password abcd-efgh-ijkl-mnop`,
    });
    const result = await poster().post(credentials, thread(['one']));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).not.toContain('abcd-efgh-ijkl-mnop');
    expect(result.message).toContain('Bad password ••••');
  });

  it('says how long to wait when Bluesky limits the rate', async () => {
    bluesky.failPost(1, {
      status: 429,
      error: 'RateLimitExceeded',
      message: 'Rate Limit Exceeded',
      headers: { 'retry-after': '120' },
    });
    const result = await poster().post(credentials, thread(['one']));
    expect(result).toMatchObject({ ok: false, reason: 'rate-limited', failedIndex: 0 });
    if (result.ok) return;
    expect(result.message).toBe(
      'The post was not put on Bluesky: Bluesky is limiting how many posts can be sent, and asks to wait 2 minutes. Try again later.',
    );
  });

  it('reads the wait from Bluesky’s rate-limit reset time when there is no Retry-After', async () => {
    const reset = Math.floor(NOW.getTime() / 1000) + 45;
    bluesky.failPost(1, { status: 429, headers: { 'ratelimit-reset': String(reset) } });
    const result = await poster().post(credentials, thread(['one']));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain('asks to wait 45 seconds');
  });

  it('gives Bluesky’s own words when it refuses a post', async () => {
    bluesky.failPost(1, {
      status: 400,
      error: 'InvalidRecord',
      message: 'Record/text must not be longer than 300 graphemes',
    });
    const result = await poster().post(credentials, thread(['one']));
    expect(result).toMatchObject({ ok: false, reason: 'rejected' });
    if (result.ok) return;
    expect(result.message).toBe(
      'The post was not put on Bluesky: Bluesky refused it (Record/text must not be longer than 300 graphemes). Change what Bluesky refused, then try again.',
    );
  });

  it('reports an unreachable server as such', async () => {
    await bluesky.close();
    const result = await poster().post(credentials, thread(['one']));
    expect(result).toMatchObject({ ok: false, reason: 'unreachable', failedIndex: 0, posted: [] });
    if (result.ok) return;
    expect(result.message).toMatch(
      /^The post was not put on Bluesky: Rounds could not reach 127\.0\.0\.1/,
    );
    bluesky = await startFakeBlueskyServer();
  });

  it('refuses a plain-http server that is not this computer before sending anything', async () => {
    const requested: string[] = [];
    const spy: typeof fetch = async (input) => {
      requested.push(String(input));
      return new Response('{}');
    };
    const result = await new BlueskyPoster({ fetch: spy }).post(
      { ...credentials, service: 'http://bsky.example.org' },
      thread(['one', 'two']),
    );
    expect(requested).toEqual([]);
    expect(result).toEqual({
      ok: false,
      posted: [],
      failedIndex: 0,
      reason: 'credentials',
      message:
        'Rounds sends your Bluesky app password only over a secure connection: use https://bsky.example.org instead of http://. None of the 2 posts was sent.',
    });
  });
});
