import { describe, expect, it } from 'vitest';
import { checkPostingServer, describeThreadFailure } from './threadPosting';

describe('checkPostingServer', () => {
  it.each([
    ['https://bsky.social', 'https://bsky.social'],
    ['https://bsky.social/', 'https://bsky.social'],
    ['  mastodon.social ', 'https://mastodon.social'],
    ['https://Mastodon.Social:8443/@me', 'https://mastodon.social:8443'],
    ['http://127.0.0.1:5123', 'http://127.0.0.1:5123'],
    ['http://localhost:5123', 'http://localhost:5123'],
    ['http://[::1]:5123/', 'http://[::1]:5123'],
  ])('accepts %s as %s', (address, origin) => {
    expect(checkPostingServer(address, 'mastodon')).toEqual({ ok: true, origin });
  });

  it.each([
    [
      'http://bsky.social',
      'Rounds sends your Bluesky app password only over a secure connection: use https://bsky.social instead of http://.',
    ],
    [
      'http://192.168.1.10',
      'Rounds sends your Bluesky app password only over a secure connection: use https://192.168.1.10 instead of http://.',
    ],
    ['ftp://bsky.social', '“ftp://bsky.social” is not an https address of a Bluesky server.'],
    [
      'https://me:secret@bsky.social',
      'The Bluesky server address must not contain a name or password; Bluesky asks for those separately.',
    ],
    ['', 'Enter the address of your Bluesky server.'],
    ['https://', '“https://” is not a web address of a Bluesky server.'],
  ])('refuses %s', (address, message) => {
    expect(checkPostingServer(address, 'bluesky')).toEqual({ ok: false, message });
  });
});

describe('describeThreadFailure', () => {
  it('says which posts are out, what happened to the next and what to do', () => {
    expect(
      describeThreadFailure({
        platform: 'bluesky',
        total: 6,
        postedCount: 3,
        reason: 'rejected',
        detail: 'Bluesky refused it (Record text too long)',
      }),
    ).toBe(
      'Posts 1–3 of 6 are on Bluesky; post 4 was not posted: Bluesky refused it (Record text too long). Change what Bluesky refused, then resume to post the rest.',
    );
  });

  it('speaks of one post in the singular', () => {
    expect(
      describeThreadFailure({
        platform: 'mastodon',
        total: 4,
        postedCount: 1,
        reason: 'server-error',
        detail: 'the server had a problem (502 Bad Gateway)',
      }),
    ).toBe(
      'Post 1 of 4 is on Mastodon; post 2 was not posted: the server had a problem (502 Bad Gateway). Resume later to post the rest.',
    );
  });

  it('says nothing is out when the first post failed', () => {
    expect(
      describeThreadFailure({
        platform: 'mastodon',
        total: 3,
        postedCount: 0,
        reason: 'credentials',
        detail: 'the access token was refused',
      }),
    ).toBe(
      'None of the 3 posts is on Mastodon yet: the access token was refused. Check the account details, then try again.',
    );
  });
});
