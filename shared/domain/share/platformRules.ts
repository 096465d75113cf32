import twitterText from 'twitter-text';
import { countGraphemes, graphemesOf, utf8ByteLength, type TextSpan } from './textUnits';

export const SHARE_PLATFORMS = ['x', 'bluesky', 'mastodon', 'threads', 'linkedin'] as const;
export type SharePlatform = (typeof SHARE_PLATFORMS)[number];

export interface MeasureOptions {
  /** The user's Mastodon instance limit; 500 (Mastodon's default) when absent. */
  mastodonLimit?: number;
  /** A Mastodon content warning: Mastodon counts it toward the same limit as the post. */
  contentWarning?: string;
}

export interface PostMeasure {
  /** What the platform counts, in `unit`. For Bluesky, the unit of whichever limit binds. */
  used: number;
  limit: number;
  fits: boolean;
  /** How far over the limit the post is, in `unit`; 0 when it fits. */
  overBy: number;
  unit: 'weighted characters' | 'characters' | 'bytes';
}

export const DEFAULT_MASTODON_LIMIT = 500;
const X_LIMIT = 280;
const BLUESKY_GRAPHEME_LIMIT = 300;
const BLUESKY_BYTE_LIMIT = 3_000;
const THREADS_LIMIT = 500;
const LINKEDIN_LIMIT = 3_000;
/** X and Mastodon both replace every counted link by a t.co-sized placeholder. */
const LINK_WEIGHT = 23;
/** X's weight for an emoji, however many code points it is made of. */
const X_EMOJI_WEIGHT = 2;

const EXTENDED_PICTOGRAPHIC = /\p{Extended_Pictographic}/u;

/** What twitter-text weighs one grapheme alone; the same few emoji recur, so it is cached. */
const twitterWeightOfGrapheme = new Map<string, number>();

function twitterWeight(grapheme: string): number {
  let weight = twitterWeightOfGrapheme.get(grapheme);
  if (weight === undefined) {
    weight = twitterText.parseTweet(grapheme).weightedLength;
    twitterWeightOfGrapheme.set(grapheme, weight);
  }
  return weight;
}

function insideAny(index: number, spans: readonly TextSpan[]): boolean {
  return spans.some((span) => index >= span.start && index < span.end);
}

/**
 * X's weighted length. twitter-text does the URL, CJK and symbol weights; its emoji table
 * (twemoji 14) splits newer ZWJ emoji such as 🐦‍🔥 into parts weighing 5 in all, while X counts
 * any emoji as 2, so every grapheme with an Extended_Pictographic character outside a link is set
 * to 2. This can overcount a bare © or ™ by one, which only ever errs on the safe side.
 */
export function xWeightedLength(text: string): number {
  const normalised = text.normalize('NFC');
  let weight = twitterText.parseTweet(normalised).weightedLength;
  if (!EXTENDED_PICTOGRAPHIC.test(normalised)) return weight;
  const links = twitterText
    .extractUrlsWithIndices(normalised)
    .map(({ indices: [start, end] }) => ({ start, end }));
  for (const { segment, index } of graphemesOf(normalised)) {
    if (!EXTENDED_PICTOGRAPHIC.test(segment) || insideAny(index, links)) continue;
    weight += X_EMOJI_WEIGHT - twitterWeight(segment);
  }
  return weight;
}

/** Mastodon's counted text: http(s) links as 23 characters, `@user@host` as `@user`. */
function mastodonCountableText(text: string): string {
  const links = twitterText.extractUrlsWithIndices(text, { extractUrlsWithoutProtocol: false });
  let countable = '';
  let cursor = 0;
  for (const { indices } of links) {
    countable += text.slice(cursor, indices[0]) + 'x'.repeat(LINK_WEIGHT);
    cursor = indices[1];
  }
  countable += text.slice(cursor);
  return countable.replace(
    /(^|[^\p{L}\p{N}_/])@([\p{L}\p{N}_]+(?:[.-]+[\p{L}\p{N}_]+)*)@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu,
    '$1@$2',
  );
}

function measured(used: number, limit: number, unit: PostMeasure['unit']): PostMeasure {
  return { used, limit, fits: used <= limit, overBy: Math.max(0, used - limit), unit };
}

export function platformLimit(platform: SharePlatform, options: MeasureOptions = {}): number {
  switch (platform) {
    case 'x':
      return X_LIMIT;
    case 'bluesky':
      return BLUESKY_GRAPHEME_LIMIT;
    case 'mastodon':
      return options.mastodonLimit ?? DEFAULT_MASTODON_LIMIT;
    case 'threads':
      return THREADS_LIMIT;
    case 'linkedin':
      return LINKEDIN_LIMIT;
  }
}

/** How much of `platform`'s limit `text` uses, counted the way that platform counts. */
export function measurePost(
  platform: SharePlatform,
  text: string,
  options: MeasureOptions = {},
): PostMeasure {
  switch (platform) {
    case 'x':
      return measured(xWeightedLength(text), X_LIMIT, 'weighted characters');
    case 'bluesky': {
      const graphemes = measured(countGraphemes(text), BLUESKY_GRAPHEME_LIMIT, 'characters');
      const bytes = measured(utf8ByteLength(text), BLUESKY_BYTE_LIMIT, 'bytes');
      return graphemes.fits && !bytes.fits ? bytes : graphemes;
    }
    case 'mastodon': {
      const warning = options.contentWarning ?? '';
      const used = countGraphemes(mastodonCountableText(text)) + countGraphemes(warning);
      return measured(used, platformLimit('mastodon', options), 'characters');
    }
    case 'threads':
      return measured(countGraphemes(text), THREADS_LIMIT, 'characters');
    case 'linkedin':
      // LinkedIn's limit is on UTF-16 code units (a Java string's length): an emoji counts 2,
      // which is never less than what a reader sees, so a post that fits here is accepted.
      return measured(text.length, LINKEDIN_LIMIT, 'characters');
  }
}
