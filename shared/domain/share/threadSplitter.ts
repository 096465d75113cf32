import twitterText from 'twitter-text';
import {
  measurePost,
  platformLimit,
  type MeasureOptions,
  type SharePlatform,
} from './platformRules';
import { graphemesOf, type TextSpan } from './textUnits';

export interface ThreadPost {
  /** What to publish: this post's part of the text, then " i/n" when the thread has several. */
  text: string;
  /** This post's part of the original text, exactly as it was there. */
  body: string;
  /** The whitespace taken out between this post and the next; '' after the last post. */
  separator: string;
}

export interface ThreadSplit {
  posts: ThreadPost[];
  /** Sentences for the user when the split had to do something they should check. */
  warnings: string[];
}

/** Where a post may end: its body stops at `bodyEnd`, the next post starts at `nextStart`. */
interface BreakPoint {
  bodyEnd: number;
  nextStart: number;
  /** Lower is better: 0 paragraph, 1 line, 2 sentence, 3 word. */
  rank: number;
}

const PARAGRAPH = 0;
const LINE = 1;
const SENTENCE = 2;
const WORD = 3;
/**
 * A better kind of break (a paragraph over a sentence, a sentence over a word) is taken only if it
 * keeps at least this share of what the post could hold, so preferring it never leaves a stub.
 */
const PREFERRED_BREAK_MIN_FILL = 0.5;

const WHITESPACE_RUN = /\s+/gu;
const BLANK_LINE = /\n[^\S\n]*\n/u;
const SENTENCE_END_BEFORE = /[.!?…。！？][)\]"'’”»]*$/u;
/** Full stops of scripts written without spaces: a sentence may end there with no whitespace. */
const UNSPACED_SENTENCE_END = /[。！？](?=\S)/gu;
/**
 * Links, hashtags and mentions (with a Mastodon `@user@host`): a post never ends inside one unless
 * it alone is longer than a post. Broader than any platform's own rule, which only errs on the
 * side of keeping a token whole.
 */
