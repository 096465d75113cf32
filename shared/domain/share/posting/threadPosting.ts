// The plain data both posters (Bluesky, Mastodon) take and give back, and the sentences they
// answer with. Kept pure so the window can check a server address as it is typed and show the
// same words the backend reports.
import { parseWebUrl } from '../../feeds/parseWebUrl';

/** Where a thread can be posted directly. */
export type PostingPlatform = 'bluesky' | 'mastodon';

/** A Bluesky account reached with an app password (never the account's main password). */
export interface BlueskyCredentials {
  /** The account's PDS, e.g. `https://bsky.social`. */
  service: string;
  /** Handle (`name.bsky.social`), e-mail address or DID. */
  identifier: string;
  /** An app password made in Bluesky's settings (`xxxx-xxxx-xxxx-xxxx`). */
  appPassword: string;
}

/** A Mastodon account reached with an access token made in the instance's Development settings. */
export interface MastodonCredentials {
  /** The instance, e.g. `https://mastodon.social`. */
  instance: string;
  accessToken: string;
}

/** The credentials each platform takes, so a store can be typed per platform. */
export interface PostingCredentialsByPlatform {
  bluesky: BlueskyCredentials;
  mastodon: MastodonCredentials;
}

/** One post of the thread that is out. */
export interface PostedPost {
  /** Position in the thread, from 0. */
  index: number;
  /** Mastodon's status id; for Bluesky, the record's `at://` URI. */
  id: string;
  /** The post's web page, when known. */
  url: string | null;
  /** Bluesky only: the record's content hash, needed to reply to it. */
  cid?: string;
  /** Bluesky: the record's `at://` URI; Mastodon: the status's ActivityPub URI. */
  uri?: string;
}

/** A thread to post, or the rest of one to resume. */
export interface ThreadPostRequest {
  /** The posts' texts in order, each already within the platform's limit. */
  posts: string[];
  /** Attached to the first post only. */
  image: { png: Uint8Array; altText: string } | null;
  /** Mastodon only: shown before every post of the thread. */
  contentWarning: string | null;
  /** BCP 47 / ISO 639 code of the thread's language (`en`, `fr`), or null. */
  language: string | null;
  /** Posts already out from an earlier try, to resume after. */
  alreadyPosted: PostedPost[];
}

/** Why a thread stopped part-way. */
export type PostingFailureReason =
  'credentials' | 'rate-limited' | 'rejected' | 'unreachable' | 'server-error';

/**
 * The outcome of posting a thread. `posted` always lists every post that is out, the resumed ones
 * included, so the caller can keep it and pass it back as `alreadyPosted` to post the rest.
 * `failedIndex` is the position (from 0) of the first post that is not out.
 */
export type ThreadPostResult =
  | { ok: true; posted: PostedPost[] }
  | {
      ok: false;
      posted: PostedPost[];
      failedIndex: number;
      reason: PostingFailureReason;
      message: string;
    };

/** The platform's name as a clinician reads it. */
export function postingPlatformName(platform: PostingPlatform): string {
  return platform === 'bluesky' ? 'Bluesky' : 'Mastodon';
}

/** A server address that may be used, or the sentence saying why it may not. */
export type PostingServerCheck = { ok: true; origin: string } | { ok: false; message: string };

/**
 * Checks the address of a Bluesky PDS or a Mastodon instance before anything is sent to it. The
 * password or token travels to this address, so it must be https; plain http is allowed only on
 * this computer's own loopback address (local test servers). A bare host (`mastodon.social`) is
 * read as https. The answer is the origin, without path or trailing slash.
 */
export function checkPostingServer(address: string, platform: PostingPlatform): PostingServerCheck {
  const name = postingPlatformName(platform);
  const trimmed = address.trim();
  const what = `${name} server`;
  const secret = platform === 'bluesky' ? 'Bluesky app password' : 'Mastodon access token';
  if (trimmed === '') return { ok: false, message: `Enter the address of your ${what}.` };
  const url = parseWebUrl(/^[a-z][a-z\d+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}`);
  if (url === null || url.hostname === '') {
    return { ok: false, message: `“${trimmed}” is not a web address of a ${what}.` };
  }
  if (url.username !== '' || url.password !== '') {
    return {
      ok: false,
      message: `The ${what} address must not contain a name or password; ${name} asks for those separately.`,
    };
  }
  const loopback = LOOPBACK_HOSTS.has(url.hostname.toLowerCase());
  if (url.protocol === 'https:' || (url.protocol === 'http:' && loopback)) {
    return {
      ok: true,
      origin: `${url.protocol}//${url.hostname}${url.port ? `:${url.port}` : ''}`,
    };
  }
  if (url.protocol === 'http:') {
    return {
      ok: false,
      message: `Rounds sends your ${secret} only over a secure connection: use https://${url.hostname} instead of http://.`,
    };
  }
  return { ok: false, message: `“${trimmed}” is not an https address of a ${what}.` };
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', 'localhost']);

/** What went wrong at the first post that is not out, in the words of the failure message. */
export interface ThreadFailure {
  platform: PostingPlatform;
  /** How many posts the thread has. */
  total: number;
  /** How many posts are out (they are always the first ones). */
  postedCount: number;
  reason: PostingFailureReason;
  /** What happened, as a clause: "Bluesky refused it (Record/text too long)". */
  detail: string;
}

/**
 * The sentence a clinician reads when a thread stopped part-way: which posts are out, what
 * happened to the next one, and what to do. E.g. "Posts 1–3 of 6 are on Bluesky; post 4 was not
 * posted: Bluesky refused it (…). Resume to post the rest."
 */
export function describeThreadFailure(failure: ThreadFailure): string {
  const { platform, total, postedCount, reason, detail } = failure;
  const name = postingPlatformName(platform);
  const next = postedCount + 1;
  let out: string;
  if (postedCount === 0) {
    out =
      total === 1
        ? `The post was not put on ${name}`
        : `None of the ${total} posts is on ${name} yet`;
  } else if (postedCount === 1) {
    out = `Post 1 of ${total} is on ${name}; post 2 was not posted`;
  } else {
    out = `Posts 1–${postedCount} of ${total} are on ${name}; post ${next} was not posted`;
  }
  const retry = postedCount === 0 ? 'try again' : 'resume to post the rest';
  const later = postedCount === 0 ? 'Try again later.' : 'Resume later to post the rest.';
  const advice: Record<PostingFailureReason, string> = {
    credentials: `Check the account details, then ${retry}.`,
    'rate-limited': later,
    rejected: `Change what ${name} refused, then ${retry}.`,
    unreachable: `When the connection is back, ${retry}.`,
    'server-error': later,
  };
  return `${out}: ${detail}. ${advice[reason]}`;
}

/**
 * The sentence for a thread stopped before any request because its server address cannot be
 * used: the address check's own sentence, then which posts are out (from an earlier try).
 */
export function describeRefusedServer(
  problem: string,
  platform: PostingPlatform,
  total: number,
  postedCount: number,
): string {
  const name = postingPlatformName(platform);
  if (postedCount === 0) {
    return `${problem} ${total === 1 ? 'The post was not sent.' : `None of the ${total} posts was sent.`}`;
  }
  const out =
    postedCount === 1 ? `Post 1 of ${total} is` : `Posts 1–${postedCount} of ${total} are`;
  return `${problem} ${out} already on ${name}; no more was sent.`;
}