const PROTECTED_TOKEN = /https?:\/\/\S+|[#＃@＠][\p{L}\p{M}\p{N}_]+(?:[@.-][\p{L}\p{M}\p{N}_]+)*/gu;

function protectedSpans(text: string): TextSpan[] {
  const spans: TextSpan[] = twitterText
    .extractUrlsWithIndices(text)
    .map(({ indices: [start, end] }) => ({ start, end }));
  for (const match of text.matchAll(PROTECTED_TOKEN)) {
    spans.push({ start: match.index, end: match.index + match[0].length });
  }
  return spans;
}

function isInside(position: number, spans: readonly TextSpan[]): boolean {
  return spans.some((span) => position > span.start && position < span.end);
}

function breakPointsOf(text: string, spans: readonly TextSpan[]): BreakPoint[] {
  const points: BreakPoint[] = [];
  for (const match of text.matchAll(WHITESPACE_RUN)) {
    const bodyEnd = match.index;
    const nextStart = bodyEnd + match[0].length;
    // A break needs text on both sides: leading and trailing whitespace stays in the posts.
    if (bodyEnd === 0 || nextStart === text.length) continue;
    const run = match[0];
    const rank = BLANK_LINE.test(run)
      ? PARAGRAPH
      : run.includes('\n')
        ? LINE
        : SENTENCE_END_BEFORE.test(text.slice(Math.max(0, bodyEnd - 8), bodyEnd))
          ? SENTENCE
          : WORD;
    points.push({ bodyEnd, nextStart, rank });
  }
  for (const match of text.matchAll(UNSPACED_SENTENCE_END)) {
    const position = match.index + match[0].length;
    if (!isInside(position, spans)) {
      points.push({ bodyEnd: position, nextStart: position, rank: SENTENCE });
    }
  }
  points.sort((a, b) => a.bodyEnd - b.bodyEnd);
  // The end of the text closes the last post. As a point like the others, it is reached by the
  // same search, so the whole rest of a long text is not measured again for every post.
  points.push({ bodyEnd: text.length, nextStart: text.length, rank: PARAGRAPH });
  return points;
}

/** The last index in [from, to) for which `fits` holds, assuming it holds up to a point. */
function furthestFitting(from: number, to: number, fits: (index: number) => boolean): number {
  if (from >= to || !fits(from)) return from - 1;
  // Gallop then bisect: a post is short next to the text, so this measures few long prefixes.
  let good = from;
  let step = 1;
  let bad = to;
  while (good + step < to) {
    if (fits(good + step)) {
      good += step;
      step *= 2;
    } else {
      bad = good + step;
      break;
    }
  }
  while (bad - good > 1) {
    const middle = Math.floor((good + bad) / 2);
    if (fits(middle)) good = middle;
    else bad = middle;
  }
  return good;
}

interface Piece {
  body: string;
  separator: string;
}

interface PieceResult {
  pieces: Piece[];
  warnings: string[];
}

function numbering(index: number, total: number | string): string {
  return ` ${index}/${total}`;
}

/**
 * Cuts the text greedily into bodies that fit with a numbering of `totalPlaceholder`'s width.
 * The numbering's width depends only on the count's number of digits, hence the placeholder.
 */
function cutPieces(
  text: string,
  points: readonly BreakPoint[],
  spans: readonly TextSpan[],
  fitsWithNumbering: (body: string, index: number) => boolean,
  platformName: string,
): PieceResult {
  const pieces: Piece[] = [];
  const warnings: string[] = [];
  let start = 0;
  let firstPoint = 0;
  while (start < text.length) {
    const index = pieces.length + 1;
    const fits = (end: number): boolean => fitsWithNumbering(text.slice(start, end), index);
    while (firstPoint < points.length && (points[firstPoint]?.bodyEnd ?? 0) <= start) {
      firstPoint += 1;
    }
    const lastFitting = furthestFitting(firstPoint, points.length, (at) =>
      fits((points[at] as BreakPoint).bodyEnd),
    );
    if (lastFitting >= firstPoint) {
      const furthest = points[lastFitting] as BreakPoint;
      if (furthest.bodyEnd === text.length) {
        pieces.push({ body: text.slice(start), separator: '' });
        break;
      }
      const minimumEnd = start + (furthest.bodyEnd - start) * PREFERRED_BREAK_MIN_FILL;
      let chosen = furthest;
      for (let rank = PARAGRAPH; rank < WORD && chosen === furthest; rank += 1) {
        for (let at = lastFitting; at >= firstPoint; at -= 1) {
          const point = points[at] as BreakPoint;
          if (point.bodyEnd < minimumEnd) break;
          // The check guards against a platform count that is not monotonic in the prefix.
          if (point.rank <= rank && fits(point.bodyEnd)) {
            chosen = point;
            break;
          }
        }
      }
      pieces.push({
        body: text.slice(start, chosen.bodyEnd),
        separator: text.slice(chosen.bodyEnd, chosen.nextStart),
      });
      start = chosen.nextStart;
      continue;
    }
    // No word ends in time: the word is longer than a post, so cut it between graphemes.
    const wordEnd = points[firstPoint]?.bodyEnd ?? text.length;
    const boundaries = graphemesOf(text.slice(start, wordEnd))
      .map(({ index: offset }) => start + offset)
      .filter((position) => position > start)
      .concat(wordEnd);
    const allowed = boundaries.filter((position) => !isInside(position, spans));
    let end = allowed[furthestFitting(0, allowed.length, (at) => fits(allowed[at] as number))];
    if (end === undefined) {
      end =
        boundaries[furthestFitting(0, boundaries.length, (at) => fits(boundaries[at] as number))];
      const cutToken = spans.find((span) => span.start <= start && span.end > start) ?? {
        start,
        end: wordEnd,
      };
      const token = text.slice(cutToken.start, cutToken.end);
      const shown = token.length > 60 ? `${token.slice(0, 57)}…` : token;
      warnings.push(
        `“${shown}” is longer than a whole post on ${platformName}, so it was cut across posts; ` +
          'anyone following it will need to join the parts back together.',
      );
    }
    if (end === undefined) {
      // Not even one character fits beside the numbering: take one anyway so the split ends.
      end = boundaries[0] ?? text.length;
      warnings.push(
        `A post on ${platformName} has no room left for the text beside its numbering; ` +
          'check the limit and any content warning.',
      );
    }
    pieces.push({ body: text.slice(start, end), separator: '' });
    start = end;
  }
  return { pieces, warnings: [...new Set(warnings)] };
}

const PLATFORM_NAMES: Record<SharePlatform, string> = {
  x: 'X',
  bluesky: 'Bluesky',
  mastodon: 'Mastodon',
  threads: 'Threads',
  linkedin: 'LinkedIn',
};

/**
 * Splits `text` into posts that each fit `platform`, preferring blank lines, then line ends, then
 * sentence ends, then spaces, and never ending a post inside a link, hashtag or mention unless it
 * alone exceeds a post. Several posts are numbered " i/n", counted toward each post's limit. The
 * text is not normalised: `joinThread(posts)` gives it back exactly (X measures its NFC form).
 */
export function splitIntoThread(
  platform: SharePlatform,
  text: string,
  options: MeasureOptions = {},
): ThreadSplit {
  if (measurePost(platform, text, options).fits) {
    return { posts: [{ text, body: text, separator: '' }], warnings: [] };
  }
  const platformName = PLATFORM_NAMES[platform];
  if (!measurePost(platform, `x${numbering(1, 2)}`, options).fits) {
    return {
      posts: [{ text, body: text, separator: '' }],
      warnings: [
        `The limit of ${platformLimit(platform, options)} characters on ${platformName} leaves ` +
          'no room for a numbered thread; check the limit and any content warning.',
      ],
    };
  }
  const spans = protectedSpans(text);
  const points = breakPointsOf(text, spans);
  // The count n is part of every post, and the number of posts depends on it: reserve room for a
  // count of d digits, d = 1, 2, ... until the split needs no more digits than it reserved.
  for (let digits = 1; ; digits += 1) {
    const placeholder = '0'.repeat(digits);
    const { pieces, warnings } = cutPieces(
      text,
      points,
      spans,
      (body, index) => measurePost(platform, body + numbering(index, placeholder), options).fits,
      platformName,
    );
    if (String(pieces.length).length <= digits) {
      const total = pieces.length;
      return {
        posts: pieces.map(({ body, separator }, at) => ({
          text: total > 1 ? body + numbering(at + 1, total) : body,
          body,
          separator,
        })),
        warnings,
      };
    }
  }
}

/** The original text back from a thread: each post's body followed by the whitespace removed. */
export function joinThread(posts: readonly ThreadPost[]): string {
  return posts.map(({ body, separator }) => body + separator).join('');
}
